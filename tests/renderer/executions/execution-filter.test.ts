import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  endOfDay,
  filterProblem,
  filterToListInput,
  filterToQuery,
  isFiltered,
  pageRangeLabel,
  parseExecutionFilter,
  startOfDay,
  withCriterion,
  type ExecutionFilter,
} from '../../../renderer/src/screens/executions/execution-filter';

describe('parseExecutionFilter', () => {
  it.each([
    { name: 'nothing', query: {}, expected: EMPTY_FILTER },
    {
      name: 'every criterion',
      query: {
        status: 'failed',
        trigger: 'backfill',
        chartId: '12',
        scheduleId: '4',
        from: '2026-11-01',
        to: '2026-11-30',
        offset: '200',
        limit: '50',
      },
      expected: {
        status: 'failed',
        trigger: 'backfill',
        chartId: 12,
        scheduleId: 4,
        from: '2026-11-01',
        to: '2026-11-30',
        offset: 200,
        limit: 50,
      },
    },
    {
      name: 'malformed values are ignored',
      query: {
        status: 'exploded',
        trigger: 'cron',
        chartId: '0',
        scheduleId: 'x',
        from: '2026-02-31',
        to: '30/11/2026',
        offset: '-5',
        limit: '0',
      },
      expected: EMPTY_FILTER,
    },
    {
      name: 'a limit above the maximum is capped',
      query: { limit: '5000' },
      expected: { ...EMPTY_FILTER, limit: 1000 },
    },
  ] as { name: string; query: Record<string, string>; expected: ExecutionFilter }[])(
    '$name',
    ({ query, expected }) => {
      expect(parseExecutionFilter(query)).toEqual(expected);
    },
  );
});

describe('filterToQuery ⇄ parseExecutionFilter', () => {
  it.each([
    { name: 'empty', filter: EMPTY_FILTER, query: {} },
    {
      name: 'status only',
      filter: { ...EMPTY_FILTER, status: 'running' as const },
      query: { status: 'running' },
    },
    {
      name: 'dates and paging',
      filter: { ...EMPTY_FILTER, from: '2026-11-01', to: '2026-11-02', offset: 100, limit: 25 },
      query: { from: '2026-11-01', to: '2026-11-02', offset: '100', limit: '25' },
    },
    {
      name: 'chart and schedule',
      filter: { ...EMPTY_FILTER, chartId: 3, scheduleId: 8 },
      query: { chartId: '3', scheduleId: '8' },
    },
  ])('$name round-trips', ({ filter, query }) => {
    expect(filterToQuery(filter)).toEqual(query);
    expect(parseExecutionFilter(filterToQuery(filter))).toEqual(filter);
  });
});

describe('filterToListInput', () => {
  it('turns calendar days into local epoch bounds, the end day included', () => {
    const input = filterToListInput({
      ...EMPTY_FILTER,
      trigger: 'manual',
      from: '2026-11-01',
      to: '2026-11-30',
      offset: 100,
    });
    expect(input).toEqual({
      trigger: 'manual',
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 11, 1).getTime(),
      limit: 100,
      offset: 100,
    });
  });

  it.each([
    ['2026-03-31', new Date(2026, 2, 31).getTime(), new Date(2026, 3, 1).getTime()],
    ['2026-12-31', new Date(2026, 11, 31).getTime(), new Date(2027, 0, 1).getTime()],
  ])('day %s', (date, start, end) => {
    expect(startOfDay(date)).toBe(start);
    expect(endOfDay(date)).toBe(end);
  });
});

describe('filter helpers', () => {
  it.each([
    { filter: EMPTY_FILTER, filtered: false, problem: null },
    { filter: { ...EMPTY_FILTER, offset: 300 }, filtered: false, problem: null },
    { filter: { ...EMPTY_FILTER, from: '2026-11-02', to: '2026-11-02' }, filtered: true, problem: null },
    {
      filter: { ...EMPTY_FILTER, from: '2026-11-03', to: '2026-11-02' },
      filtered: true,
      problem: /after the "to" date/,
    },
  ])('$filter', ({ filter, filtered, problem }) => {
    expect(isFiltered(filter)).toBe(filtered);
    if (problem) expect(filterProblem(filter)).toMatch(problem);
    else expect(filterProblem(filter)).toBeNull();
  });

  it('a new criterion goes back to the first page', () => {
    expect(withCriterion({ ...EMPTY_FILTER, offset: 200 }, { status: 'failed' })).toEqual({
      ...EMPTY_FILTER,
      status: 'failed',
    });
  });

  it.each([
    [0, 0, 0, '0 of 0'],
    [0, 100, 250, '1–100 of 250'],
    [200, 50, 250, '201–250 of 250'],
    [1000, 100, 12345, '1,001–1,100 of 12,345'],
  ])('pageRangeLabel(%i, %i, %i) = %s', (offset, shown, total, expected) => {
    expect(pageRangeLabel(offset, shown, total)).toBe(expected);
  });
});
