import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../../shared/domain/group-digits';

describe('groupDigits writes numbers as toLocaleString("en-US") does', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1_000, '1,000'],
    [1_200, '1,200'],
    [36_500, '36,500'],
    [999_999, '999,999'],
    [1_000_000, '1,000,000'],
    [-1_234, '-1,234'],
    [-999, '-999'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
    [2 ** 60, (2 ** 60).toLocaleString('en-US')],
    [1234.5678, '1,234.568'],
    [-0, '-0'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('%s → %s', (n, expected) => {
    expect(groupDigits(n)).toBe(expected);
    expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
  });

  it('agrees with Intl on every power of ten and its neighbours up to 2^53', () => {
    for (let n = 1; n <= Number.MAX_SAFE_INTEGER; n *= 10) {
      for (const m of [n - 1, n, n + 1, -n]) expect(groupDigits(m)).toBe(m.toLocaleString('en-US'));
    }
  });
});
