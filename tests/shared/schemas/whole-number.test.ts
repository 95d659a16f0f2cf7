import { describe, expect, it } from 'vitest';
import { pageLimit, pageOffset, recordId, wholeNumber } from '../../../shared/schemas/whole-number';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error!.issues.map((issue) => issue.message).join(' ');

describe('wholeNumber', () => {
  const days = wholeNumber('The window', 1, 10_000);
  it.each<[unknown, string | null]>([
    [1, null],
    [10_000, null],
    [0, 'The window must be a whole number from 1 to 10,000.'],
    [10_001, 'The window must be a whole number from 1 to 10,000.'],
    [2.5, 'The window must be a whole number from 1 to 10,000.'],
    ['ten', 'The window must be a whole number from 1 to 10,000.'],
    [null, 'The window must be a whole number from 1 to 10,000.'],
    [Number.NaN, 'The window must be a whole number from 1 to 10,000.'],
  ])('%j → %j', (value, message) => {
    expect(messageOf(days.safeParse(value))).toBe(message);
  });

  it.each<[unknown, string | null]>([
    [1, null],
    [Number.MAX_SAFE_INTEGER, null],
    [0, 'An id must be a whole number, 1 or more.'],
    [-3, 'An id must be a whole number, 1 or more.'],
    ['7', 'An id must be a whole number, 1 or more.'],
  ])('an id: %j → %j', (value, message) => {
    expect(messageOf(recordId.safeParse(value))).toBe(message);
  });

  it('defaults a page to its size and to the start', () => {
    expect(pageLimit(500, 50).parse(undefined)).toBe(50);
    expect(pageOffset.parse(undefined)).toBe(0);
    expect(messageOf(pageLimit(500, 50).safeParse(501))).toBe(
      'The page size must be a whole number from 1 to 500.',
    );
    expect(messageOf(pageOffset.safeParse(-1))).toBe('The offset must be a whole number, 0 or more.');
  });
});
