import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../shared/domain/backoff';
import { REQUEST_RETRY_POLICY, RETRY_POLICY } from '../../../shared/domain/policies';

const policy = RETRY_POLICY; // base 30 s, factor 2, cap 15 min

describe('backoffDelayMs bounds per attempt (equal jitter: between half and all of the capped delay)', () => {
  it.each([
    { name: 'attempt 1', attempt: 1, min: 15_000, max: 30_000 },
    { name: 'attempt 2', attempt: 2, min: 30_000, max: 60_000 },
    { name: 'attempt 3', attempt: 3, min: 60_000, max: 120_000 },
    { name: 'attempt 4', attempt: 4, min: 120_000, max: 240_000 },
    { name: 'attempt 5', attempt: 5, min: 240_000, max: 480_000 },
    { name: 'attempt 6 reaches the cap', attempt: 6, min: 450_000, max: 900_000 },
    { name: 'attempt 20 stays at the cap', attempt: 20, min: 450_000, max: 900_000 },
    { name: 'attempt 2000 stays at the cap (no Infinity)', attempt: 2000, min: 450_000, max: 900_000 },
  ])('$name', ({ attempt, min, max }) => {
    expect(backoffDelayMs(attempt, policy, () => 0)).toBe(min);
    expect(backoffDelayMs(attempt, policy, () => 1)).toBe(max);
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelayMs(attempt, policy);
      expect(delay).toBeGreaterThanOrEqual(min);
      expect(delay).toBeLessThanOrEqual(max);
    }
  });
});

describe('backoffDelayMs with an injected random', () => {
  it.each([
    { name: 'jitter 0 gives half the delay', random: 0, attempt: 1, expected: 15_000 },
    { name: 'jitter 1 gives the whole delay', random: 1, attempt: 1, expected: 30_000 },
    { name: 'jitter 0.5 gives three quarters', random: 0.5, attempt: 2, expected: 45_000 },
    { name: 'jitter below 0 is clamped to 0', random: -3, attempt: 1, expected: 15_000 },
    { name: 'jitter above 1 is clamped to 1', random: 7, attempt: 1, expected: 30_000 },
    { name: 'capped delay, jitter 0', random: 0, attempt: 9, expected: 450_000 },
    { name: 'capped delay, jitter 1', random: 1, attempt: 9, expected: 900_000 },
  ])('$name', ({ random, attempt, expected }) => {
    expect(backoffDelayMs(attempt, policy, () => random)).toBe(expected);
  });

  it.each([
    { name: 'request policy attempt 1', attempt: 1, expected: 500 },
    { name: 'request policy attempt 4', attempt: 4, expected: 4_000 },
    { name: 'request policy capped at 30 s', attempt: 10, expected: 30_000 },
  ])('$name (jitter 1)', ({ attempt, expected }) => {
    expect(backoffDelayMs(attempt, REQUEST_RETRY_POLICY, () => 1)).toBe(expected);
  });
});

describe('backoffDelayMs rejects invalid attempts', () => {
  it.each([
    { name: 'zero', attempt: 0 },
    { name: 'negative', attempt: -1 },
    { name: 'fractional', attempt: 1.5 },
    { name: 'NaN', attempt: Number.NaN },
    { name: 'Infinity', attempt: Number.POSITIVE_INFINITY },
  ])('$name', ({ attempt }) => {
    expect(() => backoffDelayMs(attempt, policy, () => 0)).toThrow(RangeError);
  });
});
