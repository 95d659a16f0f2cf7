import { describe, expect, it } from 'vitest';
import { auditSummary } from '../../../shared/domain/audit-summary';

describe('auditSummary', () => {
  it.each([
    {
      entry: {
        action: 'schedule.updated',
        message: null,
        detail: { changes: { historyWindowDays: { from: 365, to: 30 } } },
      },
      expected: 'history window (days): 365 → 30',
    },
    {
      entry: {
        action: 'execution.completed',
        message: null,
        detail: { periodsSynced: 3, rankingsCreated: 2, rankingsUpdated: 1 },
      },
      expected: '3 periods synced, 3 rankings stored',
    },
    {
      entry: {
        action: 'execution.completed',
        message: null,
        detail: { periodsSynced: 1, rankingsCreated: 1 },
      },
      expected: '1 period synced, 1 ranking stored',
    },
    {
      entry: { action: 'execution.failed', message: 'Soundcharts answered 500.', detail: {} },
      expected: 'Soundcharts answered 500.',
    },
    { entry: { action: 'schedule.created', message: null, detail: null }, expected: '' },
  ] as const)('$entry.action: "$expected"', ({ entry, expected }) => {
    expect(auditSummary(entry)).toBe(expected);
  });
});
