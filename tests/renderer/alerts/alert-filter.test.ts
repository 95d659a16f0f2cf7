import { describe, expect, it } from 'vitest';
import {
  alertFilterParams,
  alertListInput,
  alertTarget,
  parseAlertFilter,
} from '../../../renderer/src/screens/alerts/alert-filter';
import type { AlertView } from '../../../shared/views/alert';

describe('parseAlertFilter', () => {
  it.each([
    [{}, { unread: false, kind: null }],
    [{ unread: '1' }, { unread: true, kind: null }],
    [
      { unread: 'true', kind: 'quota_low' },
      { unread: true, kind: 'quota_low' },
    ],
    [
      { unread: 'yes', kind: 'bogus' },
      { unread: false, kind: null },
    ],
  ])('%j → %j', (params, filter) => {
    expect(parseAlertFilter(params)).toEqual(filter);
    expect(parseAlertFilter(alertFilterParams(filter as never))).toEqual(filter);
  });
});

describe('alertListInput', () => {
  it.each([
    [{ unread: false, kind: null }, { limit: 100 }],
    [
      { unread: true, kind: 'sync_failed' as const },
      { limit: 100, unread: true, kind: 'sync_failed' },
    ],
  ])('%j → %j', (filter, input) => expect(alertListInput(filter, 100)).toEqual(input));
});

describe('alertTarget', () => {
  const base = { executionId: null, scheduleId: null } as Pick<AlertView, 'executionId' | 'scheduleId'>;
  it.each([
    [{ ...base, executionId: 5, scheduleId: 2 }, '#/executions/5'],
    [{ ...base, scheduleId: 2 }, '#/schedules/2'],
    [base, null],
  ])('%j → %s', (alert, href) => {
    expect(alertTarget(alert as AlertView)?.href ?? null).toBe(href);
  });
});
