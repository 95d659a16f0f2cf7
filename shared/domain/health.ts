import type { ExecutionStatus } from './execution';
import {
  HEALTH_FAILING_STREAK,
  HEALTH_LATE_FACTOR,
  HEALTH_LATE_GRACE_MS,
  HEALTH_OVERDUE_FACTOR,
} from './policies';

/**
 * A schedule's health: what the operator is told about it everywhere (screens, CLI, REST, alerts, tray). The
 * first state that applies wins, in this order; a schedule that never succeeded never reads on_time.
 */
export const HEALTH_STATES = [
  'paused',
  'running',
  'action_required',
  'retrying',
  'failing',
  'overdue',
  'late',
  'never_synced',
  'on_time',
] as const;
export type Health = (typeof HEALTH_STATES)[number];

/** States that need the operator to look (the header counts them, the tray turns to "needs attention"). */
export const ATTENTION_HEALTH: readonly Health[] = ['action_required', 'failing', 'overdue'];

/** One execution as health needs it: newest first in HealthInput.recent. */
export type HealthExecution = {
  status: ExecutionStatus;
  retryCount: number;
  nextAttemptAt: number | null;
  errorMessage: string | null;
};

export type HealthInput = {
  isActive: boolean;
  /** The schedule's interval (cron: the gap between its next two runs). */
  intervalMs: number;
  nextSyncAt: number | null;
  /** The last successful sync, or null if there never was one. */
  lastSyncAt: number | null;
  /** When the schedule was created: "no success for N intervals" counts from here until the first success. */
  createdAt: number;
  /** Set by the engine when a sync stopped on something only the operator can fix; says what to do. */
  attentionReason: string | null;
  /**
   * The schedule's open execution (pending or running), if any, then its latest final executions, newest first;
   * cancelled ones left out (the operator's call, not a failure). At least HEALTH_FAILING_STREAK of them.
   */
  recent: readonly HealthExecution[];
  now: number;
};

export type HealthResult = { health: Health; reason: string };

export function scheduleHealth(input: HealthInput): HealthResult {
  const { now, intervalMs } = input;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(`intervalMs must be a positive number, got ${intervalMs}`);
  }
  if (!input.isActive) return { health: 'paused', reason: 'Paused: no syncs run until it is resumed.' };

  const open = input.recent.find((e) => e.status === 'pending' || e.status === 'running') ?? null;
  if (open?.status === 'running') return { health: 'running', reason: 'A sync is running now.' };

  if (input.attentionReason) return { health: 'action_required', reason: input.attentionReason };

  if (open && open.retryCount > 0 && open.nextAttemptAt !== null) {
    const last = open.errorMessage ? ` after: ${open.errorMessage}` : '';
    return {
      health: 'retrying',
      reason: `Retry ${open.retryCount} is scheduled for ${new Date(open.nextAttemptAt).toISOString()}${last}`,
    };
  }

  const finals = input.recent.filter((e) => e.status !== 'pending' && e.status !== 'running');
  const latest = finals[0];
  if (latest?.status === 'failed') {
    return {
      health: 'failing',
      reason: `The last sync failed${latest.errorMessage ? `: ${latest.errorMessage}` : '.'} Retry it or check the execution.`,
    };
  }
  const streak = finals.slice(0, HEALTH_FAILING_STREAK);
  if (streak.length === HEALTH_FAILING_STREAK && streak.every((e) => e.status !== 'completed')) {
    return {
      health: 'failing',
      reason: `The last ${HEALTH_FAILING_STREAK} syncs did not complete. Check the executions for why.`,
    };
  }

  const since = input.lastSyncAt ?? input.createdAt;
  const withoutSuccessMs = Math.max(0, now - since);
  const what =
    input.lastSyncAt === null ? 'No successful sync since the schedule was created' : 'No successful sync';
  if (withoutSuccessMs > HEALTH_OVERDUE_FACTOR * intervalMs) {
    return {
      health: 'overdue',
      reason: `${what} for ${describeSpan(withoutSuccessMs)} (more than twice its interval).`,
    };
  }
  if (withoutSuccessMs > HEALTH_LATE_FACTOR * intervalMs) {
    return {
      health: 'late',
      reason: `${what} for ${describeSpan(withoutSuccessMs)} (more than its interval).`,
    };
  }
  const dueFor = input.nextSyncAt === null ? 0 : now - input.nextSyncAt;
  if (dueFor > HEALTH_LATE_GRACE_MS) {
    return { health: 'late', reason: `Due ${describeSpan(dueFor)} ago and not started yet.` };
  }

  if (input.lastSyncAt === null) {
    return {
      health: 'never_synced',
      reason: open
        ? 'The first sync is waiting to start.'
        : 'Not synced yet: the first sync runs at its next slot.',
    };
  }
  return { health: 'on_time', reason: 'Synced on schedule.' };
}

/** "3 days", "5 hours", "12 minutes": the largest whole unit, for reasons read by people. */
export function describeSpan(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [size, name] of units) {
    const count = Math.floor(ms / size);
    if (count >= 1) return `${count} ${name}${count === 1 ? '' : 's'}`;
  }
  return 'less than a minute';
}
