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

/** States that need the operator to look (the tray turns to "needs attention"; alerts are raised for them). */
export const ATTENTION_HEALTH: readonly Health[] = ['action_required', 'failing', 'overdue'];

/**
 * What the header counts: every state that is not as it should be, most urgent first. Wider than
 * ATTENTION_HEALTH: retrying and late usually mend themselves, but the operator should see them coming.
 */
export const COUNTED_HEALTH = [
  'action_required',
  'failing',
  'retrying',
  'overdue',
  'late',
] as const satisfies readonly Health[];

/** One execution as health needs it: newest first in HealthInput.recent. */
export type HealthExecution = {
  status: ExecutionStatus;
  retryCount: number;
  maxRetries: number;
  nextAttemptAt: number | null;
  errorMessage: string | null;
};

export type HealthInput = {
  isActive: boolean;
  /** The schedule's nominal interval (cron: see healthIntervalMs). */
  intervalMs: number;
  nextSyncAt: number | null;
  /** The last successful sync, or null if there never was one. */
  lastSyncAt: number | null;
  /** When the schedule was created: "no success for N intervals" counts from here until the first success. */
  createdAt: number;
  /** Set by the engine when a sync stopped on something only the operator can fix; says what to do. */
  attentionReason: string | null;
  /**
   * The schedule's open execution (pending or running), if any, and its latest final executions, newest first.
   * Cancelled ones are ignored (the operator's call, not a failure); give at least HEALTH_FAILING_STREAK others.
   */
  recent: readonly HealthExecution[];
  now: number;
};

export type HealthResult = { health: Health; reason: string };

const isOpen = (e: HealthExecution) => e.status === 'pending' || e.status === 'running';

export function scheduleHealth(input: HealthInput): HealthResult {
  const { now, intervalMs } = input;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(`intervalMs must be a positive number, got ${intervalMs}`);
  }
  if (!input.isActive) return { health: 'paused', reason: 'Paused: no syncs run until it is resumed.' };

  const counted = input.recent.filter((e) => e.status !== 'cancelled');
  const open = counted.find(isOpen) ?? null;
  if (open?.status === 'running') return { health: 'running', reason: 'A sync is running now.' };

  if (input.attentionReason) return { health: 'action_required', reason: input.attentionReason };

  // A pending run that already failed at least once is a retry, whether its backoff has passed or a restart
  // cleared it: the last attempt failed and another one is coming.
  if (open && open.retryCount > 0) return { health: 'retrying', reason: retryReason(open, now) };

  const finals = counted.filter((e) => !isOpen(e));
  const latest = finals[0];
  if (latest?.status === 'failed') {
    return {
      health: 'failing',
      reason: `The last sync failed${latest.retryCount > 0 ? ` after ${plural(latest.retryCount, 'retry', 'retries')}` : ''}${because(latest.errorMessage)}. Sync now to try again, or open the execution for details.`,
    };
  }
  const streak = finals.slice(0, HEALTH_FAILING_STREAK);
  if (streak.length === HEALTH_FAILING_STREAK && streak.every((e) => e.status !== 'completed')) {
    return {
      health: 'failing',
      reason: `The last ${HEALTH_FAILING_STREAK} syncs did not complete. Open the executions to see why.`,
    };
  }

  const since = input.lastSyncAt ?? input.createdAt;
  const withoutSuccessMs = Math.max(0, now - since);
  const what =
    input.lastSyncAt === null
      ? `No successful sync since it was created ${describeSpan(withoutSuccessMs)} ago`
      : `No successful sync for ${describeSpan(withoutSuccessMs)}`;
  const interval = describeSpan(intervalMs);
  // Overdue is Airbyte's rule as it stands; late gets the grace too, so a sync that runs on its slot and takes a
  // few minutes (or waits for a worker) is not "late" every time it comes round.
  if (withoutSuccessMs > HEALTH_OVERDUE_FACTOR * intervalMs) {
    return { health: 'overdue', reason: `${what}: more than twice its interval of ${interval}.` };
  }
  if (withoutSuccessMs > HEALTH_LATE_FACTOR * intervalMs + HEALTH_LATE_GRACE_MS) {
    return { health: 'late', reason: `${what}: more than its interval of ${interval}.` };
  }
  const dueFor = input.nextSyncAt === null ? 0 : now - input.nextSyncAt;
  if (dueFor > HEALTH_LATE_GRACE_MS) {
    return { health: 'late', reason: `Due ${describeSpan(dueFor)} ago and not started yet.` };
  }

  if (input.lastSyncAt === null) {
    return {
      health: 'never_synced',
      reason: open
        ? 'Not synced yet: the first sync is waiting to start.'
        : 'Not synced yet: the first sync runs at its next slot.',
    };
  }
  return { health: 'on_time', reason: 'Synced on schedule.' };
}

function retryReason(open: HealthExecution, now: number): string {
  const which =
    open.maxRetries >= open.retryCount ? `Retry ${open.retryCount} of ${open.maxRetries}` : 'A retry';
  const when =
    open.nextAttemptAt !== null && open.nextAttemptAt > now
      ? `runs in ${describeSpan(open.nextAttemptAt - now)}`
      : 'is waiting to start';
  return `The last attempt failed${because(open.errorMessage)}. ${which} ${when}.`;
}

/** ": the server answered 503" (the message without its final full stop), or nothing without a message. */
function because(message: string | null): string {
  const text = message?.trim().replace(/[.\s]+$/, '');
  return text ? `: ${text}` : '';
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * "2 days 3 hours", "5 hours", "12 minutes": the two largest whole units, rounded down, for reasons read by
 * people ("1 day" alone would hide that 25 hours is more than a daily interval).
 */
export function describeSpan(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  const parts: string[] = [];
  let rest = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count >= 1) {
      parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    } else if (parts.length > 0) break;
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : 'less than a minute';
}
