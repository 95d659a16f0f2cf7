import { describe, expect, it } from 'vitest';
import { ChartSyncError } from '../../../shared/errors';
import { parseQuery, type QuerySpec } from '../../../electron/engine/server/rest-query';
import { parseTimeInput } from '../../../shared/domain/wire-times';

const SPEC: QuerySpec = {
  chart_id: 'integer',
  status: 'text',
  preview: 'flag',
  since: 'since',
  until: 'until',
};
const url = (query: string) => new URL(`http://localhost/api/x?${query}`);

function problem(query: string, spec: QuerySpec = SPEC): ChartSyncError {
  try {
    parseQuery(url(query), spec);
  } catch (error) {
    if (error instanceof ChartSyncError) return error;
    throw error;
  }
  throw new Error(`"${query}" was accepted`);
}

describe('parseQuery', () => {
  it.each([
    { query: '', expected: {} },
    { query: 'token=abc', expected: {} },
    { query: 'chart_id=12', expected: { chartId: 12 } },
    // Not a number: passed on as text, for the contract's schema to name the problem.
    { query: 'chart_id=twelve', expected: { chartId: 'twelve' } },
    { query: 'status=failed', expected: { status: 'failed' } },
    { query: 'preview=1', expected: { preview: true } },
    { query: 'preview=TRUE', expected: { preview: true } },
    { query: 'preview=0', expected: { preview: false } },
    { query: 'since=2026-03-01T09:00:00%2B01:00', expected: { since: Date.parse('2026-03-01T08:00:00Z') } },
    {
      query: 'until=2026-03-01',
      expected: { until: parseTimeInput('2026-03-01', 'end') },
    },
  ])('$query → $expected', ({ query, expected }) => {
    expect(parseQuery(url(query), SPEC)).toEqual(expected);
  });

  it.each([
    { query: 'colour=red', fields: { colour: 'Unknown query parameter.' } },
    { query: 'status=failed&status=pending', fields: { status: 'Given more than once; give it once.' } },
    { query: 'preview=maybe', fields: { preview: 'Use 1 or true, 0 or false, not "maybe".' } },
    {
      query: 'since=2026-03-01T09:00:00',
      fields: { since: expect.stringMatching(/^Expected an ISO 8601 time/) },
    },
    {
      query: 'since=1772352000000&until=tomorrow',
      fields: { since: expect.any(String), until: expect.any(String) },
    },
  ])('refuses $query, naming the parameter', ({ query, fields }) => {
    const error = problem(query);
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual(fields);
    for (const name of Object.keys(fields)) expect(error.message).toContain(name);
  });

  it('says when an endpoint takes no query at all', () => {
    expect(problem('a=1', {}).message).toBe(
      'Unknown query parameter "a"; this endpoint takes no query parameters.',
    );
  });
});
