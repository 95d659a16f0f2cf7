import { describe, expect, it } from 'vitest';
import type { ChartSyncError } from '../../../shared/errors';
import { callInputs } from '../../../shared/schemas/call-inputs';
import { parseInput } from '../../../shared/schemas/parse-input';

const MEGABYTE = 'x'.repeat(1_000_000);

/**
 * Issue 13, defect 7.6: every free text field of every contract call has a cap, so the REST API, the CLI and the
 * UI (which all parse through these schemas) refuse a pasted megabyte by its field, and never quote it back.
 */
const CASES: { call: keyof typeof callInputs; input: Record<string, unknown>; field: string }[] = [
  {
    call: 'schedules/create',
    input: { chartId: 1, syncFrequency: 'cron', cronExpression: MEGABYTE, timeZone: 'UTC' },
    field: 'cronExpression',
  },
  {
    call: 'schedules/create',
    input: { chartId: 1, syncFrequency: 'cron', cronExpression: '0 6 * * *', timeZone: MEGABYTE },
    field: 'timeZone',
  },
  { call: 'schedules/create', input: { chartId: 1, createdBy: MEGABYTE }, field: 'createdBy' },
  {
    call: 'schedules/update',
    input: { id: 1, changes: { cronExpression: MEGABYTE } },
    field: 'changes.cronExpression',
  },
  { call: 'schedules/update', input: { id: 1, changes: { timeZone: MEGABYTE } }, field: 'changes.timeZone' },
  { call: 'songs/list', input: { search: MEGABYTE }, field: 'search' },
  { call: 'charts/sync-status', input: { chart: MEGABYTE }, field: 'chart' },
  { call: 'rankings/get', input: { chart: MEGABYTE }, field: 'chart' },
  { call: 'settings/update', input: { apiUrl: `https://example.com/${MEGABYTE}` }, field: 'apiUrl' },
  { call: 'connection/test', input: { apiUrl: `https://example.com/${MEGABYTE}` }, field: 'apiUrl' },
  { call: 'analytics/overview', input: { from: 0, to: 1, timeZone: MEGABYTE }, field: 'timeZone' },
  {
    call: 'webhooks/create',
    input: { url: 'http://127.0.0.1:9/h', secret: 'secret-secret', events: [MEGABYTE] },
    field: 'events',
  },
  {
    call: 'webhooks/create',
    input: {
      url: 'http://127.0.0.1:9/h',
      secret: 'secret-secret',
      events: Array.from({ length: 100_000 }, (_, i) => `e${i}`),
    },
    field: 'events',
  },
  {
    call: 'webhooks/create',
    input: {
      url: 'http://127.0.0.1:9/h',
      secret: 'secret-secret',
      events: ['sync_failed'],
      createdBy: MEGABYTE,
    },
    field: 'createdBy',
  },
];

describe('free text caps', () => {
  it.each(CASES)(
    '$call refuses a megabyte in $field, by name, without quoting it',
    ({ call, input, field }) => {
      let error: ChartSyncError | null = null;
      try {
        parseInput(callInputs[call], input);
      } catch (caught) {
        error = caught as ChartSyncError;
      }
      expect(error?.code).toBe('invalid_input');
      // The field itself, or one of its items ("events.0").
      const named = Object.keys(error?.fields ?? {}).filter(
        (key) => key === field || key.startsWith(`${field}.`),
      );
      expect(named).not.toEqual([]);
      expect(error!.message.length).toBeLessThan(1_000);
    },
  );
});
