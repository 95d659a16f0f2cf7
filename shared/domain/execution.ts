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
