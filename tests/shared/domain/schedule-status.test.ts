import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../shared/domain/policies';
import { HEALTH_STATES, type Health } from '../../../shared/domain/health';
import {
  chartSyncStatus,
  executionDurationMs,
  missedSlot,
  successRate,
  type ChartSyncStatus,
} from '../../../shared/domain/schedule-status';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const I = DAY_MS;

describe('successRate', () => {
  it.each([
    { name: 'no executions yet', total: 0, successful: 0, expected: null },
    { name: 'all successful', total: 10, successful: 10, expected: 100 },
    { name: 'none successful', total: 4, successful: 0, expected: 0 },
    { name: 'three of four', total: 4, successful: 3, expected: 75 },
    { name: 'one of three is not rounded', total: 3, successful: 1, expected: 100 / 3 },
    { name: 'two of three is not rounded', total: 3, successful: 2, expected: 200 / 3 },
  ])('$name', ({ total, successful, expected }) => {
    expect(successRate(total, successful)).toBe(expected);
  });

  it.each([
    { name: 'negative total', total: -1, successful: 0 },
    { name: 'negative successful', total: 1, successful: -1 },
    { name: 'more successes than executions', total: 2, successful: 3 },
    { name: 'fractional count', total: 1.5, successful: 1 },
    { name: 'NaN', total: Number.NaN, successful: 0 },
  ])('refuses $name', ({ total, successful }) => {
    expect(() => successRate(total, successful)).toThrow(RangeError);
  });
});

describe('missedSlot (catch-up trigger: more than one interval past the slot)', () => {
  it.each([
    { name: 'no slot', nextSyncAt: null, expected: false },
    { name: 'slot ahead', nextSyncAt: NOW + HOUR_MS, expected: false },
    { name: 'due right now', nextSyncAt: NOW, expected: false },
    { name: 'exactly one interval past', nextSyncAt: NOW - I, expected: false },
    { name: '1 ms beyond one interval', nextSyncAt: NOW - I - 1, expected: true },
    { name: 'thirty intervals past', nextSyncAt: NOW - 30 * I, expected: true },
  ])('$name → $expected', ({ nextSyncAt, expected }) => {
    expect(missedSlot({ nextSyncAt, intervalMs: I, now: NOW })).toBe(expected);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses interval %s', (intervalMs) => {
    expect(() => missedSlot({ nextSyncAt: NOW, intervalMs, now: NOW })).toThrow(RangeError);
  });
});

describe('chartSyncStatus follows health (one rule for overdue)', () => {
  it.each<{ health: Health | null; expected: ChartSyncStatus }>([
    { health: null, expected: 'not_scheduled' },
    { health: 'paused', expected: 'inactive' },
    { health: 'overdue', expected: 'overdue' },
    { health: 'on_time', expected: 'active' },
    { health: 'never_synced', expected: 'active' },
    { health: 'late', expected: 'active' },
    { health: 'failing', expected: 'active' },
    { health: 'retrying', expected: 'active' },
    { health: 'action_required', expected: 'active' },
    { health: 'running', expected: 'active' },
  ])('$health → $expected', ({ health, expected }) => {
    expect(chartSyncStatus(health)).toBe(expected);
  });

  it('covers every health state', () => {
    expect(new Set(HEALTH_STATES.map(chartSyncStatus))).toEqual(new Set(['active', 'overdue', 'inactive']));
  });
});

describe('executionDurationMs', () => {
  it.each([
    { name: 'not started', startedAt: null, completedAt: null, expected: null },
    { name: 'still running', startedAt: NOW, completedAt: null, expected: null },
    { name: 'completed without a start', startedAt: null, completedAt: NOW, expected: null },
    { name: 'ninety seconds', startedAt: NOW, completedAt: NOW + 90_000, expected: 90_000 },
    { name: 'instantaneous', startedAt: NOW, completedAt: NOW, expected: 0 },
    { name: 'clock skew is clamped to 0', startedAt: NOW, completedAt: NOW - 5_000, expected: 0 },
  ])('$name', ({ startedAt, completedAt, expected }) => {
    expect(executionDurationMs(startedAt, completedAt)).toBe(expected);
  });
});
