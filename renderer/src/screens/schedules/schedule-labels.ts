import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../../shared/domain/policies';
import type { OverdueLevel } from '../../../../shared/domain/schedule-status';

/**
 * Lateness at the precision an operator acts on: minutes within the hour, hours within two days, then days.
 * Rounded down, so "late by 3 h" is never said of 2 h 50 min.
 */
export function latenessText(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE_MS) return 'less than a minute';
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)} min`;
  if (ms < 2 * DAY_MS) return `${Math.floor(ms / HOUR_MS)} h`;
  return `${Math.floor(ms / DAY_MS)} days`;
}

export type OverdueLabel = { level: Exclude<OverdueLevel, 'none'>; title: string; detail: string };

/**
 * The overdue column: nothing while on time; "Due" while waiting for the scheduler or a worker; "Overdue" past a
 * whole interval; "Failing" when so late that something beyond a busy queue is wrong.
 */
export function overdueLabel(level: OverdueLevel, lateByMs: number): OverdueLabel | null {
  switch (level) {
    case 'none':
      return null;
    case 'due':
      return {
        level,
        title: 'Due',
        detail: lateByMs < MINUTE_MS ? 'runs shortly' : `late by ${latenessText(lateByMs)}`,
      };
    case 'overdue':
      return { level, title: 'Overdue', detail: `late by ${latenessText(lateByMs)}` };
    case 'failing':
      return { level, title: 'Failing', detail: `late by ${latenessText(lateByMs)}` };
  }
}
