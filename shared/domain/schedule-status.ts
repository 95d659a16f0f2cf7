import { FAILING_FACTOR, OVERDUE_FACTOR } from './policies';

/** Share of successful executions as a percentage (0–100, unrounded: rounding is the display's business). */
export function successRate(total: number, successful: number): number | null {
  if (!Number.isInteger(total) || !Number.isInteger(successful) || total < 0 || successful < 0) {
    throw new RangeError(`execution counts must be non-negative integers, got ${successful}/${total}`);
  }
  if (successful > total)
    throw new RangeError(`successful executions (${successful}) exceed the total (${total})`);
  // Multiplying first keeps it to one rounding, so 1 of 3 is exactly the double nearest 100/3.
  return total === 0 ? null : (successful * 100) / total;
}

/**
 * none: not due yet (or not scheduled); due: waiting for the scheduler's next tick or a free worker; overdue: a
 * whole interval went by without a run; failing: so late that something is wrong beyond a busy queue.
 */
export type OverdueLevel = 'none' | 'due' | 'overdue' | 'failing';

export function overdueLevel(input: {
  isActive: boolean;
  nextSyncAt: number | null;
  intervalMs: number;
  now: number;
}): { level: OverdueLevel; lateByMs: number } {
  const { isActive, nextSyncAt, intervalMs, now } = input;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(`intervalMs must be a positive number, got ${intervalMs}`);
  }
  if (!isActive || nextSyncAt === null) return { level: 'none', lateByMs: 0 };
  const lateByMs = Math.max(0, now - nextSyncAt);
  if (nextSyncAt > now) return { level: 'none', lateByMs };
  if (lateByMs > FAILING_FACTOR * intervalMs) return { level: 'failing', lateByMs };
  if (lateByMs > OVERDUE_FACTOR * intervalMs) return { level: 'overdue', lateByMs };
  return { level: 'due', lateByMs };
}

export function isOverdue(level: OverdueLevel): boolean {
  return level === 'overdue' || level === 'failing';
}

/** The chart list's sync column: the original's ✅ Active, ⚠ Overdue, ⏸ Inactive and "Not scheduled". */
export type ChartSyncStatus = 'active' | 'overdue' | 'inactive' | 'not_scheduled';

export function chartSyncStatus(
  schedule: { isActive: boolean; nextSyncAt: number | null; intervalMs: number } | null,
  now: number,
): ChartSyncStatus {
  if (schedule === null) return 'not_scheduled';
  if (!schedule.isActive) return 'inactive';
  return isOverdue(overdueLevel({ ...schedule, now }).level) ? 'overdue' : 'active';
}

/** Clock skew between the moments start and end were stamped must not produce a negative duration. */
export function executionDurationMs(startedAt: number | null, completedAt: number | null): number | null {
  if (startedAt === null || completedAt === null) return null;
  return Math.max(0, completedAt - startedAt);
}
