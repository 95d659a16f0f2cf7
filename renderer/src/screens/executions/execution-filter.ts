import {
  EXECUTION_STATUSES,
  EXECUTION_TRIGGERS,
  type ExecutionStatus,
  type ExecutionTrigger,
} from '../../../../shared/domain/execution';
import { EXECUTION_PAGE_DEFAULT, EXECUTION_PAGE_MAX } from '../../../../shared/domain/policies';
import type { CallInput } from '../../../../shared/contract/calls';

/**
 * What the Executions screen shows, as it lives in the URL query (`#/executions?status=failed&from=2026-11-01`):
 * so a filtered view survives reload, back and forward, and can be linked to. Dates are the operator's calendar
 * days, both ends included.
 */
export type ExecutionFilter = {
  status: ExecutionStatus | null;
  trigger: ExecutionTrigger | null;
  chartId: number | null;
  scheduleId: number | null;
  from: string | null;
  to: string | null;
  offset: number;
  limit: number;
};

export const EMPTY_FILTER: ExecutionFilter = {
  status: null,
  trigger: null,
  chartId: null,
  scheduleId: null,
  from: null,
  to: null,
  offset: 0,
  limit: EXECUTION_PAGE_DEFAULT,
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateOrNull(text: string | undefined): string | null {
  const match = text === undefined ? null : ISO_DATE.exec(text);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d);
  // new Date rolls 2026-02-31 over into March; such a date is not one the operator picked.
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? text! : null;
}

function idOrNull(text: string | undefined): number | null {
  return text !== undefined && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null;
}

function oneOf<T extends string>(values: readonly T[], text: string | undefined): T | null {
  return text !== undefined && (values as readonly string[]).includes(text) ? (text as T) : null;
}

/** Reads a URL query; anything unknown or malformed is ignored rather than failing the screen. */
export function parseExecutionFilter(query: Readonly<Record<string, string>>): ExecutionFilter {
  const offset = query.offset !== undefined && /^\d{1,9}$/.test(query.offset) ? Number(query.offset) : 0;
  const limit = idOrNull(query.limit);
  return {
    status: oneOf(EXECUTION_STATUSES, query.status),
    trigger: oneOf(EXECUTION_TRIGGERS, query.trigger),
    chartId: idOrNull(query.chartId),
    scheduleId: idOrNull(query.scheduleId),
    from: dateOrNull(query.from),
    to: dateOrNull(query.to),
    offset,
    limit: limit === null ? EXECUTION_PAGE_DEFAULT : Math.min(limit, EXECUTION_PAGE_MAX),
  };
}

/** The URL query of a filter, leaving out what is at its default so links stay short. */
export function filterToQuery(filter: ExecutionFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.status) query.status = filter.status;
  if (filter.trigger) query.trigger = filter.trigger;
  if (filter.chartId !== null) query.chartId = String(filter.chartId);
  if (filter.scheduleId !== null) query.scheduleId = String(filter.scheduleId);
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  if (filter.offset > 0) query.offset = String(filter.offset);
  if (filter.limit !== EXECUTION_PAGE_DEFAULT) query.limit = String(filter.limit);
  return query;
}

/** Local midnight starting the day: the operator's "from 1 November" means their 1 November. */
export function startOfDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** Local midnight ending the day (the next one's start), so "to 30 November" includes all of 30 November. */
export function endOfDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).getTime();
}

/** A date range that cannot match anything, said in the words of the filter's fields. */
export function filterProblem(filter: ExecutionFilter): string | null {
  if (filter.from && filter.to && filter.from > filter.to) {
    return 'The "from" date is after the "to" date: no execution can match. Swap or change them.';
  }
  return null;
}

export function filterToListInput(filter: ExecutionFilter): CallInput<'executions/list'> {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.trigger ? { trigger: filter.trigger } : {}),
    ...(filter.chartId !== null ? { chartId: filter.chartId } : {}),
    ...(filter.scheduleId !== null ? { scheduleId: filter.scheduleId } : {}),
    ...(filter.from ? { from: startOfDay(filter.from) } : {}),
    ...(filter.to ? { to: endOfDay(filter.to) } : {}),
    limit: filter.limit,
    offset: filter.offset,
  };
}

/** Whether anything narrows the list (paging does not): an empty page then means "no match", not "nothing yet". */
export function isFiltered(filter: ExecutionFilter): boolean {
  return (
    filter.status !== null ||
    filter.trigger !== null ||
    filter.chartId !== null ||
    filter.scheduleId !== null ||
    filter.from !== null ||
    filter.to !== null
  );
}

/** A changed criterion starts again from the first page: the old offset means nothing in the new list. */
export function withCriterion(filter: ExecutionFilter, change: Partial<ExecutionFilter>): ExecutionFilter {
  return { ...filter, ...change, offset: 0 };
}

/** "101–200 of 250"; "0 of 0" for an empty list. */
export function pageRangeLabel(offset: number, shown: number, total: number): string {
  const fmt = (n: number) => n.toLocaleString('en');
  if (shown === 0) return `0 of ${fmt(total)}`;
  return `${fmt(offset + 1)}–${fmt(offset + shown)} of ${fmt(total)}`;
}
