import { describe, expect, it } from 'vitest';
import { formatIsoTime, isInstantKey, parseTimeInput, withIsoTimes } from '../../../shared/domain/wire-times';

const PARIS = 'Europe/Paris';

describe('isInstantKey', () => {
  it.each([
    ['at', true],
    ['createdAt', true],
    ['lastSyncAt', true],
    ['created_at', true],
    ['next_attempt_at', true],
    ['durationMs', false],
    ['lateByMs', false],
    ['format', false],
    ['status', false],
    ['At', false],
    ['_at', false],
    ['chat', false],
    ['latestRankingDate', false],
  ])('%s → %s', (key, expected) => {
    expect(isInstantKey(key)).toBe(expected);
  });
});

describe('formatIsoTime', () => {
  it.each([
    {
      name: 'UTC',
      instant: Date.parse('2026-01-15T08:30:00.250Z'),
      zone: 'UTC',
      iso: '2026-01-15T08:30:00.250+00:00',
    },
    {
      name: 'Paris in winter',
      instant: Date.parse('2026-01-15T08:30:00Z'),
      zone: PARIS,
      iso: '2026-01-15T09:30:00.000+01:00',
    },
    {
      name: 'Paris in summer',
      instant: Date.parse('2026-07-15T08:30:00Z'),
      zone: PARIS,
      iso: '2026-07-15T10:30:00.000+02:00',
    },
    {
      name: 'a negative offset across midnight',
      instant: Date.parse('2026-01-01T02:00:00Z'),
      zone: 'America/New_York',
      iso: '2025-12-31T21:00:00.000-05:00',
    },
    {
      name: 'a half-hour offset',
      instant: Date.parse('2026-01-15T00:00:00Z'),
      zone: 'Asia/Kolkata',
      iso: '2026-01-15T05:30:00.000+05:30',
    },
    {
      name: 'a negative half-hour offset',
      instant: Date.parse('2026-01-15T12:00:00Z'),
      zone: 'America/St_Johns',
      iso: '2026-01-15T08:30:00.000-03:30',
    },
    { name: 'the epoch', instant: 0, zone: 'UTC', iso: '1970-01-01T00:00:00.000+00:00' },
  ])('$name', ({ instant, zone, iso }) => {
    expect(formatIsoTime(instant, zone)).toBe(iso);
    // It denotes the same instant.
    expect(Date.parse(iso)).toBe(instant);
  });
});

describe('withIsoTimes', () => {
  const at = Date.parse('2026-01-15T08:30:00Z');
  it.each([
    {
      name: 'a view',
      input: { id: 3, createdAt: at, completedAt: null, durationMs: 1200 },
      output: { id: 3, createdAt: '2026-01-15T08:30:00.000+00:00', completedAt: null, durationMs: 1200 },
    },
    {
      name: 'nested objects and lists',
      input: { items: [{ at, chart: { lastSyncAt: at } }], total: 1 },
      output: {
        items: [
          { at: '2026-01-15T08:30:00.000+00:00', chart: { lastSyncAt: '2026-01-15T08:30:00.000+00:00' } },
        ],
        total: 1,
      },
    },
    {
      name: 'snake_case keys',
      input: { created_at: at },
      output: { created_at: '2026-01-15T08:30:00.000+00:00' },
    },
    {
      name: 'a time already text',
      input: { fetchedAt: '2026-01-15T08:30:00+01:00' },
      output: { fetchedAt: '2026-01-15T08:30:00+01:00' },
    },
    {
      name: 'numbers under other names',
      input: { count: at, failedPeriods: ['2026-01-15'] },
      output: { count: at, failedPeriods: ['2026-01-15'] },
    },
    { name: 'not an object', input: 42, output: 42 },
    { name: 'null', input: null, output: null },
  ])('$name', ({ input, output }) => {
    expect(withIsoTimes(input, 'UTC')).toEqual(output);
  });

  it('leaves its input unchanged', () => {
    const view = { createdAt: at };
    withIsoTimes(view, 'UTC');
    expect(view).toEqual({ createdAt: at });
  });
});

describe('parseTimeInput', () => {
  it.each([
    {
      text: '2026-03-01T09:00:00+01:00',
      edge: 'start',
      zone: 'UTC',
      expected: Date.parse('2026-03-01T08:00:00Z'),
    },
    { text: '2026-03-01T08:00:00Z', edge: 'end', zone: PARIS, expected: Date.parse('2026-03-01T08:00:00Z') },
    { text: '2026-03-01T08:00Z', edge: 'start', zone: 'UTC', expected: Date.parse('2026-03-01T08:00:00Z') },
    {
      text: '2026-03-01T08:00:00.5-0230',
      edge: 'start',
      zone: 'UTC',
      expected: Date.parse('2026-03-01T10:30:00.500Z'),
    },
    { text: '2026-03-01', edge: 'start', zone: 'UTC', expected: Date.parse('2026-03-01T00:00:00Z') },
    { text: '2026-03-01', edge: 'end', zone: 'UTC', expected: Date.parse('2026-03-02T00:00:00Z') },
    { text: '2026-03-01', edge: 'start', zone: PARIS, expected: Date.parse('2026-02-28T23:00:00Z') },
    // 29 March 2026 lasts 23 hours in Paris: the day after starts at 22:00 UTC.
    { text: '2026-03-29', edge: 'end', zone: PARIS, expected: Date.parse('2026-03-29T22:00:00Z') },
    { text: '2026-03-01T09:00:00', edge: 'start', zone: 'UTC', expected: null },
    { text: '2026-02-30', edge: 'start', zone: 'UTC', expected: null },
    { text: '2026-02-28T24:00:00Z', edge: 'start', zone: 'UTC', expected: null },
    { text: '2026-02-28T10:00:00+25:00', edge: 'start', zone: 'UTC', expected: null },
    { text: '1772352000000', edge: 'start', zone: 'UTC', expected: null },
    { text: 'yesterday', edge: 'start', zone: 'UTC', expected: null },
    { text: '', edge: 'start', zone: 'UTC', expected: null },
  ] as const)('$text ($edge, $zone) → $expected', ({ text, edge, zone, expected }) => {
    expect(parseTimeInput(text, edge, zone)).toBe(expected);
  });
});
