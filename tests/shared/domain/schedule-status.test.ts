import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../shared/domain/policies';
import {
  chartSyncStatus,
  executionDurationMs,
  isOverdue,
  overdueLevel,
  successRate,
  type OverdueLevel,
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

describe('overdueLevel (interval 24 h, overdue beyond 1×, failing beyond 2×)', () => {
  it.each([
    {
      name: 'inactive, even if very late',
      isActive: false,
      nextSyncAt: NOW - 10 * I,
      level: 'none',
      lateByMs: 0,
    },
    { name: 'active without next sync', isActive: true, nextSyncAt: null, level: 'none', lateByMs: 0 },
    { name: 'next sync in an hour', isActive: true, nextSyncAt: NOW + HOUR_MS, level: 'none', lateByMs: 0 },
    { name: 'next sync in 1 ms', isActive: true, nextSyncAt: NOW + 1, level: 'none', lateByMs: 0 },
    { name: 'due right now', isActive: true, nextSyncAt: NOW, level: 'due', lateByMs: 0 },
    { name: 'late by 1 ms', isActive: true, nextSyncAt: NOW - 1, level: 'due', lateByMs: 1 },
    { name: 'late by exactly 1×', isActive: true, nextSyncAt: NOW - I, level: 'due', lateByMs: I },
    {
      name: 'late by just over 1×',
      isActive: true,
      nextSyncAt: NOW - I - 1,
      level: 'overdue',
      lateByMs: I + 1,
    },
    { name: 'late by 1.5×', isActive: true, nextSyncAt: NOW - 1.5 * I, level: 'overdue', lateByMs: 1.5 * I },
    {
      name: 'late by exactly 2×',
      isActive: true,
      nextSyncAt: NOW - 2 * I,
      level: 'overdue',
      lateByMs: 2 * I,
    },
    {
      name: 'late by just over 2×',
      isActive: true,
      nextSyncAt: NOW - 2 * I - 1,
      level: 'failing',
      lateByMs: 2 * I + 1,
    },
    { name: 'late by 30×', isActive: true, nextSyncAt: NOW - 30 * I, level: 'failing', lateByMs: 30 * I },
  ])('$name → $level', ({ isActive, nextSyncAt, level, lateByMs }) => {
    expect(overdueLevel({ isActive, nextSyncAt, intervalMs: I, now: NOW })).toEqual({ level, lateByMs });
  });

  it.each([
    { name: 'zero', intervalMs: 0 },
    { name: 'negative', intervalMs: -I },
    { name: 'NaN', intervalMs: Number.NaN },
  ])('refuses a $name interval', ({ intervalMs }) => {
    expect(() => overdueLevel({ isActive: true, nextSyncAt: NOW, intervalMs, now: NOW })).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it.each<{ level: OverdueLevel; expected: boolean }>([
    { level: 'none', expected: false },
    { level: 'due', expected: false },
    { level: 'overdue', expected: true },
    { level: 'failing', expected: true },
  ])('$level → $expected', ({ level, expected }) => {
    expect(isOverdue(level)).toBe(expected);
  });
});

describe('chartSyncStatus', () => {
  it.each([
    { name: 'no schedule', schedule: null, expected: 'not_scheduled' },
    {
      name: 'paused schedule',
      schedule: { isActive: false, nextSyncAt: NOW + I, intervalMs: I },
      expected: 'inactive',
    },
    {
      name: 'paused schedule that is long past due',
      schedule: { isActive: false, nextSyncAt: NOW - 10 * I, intervalMs: I },
      expected: 'inactive',
    },
    {
      name: 'active, next sync ahead',
      schedule: { isActive: true, nextSyncAt: NOW + I, intervalMs: I },
      expected: 'active',
    },
    {
      name: 'active, next sync not set',
      schedule: { isActive: true, nextSyncAt: null, intervalMs: I },
      expected: 'active',
    },
    {
      name: 'active and due (late ≤ 1×)',
      schedule: { isActive: true, nextSyncAt: NOW - I, intervalMs: I },
      expected: 'active',
    },
    {
      name: 'active and overdue',
      schedule: { isActive: true, nextSyncAt: NOW - I - 1, intervalMs: I },
      expected: 'overdue',
    },
    {
      name: 'active and failing',
      schedule: { isActive: true, nextSyncAt: NOW - 3 * I, intervalMs: I },
      expected: 'overdue',
    },
  ])('$name → $expected', ({ schedule, expected }) => {
    expect(chartSyncStatus(schedule, NOW)).toBe(expected);
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
