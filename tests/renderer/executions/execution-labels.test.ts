import { describe, expect, it } from 'vitest';
import { EXECUTION_STATUSES } from '../../../shared/domain/execution';
import { canCancel, canRetry, liveCounts } from '../../../renderer/src/screens/executions/execution-labels';
import { executionView, progressEvent } from '../support/sample-views';

describe('row actions by status', () => {
  const expected = {
    pending: { retry: false, cancel: true },
    running: { retry: false, cancel: true },
    completed: { retry: false, cancel: false },
    failed: { retry: true, cancel: false },
    cancelled: { retry: true, cancel: false },
    interrupted: { retry: true, cancel: false },
  };
  it.each(EXECUTION_STATUSES)('%s', (status) => {
    expect({ retry: canRetry(status), cancel: canCancel(status) }).toEqual(expected[status]);
  });
});

describe('liveCounts', () => {
  const progress = progressEvent({
    periodsPlanned: 12,
    periodsSynced: 5,
    periodsFailed: 1,
    rankingsCreated: 5,
    rankingsUpdated: 1,
    tracksCreated: 400,
    tracksUpdated: 30,
  });
  /** An execution's stored counts, the fixture's own rankings and tracks included. */
  const stored = (planned: number, synced: number, failed: number) => ({
    planned,
    synced,
    failed,
    rankingsCreated: 2_000,
    rankingsUpdated: 0,
    tracksCreated: 350,
    tracksUpdated: 20,
  });
  const zero = { rankingsCreated: 0, rankingsUpdated: 0, tracksCreated: 0, tracksUpdated: 0 };
  it.each([
    {
      name: 'running: the progress event wins',
      execution: executionView({
        status: 'running',
        periodsPlanned: 0,
        periodsSynced: 0,
        periodsFailed: 0,
        ...zero,
      }),
      progress,
      expected: {
        planned: 12,
        synced: 5,
        failed: 1,
        rankingsCreated: 5,
        rankingsUpdated: 1,
        tracksCreated: 400,
        tracksUpdated: 30,
      },
    },
    {
      name: 'running, no event yet: the stored counts',
      execution: executionView({ status: 'running', periodsPlanned: 12, periodsSynced: 3, periodsFailed: 0 }),
      progress: undefined,
      expected: stored(12, 3, 0),
    },
    {
      name: 'running, an older event than the row: never goes backwards',
      execution: executionView({ status: 'running', periodsPlanned: 12, periodsSynced: 7, periodsFailed: 2 }),
      progress,
      expected: { ...stored(12, 7, 2), rankingsUpdated: 1, tracksCreated: 400, tracksUpdated: 30 },
    },
    {
      name: 'finished: the stored counts, whatever the last event said',
      execution: executionView({
        status: 'completed',
        periodsPlanned: 12,
        periodsSynced: 12,
        periodsFailed: 0,
      }),
      progress,
      expected: stored(12, 12, 0),
    },
  ])('$name', ({ execution, progress: event, expected }) => {
    expect(liveCounts(execution, event)).toEqual(expected);
  });
});
