import type { Health } from './health';
import { CATCH_UP_FACTOR } from './policies';

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
 * A run starting now missed a whole slot (the app was off, or the queue that busy): the scheduler marks it
 * catch_up. This is about the trigger only; whether the schedule is late or overdue is health's call.
 */
export function missedSlot(input: { nextSyncAt: number | null; intervalMs: number; now: number }): boolean {
  const { nextSyncAt, intervalMs, now } = input;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(`intervalMs must be a positive number, got ${intervalMs}`);
  }
  return nextSyncAt !== null && now - nextSyncAt > CATCH_UP_FACTOR * intervalMs;
}

/**
 * The original's sync status column (✅ Active, ⚠ Overdue, ⏸ Inactive, "Not scheduled"), kept for its REST field
 * and read from health, so overdue has one definition: health's.
 */
export type ChartSyncStatus = 'active' | 'overdue' | 'inactive' | 'not_scheduled';

export function chartSyncStatus(health: Health | null): ChartSyncStatus {
  if (health === null) return 'not_scheduled';
  if (health === 'paused') return 'inactive';
  return health === 'overdue' ? 'overdue' : 'active';
}

/** Clock skew between the moments start and end were stamped must not produce a negative duration. */
export function executionDurationMs(startedAt: number | null, completedAt: number | null): number | null {
  if (startedAt === null || completedAt === null) return null;
  return Math.max(0, completedAt - startedAt);
}
