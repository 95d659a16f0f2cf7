import type { AuditEntryView } from './audit-entry';
import type { ChartSummary, ExecutionView } from './schedule-view';

/** An execution with its chart, as the Executions screen lists it. */
export type ExecutionListItem = ExecutionView & { chart: ChartSummary };

export type ExecutionPage = { items: ExecutionListItem[]; total: number };

/** One execution in full: counts, periods, errors and its timeline of retries. */
export type ExecutionDetail = ExecutionListItem & {
  /** Keys of the periods stored while this execution ran. */
  syncedPeriods: string[];
  /** What happened to it, oldest first: started, retried, failed, completed… */
  timeline: AuditEntryView[];
};
