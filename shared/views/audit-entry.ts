import type { ExecutionTrigger } from '../domain/execution';

/** Every kind of sync operation the audit log records. */
export const AUDIT_ACTIONS = [
  'schedule.created',
  'schedule.updated',
  'schedule.deleted',
  'schedule.paused',
  'schedule.resumed',
  'execution.started',
  'execution.completed',
  'execution.failed',
  'execution.retrying',
  'execution.cancelled',
  'execution.interrupted',
  'charts.discovered',
  'queue.failed',
  'retention.pruned',
  /** Soundcharts credentials saved or cleared (the detail names the kind and app id, never the secret). */
  'credentials.saved',
  'credentials.cleared',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESULTS = ['ok', 'error', 'info'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/**
 * Who did it: the desktop window or the browser page (`ui`), the REST API (`rest`), the command line (`cli`), or
 * the engine on its own (`scheduler`: scheduled syncs, retries, retention).
 */
export const AUDIT_ACTORS = ['ui', 'rest', 'cli', 'scheduler'] as const;
export type AuditActor = (typeof AUDIT_ACTORS)[number];

/** What set an operation off: an execution's own trigger, the operator (screens, CLI, API) or the app itself. */
export type AuditTrigger = ExecutionTrigger | 'operator' | 'system';

/**
 * One audit entry as the UI and the CLI show it. Ids are kept as plain numbers without links: the entry
 * outlives the chart, schedule or execution it describes.
 */
export type AuditEntryView = {
  id: number;
  /** Epoch ms. */
  at: number;
  action: AuditAction;
  chartId: number | null;
  chartSlug: string | null;
  scheduleId: number | null;
  executionId: number | null;
  trigger: AuditTrigger | null;
  /** Null on entries written before actors were recorded. */
  actor: AuditActor | null;
  result: AuditResult;
  message: string | null;
  detail: Record<string, unknown> | null;
};

/** An entry of the Audit screen: whether its execution and schedule still exist, to link to them only then. */
export type AuditListItem = AuditEntryView & { executionExists: boolean; scheduleExists: boolean };

/** One page of the audit log, newest first, and how many entries match in all. */
export type AuditPage = { items: AuditListItem[]; total: number };
