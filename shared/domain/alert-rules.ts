import type { CredentialSource } from '../views/connection';
import type { AlertKind, AlertSeverity } from './alert-kinds';
import type { ExecutionStatus } from './execution';
import type { Health } from './health';
import { describeSpan } from './health';
import {
  PERFORMANCE_BASELINE_MIN,
  PERFORMANCE_BASELINE_SIZE,
  PERFORMANCE_DEGRADED_FACTOR,
  PERFORMANCE_DEGRADED_MIN_MS,
} from './policies';

/** How loud each kind is: failures the operator must act on are errors, recoveries are news. */
export const ALERT_SEVERITY: Readonly<Record<AlertKind, AlertSeverity>> = {
  sync_failed: 'error',
  credentials_rejected: 'error',
  quota_exhausted: 'error',
  schedule_overdue: 'warning',
  quota_low: 'warning',
  performance_degraded: 'warning',
  sync_recovered: 'info',
};

/** One alert to record. Alerts with the same fold key fold into one open alert (count, last seen). */
export type AlertDraft = {
  kind: AlertKind;
  severity: AlertSeverity;
  foldKey: string;
  scheduleId: number | null;
  executionId: number | null;
  chartId: number | null;
  message: string;
  /**
   * An event rather than a condition (a recovery): recorded already resolved, so it never folds with a later
   * one and never stays "open".
   */
  resolved?: boolean;
};

/** What the rules decided: alerts to raise (or fold) and open conditions that ended (by fold key). */
export type AlertDecision = { raise: AlertDraft[]; resolve: string[] };

/** The keys that say "the same condition": per chart for sync outcomes, per schedule for timing, app-wide for the API. */
export const foldKeys = {
  syncFailed: (chartId: number) => `sync_failed:chart:${chartId}`,
  performance: (chartId: number) => `performance_degraded:chart:${chartId}`,
  overdue: (scheduleId: number) => `schedule_overdue:schedule:${scheduleId}`,
  recovered: (executionId: number) => `sync_recovered:execution:${executionId}`,
  credentials: 'credentials_rejected',
  quotaLow: 'quota_low',
  quotaExhausted: 'quota_exhausted',
} as const;

/** An execution that just reached a final status, with what its chart's history says about it. */
export type ExecutionOutcome = {
  execution: {
    id: number;
    scheduleId: number | null;
    chartId: number;
    status: ExecutionStatus;
    errorCode: string | null;
    errorMessage: string | null;
    durationMs: number | null;
    retryCount: number;
  };
  /** How the operator knows the chart: "Top Songs · Worldwide · Spotify (global-28)". */
  chartLabel: string;
  /** The chart's previous final execution's status (cancelled ones left out), or null if it is the first. */
  previousStatus: ExecutionStatus | null;
  /** Durations of the chart's latest completed executions before this one, newest first. */
  recentDurationsMs: readonly number[];
  /** Where the credentials in use came from (the host knows), so a refusal says where to fix them. */
  credentials?: CredentialsOrigin;
};

export type CredentialsOrigin = { source: CredentialSource; kind: 'api-key' | 'oauth' | null };

/** Where to fix refused credentials: the environment's names only when that is where they are set. */
export function credentialsAdvice(origin: CredentialsOrigin | undefined): string {
  switch (origin?.source) {
    case 'saved':
      return 'Check the credentials saved in Settings and save them again there (or with `chart-sync credentials set`)';
    case 'environment':
      return origin.kind === 'oauth'
        ? 'Check SOUNDCHARTS_CLIENT_ID and SOUNDCHARTS_CLIENT_SECRET in the environment Chart Sync runs with'
        : 'Check SOUNDCHARTS_APP_ID and SOUNDCHARTS_API_KEY in the environment Chart Sync runs with';
    case 'command line':
      return 'Check the --app-id and --api-key Chart Sync was started with';
    default:
      return 'Check the Soundcharts credentials (Settings, `chart-sync credentials set`, or the environment)';
  }
}

const NOTHING: AlertDecision = { raise: [], resolve: [] };

/**
 * Alerts for an execution that ended. Only final outcomes count: a retry puts the execution back to pending, so
 * a sync that fails three times and then for good raises one sync_failed, not four. Cancelled (the operator's
 * call) and interrupted (resumed at start-up) runs raise nothing.
 */
export function alertsForExecution(outcome: ExecutionOutcome): AlertDecision {
  const { execution, chartLabel, credentials } = outcome;
  const about = { scheduleId: execution.scheduleId, executionId: execution.id, chartId: execution.chartId };
  if (execution.status === 'failed') {
    const raise: AlertDraft[] = [
      draft('sync_failed', foldKeys.syncFailed(execution.chartId), about, failedMessage(outcome)),
    ];
    if (execution.errorCode === 'auth') {
      raise.push(
        draft(
          'credentials_rejected',
          foldKeys.credentials,
          about,
          `Soundcharts refused the credentials while syncing ${chartLabel}. ${credentialsAdvice(credentials)}; no sync can run until they are accepted.`,
        ),
      );
    }
    if (execution.errorCode === 'quota_exhausted') {
      raise.push(
        draft(
          'quota_exhausted',
          foldKeys.quotaExhausted,
          about,
          `The Soundcharts quota is spent: the sync of ${chartLabel} stopped. Syncs resume when the plan renews.`,
        ),
      );
    }
    return { raise, resolve: [] };
  }
  if (execution.status !== 'completed') return NOTHING;

  const raise: AlertDraft[] = [];
  // A completed sync proves the credentials work and the chart syncs again.
  const resolve: string[] = [foldKeys.syncFailed(execution.chartId), foldKeys.credentials];
  if (outcome.previousStatus === 'failed' || outcome.previousStatus === 'interrupted') {
    raise.push({
      ...draft(
        'sync_recovered',
        foldKeys.recovered(execution.id),
        about,
        `${chartLabel} synced again after a failed sync.`,
      ),
      resolved: true,
    });
  }
  const slow = slowerThanUsual(execution.durationMs, outcome.recentDurationsMs);
  if (slow) {
    raise.push(
      draft(
        'performance_degraded',
        foldKeys.performance(execution.chartId),
        about,
        `The sync of ${chartLabel} took ${describeDuration(slow.durationMs)}, more than ${PERFORMANCE_DEGRADED_FACTOR}× its usual ${describeDuration(slow.medianMs)} (median of the last ${slow.compared}).`,
      ),
    );
  } else {
    resolve.push(foldKeys.performance(execution.chartId));
  }
  return { raise, resolve };
}

/**
 * Whether a completed run was slower than PERFORMANCE_DEGRADED_FACTOR × the median of its chart's last
 * PERFORMANCE_BASELINE_SIZE completed runs (at least PERFORMANCE_BASELINE_MIN of them), and by how much.
 */
export function slowerThanUsual(
  durationMs: number | null,
  recentDurationsMs: readonly number[],
): { durationMs: number; medianMs: number; compared: number } | null {
  if (durationMs === null || durationMs < PERFORMANCE_DEGRADED_MIN_MS) return null;
  const baseline = recentDurationsMs.slice(0, PERFORMANCE_BASELINE_SIZE);
  if (baseline.length < PERFORMANCE_BASELINE_MIN) return null;
  const medianMs = median(baseline);
  if (durationMs <= PERFORMANCE_DEGRADED_FACTOR * medianMs) return null;
  return { durationMs, medianMs, compared: baseline.length };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('the median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One schedule's health as the tick sees it. */
export type TickSchedule = {
  scheduleId: number;
  chartId: number;
  chartLabel: string;
  health: Health;
  reason: string;
};

export type QuotaThresholds = { percent: number; requests: number };

export type TickState = {
  schedules: readonly TickSchedule[];
  /** Schedules known to be in an overdue stretch (from the previous ticks, or an open alert at start-up). */
  overdueBefore: ReadonlySet<number>;
  /** Fold keys of the open alerts: a condition already open is not raised again on every tick. */
  open: ReadonlySet<string>;
  /**
   * What the API last said about the quota; null while nothing is known. `limit` is the plan's size when known
   * (the percentage threshold needs it), else null.
   */
  quota: { remaining: number; limit: number | null } | null;
  thresholds: QuotaThresholds;
};

export type TickDecision = AlertDecision & {
  /** Schedules whose health turned overdue now: once per overdue stretch, whatever the settings. */
  overdueStarted: { scheduleId: number; chartId: number }[];
  /** Every schedule overdue now: the next tick's overdueBefore. */
  overdueNow: Set<number>;
};

/** Alerts from the state of things on a scheduler tick: overdue schedules and the quota. */
export function alertsForTick(state: TickState): TickDecision {
  const raise: AlertDraft[] = [];
  const resolve: string[] = [];
  const overdueStarted: TickDecision['overdueStarted'] = [];
  const overdueNow = new Set<number>();
  for (const schedule of state.schedules) {
    const key = foldKeys.overdue(schedule.scheduleId);
    if (schedule.health !== 'overdue') {
      if (state.open.has(key)) resolve.push(key);
      continue;
    }
    overdueNow.add(schedule.scheduleId);
    if (!state.overdueBefore.has(schedule.scheduleId)) {
      overdueStarted.push({ scheduleId: schedule.scheduleId, chartId: schedule.chartId });
    }
    if (!state.open.has(key)) {
      raise.push(
        draft(
          'schedule_overdue',
          key,
          { scheduleId: schedule.scheduleId, executionId: null, chartId: schedule.chartId },
          `${schedule.chartLabel} is overdue: ${schedule.reason}`,
        ),
      );
    }
  }
  // A schedule that was deleted while overdue: its condition ended with it.
  const listed = new Set(state.schedules.map((s) => s.scheduleId));
  for (const key of state.open) {
    const match = /^schedule_overdue:schedule:(\d+)$/.exec(key);
    if (match && !listed.has(Number(match[1]))) resolve.push(key);
  }
  const quota = quotaAlerts(state.quota, state.thresholds, state.open);
  return {
    raise: [...raise, ...quota.raise],
    resolve: [...resolve, ...quota.resolve],
    overdueStarted,
    overdueNow,
  };
}

/**
 * quota_exhausted at 0; quota_low below the requests threshold, or below the percentage of the plan when its size
 * is known. Nothing while the quota is unknown: alerts state facts. A quota that came back resolves both.
 */
export function quotaAlerts(
  quota: TickState['quota'],
  thresholds: QuotaThresholds,
  open: ReadonlySet<string>,
): AlertDecision {
  if (quota === null) return NOTHING;
  const none = { scheduleId: null, executionId: null, chartId: null };
  const { remaining, limit } = quota;
  if (remaining <= 0) {
    return open.has(foldKeys.quotaExhausted)
      ? NOTHING
      : {
          raise: [
            draft(
              'quota_exhausted',
              foldKeys.quotaExhausted,
              none,
              'The Soundcharts quota is spent: syncs stop until the plan renews (Chart Sync checks again on its own).',
            ),
          ],
          resolve: [],
        };
  }
  const resolve: string[] = open.has(foldKeys.quotaExhausted) ? [foldKeys.quotaExhausted] : [];
  const byPercent = limit !== null && limit > 0 && remaining < (limit * thresholds.percent) / 100;
  const low = remaining < thresholds.requests || byPercent;
  if (!low) {
    if (open.has(foldKeys.quotaLow)) resolve.push(foldKeys.quotaLow);
    return { raise: [], resolve };
  }
  if (open.has(foldKeys.quotaLow)) return { raise: [], resolve };
  const of = limit !== null && limit > 0 ? ` of ${limit.toLocaleString('en-US')}` : '';
  return {
    raise: [
      draft(
        'quota_low',
        foldKeys.quotaLow,
        none,
        `The Soundcharts quota is low: ${remaining.toLocaleString('en-US')}${of} requests remaining.`,
      ),
    ],
    resolve,
  };
}

function draft(
  kind: AlertKind,
  foldKey: string,
  about: { scheduleId: number | null; executionId: number | null; chartId: number | null },
  message: string,
): AlertDraft {
  return { kind, severity: ALERT_SEVERITY[kind], foldKey, ...about, message };
}

function failedMessage({ execution, chartLabel }: ExecutionOutcome): string {
  const retries =
    execution.retryCount > 0
      ? ` after ${execution.retryCount} ${execution.retryCount === 1 ? 'retry' : 'retries'}`
      : '';
  const why = execution.errorMessage ? `: ${execution.errorMessage}` : '.';
  return `The sync of ${chartLabel} failed${retries}${why}`;
}

/** "42 seconds" below a minute, else describeSpan's largest whole unit. */
function describeDuration(ms: number): string {
  if (ms >= 60_000) return describeSpan(ms);
  const seconds = Math.round(ms / 1000);
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** "Top Songs · Worldwide (global-28)": how alerts name a chart, unambiguous among charts of one title. */
export function alertChartLabel(chart: { name: string; countryName: string; slug: string }): string {
  return `${chart.name} · ${chart.countryName || 'Worldwide'} (${chart.slug})`;
}
