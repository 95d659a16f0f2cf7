/** Lifecycle of one chart sync execution. `interrupted` marks a run found still running at start-up. */
export const EXECUTION_STATUSES = [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
  'interrupted',
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const ACTIVE_EXECUTION_STATUSES = ['pending', 'running'] as const satisfies readonly ExecutionStatus[];
export const FINAL_EXECUTION_STATUSES = [
  'completed',
  'failed',
  'cancelled',
  'interrupted',
] as const satisfies readonly ExecutionStatus[];

const isOneOf =
  (statuses: readonly ExecutionStatus[]) =>
  (status: ExecutionStatus): boolean =>
    statuses.includes(status);

export const isFinalStatus = isOneOf(FINAL_EXECUTION_STATUSES);

/** What can be retried: a run that ended without its data. A completed one has nothing left to fetch. */
export const RETRYABLE_EXECUTION_STATUSES = [
  'failed',
  'cancelled',
  'interrupted',
] as const satisfies readonly ExecutionStatus[];
export const isRetryableStatus = isOneOf(RETRYABLE_EXECUTION_STATUSES);

/** What started an execution: kept for the history filters and the audit log. */
export const EXECUTION_TRIGGERS = [
  'scheduled',
  'catch_up',
  'immediate',
  'manual',
  'bulk',
  'backfill',
] as const;
export type ExecutionTrigger = (typeof EXECUTION_TRIGGERS)[number];

/** Triggers that mean the operator asked for the sync, rather than the schedule's clock. */
export const OPERATOR_TRIGGERS = [
  'immediate',
  'manual',
  'bulk',
  'backfill',
] as const satisfies readonly ExecutionTrigger[];

/**
 * Whether a run cut off by a crash (the process killed, the machine restarted) is started again, with the same
 * trigger, when Chart Sync next takes the sync role. What the operator asked for is resumed even on a paused
 * schedule: they are waiting for it, and a paused schedule would otherwise never fetch the rest. A run of the
 * schedule's own clock is resumed only while the schedule is active; a deleted schedule has nothing to resume.
 */
export function resumesAfterCrash(
  trigger: ExecutionTrigger,
  schedule: { isActive: boolean } | null,
): boolean {
  if (schedule === null) return false;
  return schedule.isActive || (OPERATOR_TRIGGERS as readonly ExecutionTrigger[]).includes(trigger);
}

/** The words for an execution that completed with nothing to fetch, instead of "Completed 0/0". */
export const UP_TO_DATE_TEXT = 'already up to date';

/**
 * A completed execution that planned no period: every period of the window was already stored. "0/0" reads like
 * a failure to do anything; it is the opposite.
 */
export function wasAlreadyUpToDate(execution: { status: ExecutionStatus; periodsPlanned: number }): boolean {
  return execution.status === 'completed' && execution.periodsPlanned === 0;
}
