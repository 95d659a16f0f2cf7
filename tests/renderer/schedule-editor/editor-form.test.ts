import { describe, expect, it } from 'vitest';
import {
  firstProblem,
  formOfSchedule,
  newScheduleForm,
  parseNumber,
  sameForm,
  serverFieldErrors,
  timingChanged,
  validateCreate,
  validateEdit,
  type EditorForm,
} from '../../../renderer/src/screens/schedule-editor/editor-form';
import { scheduleView } from '../support/sample-views';
import { CRON_EXPRESSION_MAX_LENGTH, TIME_ZONE_MAX_LENGTH } from '../../../shared/domain/policies';

const base = newScheduleForm({ id: 7, frequency: 'daily' }, 'Europe/Paris');
const form = (overrides: Partial<EditorForm>): EditorForm => ({ ...base, ...overrides });

describe('newScheduleForm', () => {
  it.each([
    { frequency: 'daily', expected: 'daily' },
    { frequency: 'Weekly ', expected: 'weekly' },
    { frequency: 'monthly', expected: 'monthly' },
    { frequency: 'quarterly', expected: 'weekly' },
  ])("defaults to the chart's own frequency ($frequency → $expected)", ({ frequency, expected }) => {
    expect(newScheduleForm({ id: 1, frequency }, 'UTC').syncFrequency).toBe(expected);
  });

  it('uses the create defaults: active, history and metadata on, one year, zone of the operator', () => {
    expect(base).toEqual({
      chartId: 7,
      syncFrequency: 'daily',
      customIntervalHours: '',
      cronExpression: '',
      timeZone: 'Europe/Paris',
      historyWindowDays: '365',
      syncImmediately: false,
      syncHistoricalData: true,
      fetchTrackMetadata: true,
      isActive: true,
    });
  });
});

describe('parseNumber', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['6', 6],
    [' 12 ', 12],
    ['1.5', 1.5],
    ['-3', -3],
    ['abc', Number.NaN],
    ['6h', Number.NaN],
  ])('%j → %s', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });
});

describe('validateCreate: messages per field', () => {
  it.each([
    { name: 'missing chart', change: { chartId: null }, field: 'chartId', message: /Choose the chart/ },
    {
      name: 'custom hours empty',
      change: { syncFrequency: 'custom' as const, customIntervalHours: '' },
      field: 'customIntervalHours',
      message: /needs an interval/,
    },
    {
      name: 'custom hours below the minimum',
      change: { syncFrequency: 'custom' as const, customIntervalHours: '0' },
      field: 'customIntervalHours',
      message: /at least 1 hour/,
    },
    {
      name: 'custom hours above the maximum',
      change: { syncFrequency: 'custom' as const, customIntervalHours: '9000' },
      field: 'customIntervalHours',
      message: /at most 8784 hours/,
    },
    {
      name: 'custom hours not whole',
      change: { syncFrequency: 'custom' as const, customIntervalHours: '1.5' },
      field: 'customIntervalHours',
      message: /whole number of hours/,
    },
    {
      name: 'custom hours not a number',
      change: { syncFrequency: 'custom' as const, customIntervalHours: 'six' },
      field: 'customIntervalHours',
      message: /such as 6/,
    },
    {
      name: 'cron empty',
      change: { syncFrequency: 'cron' as const, cronExpression: '  ' },
      field: 'cronExpression',
      message: /Enter a cron expression/,
    },
    {
      name: 'cron malformed',
      change: { syncFrequency: 'cron' as const, cronExpression: '0 6 * *' },
      field: 'cronExpression',
      message: /has 4 fields\. A cron expression has five fields: minute hour day-of-month month day-of-week/,
    },
    {
      name: 'unknown time zone',
      change: { syncFrequency: 'cron' as const, cronExpression: '0 6 * * *', timeZone: 'Mars/Olympus' },
      field: 'timeZone',
      message: /not a known IANA time zone/,
    },
    {
      name: 'empty time zone',
      change: { syncFrequency: 'cron' as const, cronExpression: '0 6 * * *', timeZone: '' },
      field: 'timeZone',
      message: /Choose a time zone/,
    },
    {
      name: 'history empty',
      change: { historyWindowDays: '' },
      field: 'historyWindowDays',
      message: /how many days/,
    },
    {
      name: 'history zero',
      change: { historyWindowDays: '0' },
      field: 'historyWindowDays',
      message: /at least 1 day/,
    },
    {
      name: 'history too long',
      change: { historyWindowDays: '5000' },
      field: 'historyWindowDays',
      message: /at most 1098 days/,
    },
  ])('$name', ({ change, field, message }) => {
    const result = validateCreate(form(change));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field as keyof typeof result.errors]).toMatch(message);
  });

  it('reports every wrong field at once, timing included, while another field is wrong too', () => {
    const result = validateCreate(
      form({ chartId: null, syncFrequency: 'custom', customIntervalHours: '', historyWindowDays: '0' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'chartId',
      'customIntervalHours',
      'historyWindowDays',
    ]);
  });

  it('ignores the fields of other frequencies', () => {
    const result = validateCreate(
      form({ syncFrequency: 'weekly', customIntervalHours: 'junk', cronExpression: 'x' }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        chartId: 7,
        syncFrequency: 'weekly',
        isActive: true,
        syncImmediately: false,
        syncHistoricalData: true,
        fetchTrackMetadata: true,
        historyWindowDays: 365,
      },
    });
  });

  it.each([
    {
      name: 'custom',
      change: { syncFrequency: 'custom' as const, customIntervalHours: ' 6 ' },
      expected: { syncFrequency: 'custom', customIntervalHours: 6 },
    },
    {
      name: 'cron, trimmed',
      change: { syncFrequency: 'cron' as const, cronExpression: ' 0 6 * * * ', timeZone: 'Europe/Paris ' },
      expected: { syncFrequency: 'cron', cronExpression: '0 6 * * *', timeZone: 'Europe/Paris' },
    },
  ])('sends the timing of $name', ({ change, expected }) => {
    const result = validateCreate(form(change));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });
});

describe('validateEdit: only what changed', () => {
  const original = scheduleView({ id: 4, syncFrequency: 'daily', historyWindowDays: 365 });
  const start = formOfSchedule(original, 'UTC');

  it.each([
    { name: 'nothing', change: {}, expected: {} },
    { name: 'the history window', change: { historyWindowDays: '90' }, expected: { historyWindowDays: 90 } },
    { name: 'a toggle', change: { isActive: false }, expected: { isActive: false } },
    {
      name: 'to custom hours',
      change: { syncFrequency: 'custom' as const, customIntervalHours: '6' },
      expected: { syncFrequency: 'custom', customIntervalHours: 6 },
    },
    {
      name: 'to cron',
      change: { syncFrequency: 'cron' as const, cronExpression: '0 6 * * *', timeZone: 'Asia/Tokyo' },
      expected: { syncFrequency: 'cron', cronExpression: '0 6 * * *', timeZone: 'Asia/Tokyo' },
    },
  ])('$name', ({ change, expected }) => {
    expect(validateEdit({ ...start, ...change }, original)).toEqual({ ok: true, value: expected });
  });

  it('sends only the zone when a cron schedule moves zone', () => {
    const cron = scheduleView({
      syncFrequency: 'cron',
      cronExpression: '0 6 * * *',
      timeZone: 'Europe/Paris',
    });
    const edited = { ...formOfSchedule(cron, 'UTC'), timeZone: 'Europe/London' };
    expect(validateEdit(edited, cron)).toEqual({ ok: true, value: { timeZone: 'Europe/London' } });
    expect(timingChanged(edited, cron)).toBe(true);
    expect(timingChanged(formOfSchedule(cron, 'UTC'), cron)).toBe(false);
  });

  it('leaving cron for daily sends the frequency alone (the engine clears the expression)', () => {
    const cron = scheduleView({
      syncFrequency: 'cron',
      cronExpression: '0 6 * * *',
      timeZone: 'Europe/Paris',
    });
    const edited = { ...formOfSchedule(cron, 'UTC'), syncFrequency: 'daily' as const };
    expect(validateEdit(edited, cron)).toEqual({ ok: true, value: { syncFrequency: 'daily' } });
  });

  it('refuses a bad value with the same messages as create', () => {
    const result = validateEdit({ ...start, syncFrequency: 'custom', customIntervalHours: '0' }, original);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.customIntervalHours).toMatch(/at least 1 hour/);
  });
});

describe('firstProblem follows the order of the form', () => {
  it.each([
    { errors: {}, expected: null },
    { errors: { historyWindowDays: 'a', chartId: 'b' }, expected: { field: 'chartId', message: 'b' } },
    { errors: { timeZone: 'z', cronExpression: 'c' }, expected: { field: 'cronExpression', message: 'c' } },
  ])('$errors', ({ errors, expected }) => {
    expect(firstProblem(errors)).toEqual(expected);
  });
});

describe('serverFieldErrors', () => {
  it.each([
    { fields: undefined, errors: {}, other: [] },
    { fields: { cronExpression: 'bad' }, errors: { cronExpression: 'bad' }, other: [] },
    { fields: { 'changes.timeZone': 'zone' }, errors: { timeZone: 'zone' }, other: [] },
    { fields: { 'changes.historyWindowDays': 'days' }, errors: { historyWindowDays: 'days' }, other: [] },
    { fields: { id: 'no such schedule' }, errors: {}, other: ['no such schedule'] },
    { fields: { chartId: 'taken', createdBy: 'long' }, errors: { chartId: 'taken' }, other: ['long'] },
  ] as { fields: Record<string, string> | undefined; errors: object; other: string[] }[])(
    '$fields',
    ({ fields, errors, other }) => {
      expect(serverFieldErrors(fields)).toEqual({ errors, other });
    },
  );
});

describe('sameForm', () => {
  it('tells an edited form from the initial one', () => {
    expect(sameForm(base, { ...base })).toBe(true);
    expect(sameForm(base, { ...base, cronExpression: '0' })).toBe(false);
  });
});

describe('length caps (issue 13, 7.6): the editor refuses what REST and the CLI refuse, in the same words', () => {
  it('a cron expression or time zone past its cap is a field error, not a save', () => {
    const cron = form({
      syncFrequency: 'cron',
      cronExpression: `0 6 * * ${'1,'.repeat(CRON_EXPRESSION_MAX_LENGTH)}1`,
      timeZone: 'Z'.repeat(TIME_ZONE_MAX_LENGTH + 1),
    });
    const result = validateCreate(cron);
    expect(result.ok).toBe(false);
    const errors = result.ok ? {} : result.errors;
    expect(errors.cronExpression).toBe(
      `A cron expression is at most ${CRON_EXPRESSION_MAX_LENGTH} characters.`,
    );
    expect(errors.timeZone).toBe(`A time zone name is at most ${TIME_ZONE_MAX_LENGTH} characters.`);
  });
});
