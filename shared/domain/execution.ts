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

export function isFinalStatus(status: ExecutionStatus): boolean {
  return (FINAL_EXECUTION_STATUSES as readonly ExecutionStatus[]).includes(status);
}

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
