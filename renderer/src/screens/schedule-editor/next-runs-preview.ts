import { nextRuns, timingProblem } from '../../../../shared/domain/next-sync';
import { NEXT_RUNS_PREVIEW_COUNT } from '../../../../shared/domain/policies';
import { formatRelative } from '../../format/time';
import type { TimingValues } from './editor-form';

export type PreviewRun = { at: number; when: string; relative: string };
export type RunsPreview = { ok: true; zone: string; runs: PreviewRun[] } | { ok: false; problem: string };

const formats = new Map<string, Intl.DateTimeFormat>();

/** "Tue 24 Nov 2026, 06:00" on the zone's own clock, assembled from parts so every ICU version agrees. */
export function formatInZone(at: number, zone: string): string {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
}

/**
 * The next runs the timing would give, from the shared domain's own slot rule: cron runs on the schedule's zone
 * clock, fixed intervals on the operator's. When the timing cannot run, the reason instead.
 */
export function previewNextRuns(
  timing: TimingValues,
  anchorAt: number,
  now: number,
  operatorZone: string,
  count = NEXT_RUNS_PREVIEW_COUNT,
): RunsPreview {
  if (Number.isNaN(timing.customIntervalHours)) {
    return { ok: false, problem: 'Enter the interval in whole hours to see the next runs.' };
  }
  const scheduleTiming = {
    frequency: timing.syncFrequency,
    customIntervalHours: timing.customIntervalHours,
    cronExpression: timing.cronExpression,
    timeZone: timing.timeZone,
    anchorAt,
  };
  const problem = timingProblem(scheduleTiming);
  // The timing's own fields already say what is wrong, in the form's words: say it once.
  if (problem !== null) {
    const what = timing.syncFrequency === 'custom' ? 'the interval' : 'the cron expression and time zone';
    return { ok: false, problem: `Fix ${what} above to see the next runs.` };
  }
  const zone = timing.syncFrequency === 'cron' && timing.timeZone ? timing.timeZone : operatorZone;
  try {
    const runs = nextRuns(scheduleTiming, now, count);
    return {
      ok: true,
      zone,
      runs: runs.map((at) => ({ at, when: formatInZone(at, zone), relative: formatRelative(at, now) })),
    };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
