import type { CallInput } from '../../../../shared/contract/calls';
import { AUDIT_LIST_DEFAULT_LIMIT } from '../../../../shared/domain/policies';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/views/audit-entry';
import { endOfDay, startOfDay } from '../executions/execution-filter';

/** What the Audit screen shows, as it lives in the URL (`#/audit?action=schedule.updated&from=2026-11-01`). */
export type AuditFilter = {
  action: AuditAction | null;
  chartId: number | null;
  scheduleId: number | null;
  from: string | null;
  to: string | null;
  offset: number;
};

export const EMPTY_AUDIT_FILTER: AuditFilter = {
  action: null,
  chartId: null,
  scheduleId: null,
  from: null,
  to: null,
  offset: 0,
};

const ID = /^[1-9]\d{0,15}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a URL query; anything unknown or malformed is ignored rather than failing the screen. */
export function parseAuditFilter(query: Readonly<Record<string, string>>): AuditFilter {
  const id = (text: string | undefined) => (text !== undefined && ID.test(text) ? Number(text) : null);
  // A date the calendar does not have (2026-02-31) is not one the operator picked.
  const date = (text: string | undefined) => {
    if (text === undefined || !DATE.test(text)) return null;
    const day = new Date(startOfDay(text));
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    return day.getFullYear() === y && day.getMonth() === m - 1 && day.getDate() === d ? text : null;
  };
  return {
    action: (AUDIT_ACTIONS as readonly string[]).includes(query.action ?? '')
      ? (query.action as AuditAction)
      : null,
    chartId: id(query.chartId),
    scheduleId: id(query.scheduleId),
    from: date(query.from),
    to: date(query.to),
    offset: query.offset !== undefined && /^\d{1,9}$/.test(query.offset) ? Number(query.offset) : 0,
  };
}

/** The URL query of a filter, leaving out what is at its default so links stay short. */
export function auditFilterToQuery(filter: AuditFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.action) query.action = filter.action;
  if (filter.chartId !== null) query.chartId = String(filter.chartId);
  if (filter.scheduleId !== null) query.scheduleId = String(filter.scheduleId);
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  if (filter.offset > 0) query.offset = String(filter.offset);
  return query;
}

/** The operator's calendar days, both ends included, as the Executions screen reads its dates. */
export function auditFilterToListInput(filter: AuditFilter): CallInput<'audit/list'> {
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.chartId !== null ? { chartId: filter.chartId } : {}),
    ...(filter.scheduleId !== null ? { scheduleId: filter.scheduleId } : {}),
    ...(filter.from ? { since: startOfDay(filter.from) } : {}),
    ...(filter.to ? { until: endOfDay(filter.to) } : {}),
    limit: AUDIT_LIST_DEFAULT_LIMIT,
    offset: filter.offset,
  };
}

export function auditFilterProblem(filter: AuditFilter): string | null {
  return filter.from && filter.to && filter.from > filter.to
    ? 'The "from" date is after the "to" date: no entry can match. Swap or change them.'
    : null;
}

export function isAuditFiltered(filter: AuditFilter): boolean {
  return (
    filter.action !== null ||
    filter.chartId !== null ||
    filter.scheduleId !== null ||
    filter.from !== null ||
    filter.to !== null
  );
}

/** "schedule.updated" → "Schedule updated". */
export function actionLabel(action: string): string {
  const words = action.replace('.', ' ').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const ACTOR_LABEL: Record<string, string> = {
  ui: 'Screens',
  rest: 'REST API',
  cli: 'Command line',
  scheduler: 'Scheduler',
};
