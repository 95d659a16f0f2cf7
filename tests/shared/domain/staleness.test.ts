import { describe, expect, it } from 'vitest';
import { AUDIENCE_MAX_AGE_MS, DAY_MS, METADATA_MAX_AGE_MS } from '../../../shared/domain/policies';
import { isAudienceStale, isMetadataStale, isStale } from '../../../shared/domain/staleness';

const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('isStale', () => {
  const maxAge = 1_000;
  it.each([
    { name: 'never fetched', fetchedAt: null, expected: true },
    { name: 'fetched just now', fetchedAt: NOW, expected: false },
    { name: 'one ms younger than the limit', fetchedAt: NOW - maxAge + 1, expected: false },
    { name: 'exactly at the limit', fetchedAt: NOW - maxAge, expected: false },
    { name: 'one ms past the limit', fetchedAt: NOW - maxAge - 1, expected: true },
    { name: 'fetched "in the future" (clock skew)', fetchedAt: NOW + 60_000, expected: false },
  ])('$name → $expected', ({ fetchedAt, expected }) => {
    expect(isStale(fetchedAt, NOW, maxAge)).toBe(expected);
  });
});

describe('metadata (30 days) and audience (7 days) staleness', () => {
  it.each([
    { name: 'metadata never fetched', check: isMetadataStale, fetchedAt: null, expected: true },
    { name: 'metadata 29 days old', check: isMetadataStale, fetchedAt: NOW - 29 * DAY_MS, expected: false },
    {
      name: 'metadata exactly 30 days old',
      check: isMetadataStale,
      fetchedAt: NOW - METADATA_MAX_AGE_MS,
      expected: false,
    },
    {
      name: 'metadata 30 days and 1 ms old',
      check: isMetadataStale,
      fetchedAt: NOW - METADATA_MAX_AGE_MS - 1,
      expected: true,
    },
    { name: 'audience never fetched', check: isAudienceStale, fetchedAt: null, expected: true },
    { name: 'audience 6 days old', check: isAudienceStale, fetchedAt: NOW - 6 * DAY_MS, expected: false },
    {
      name: 'audience exactly 7 days old',
      check: isAudienceStale,
      fetchedAt: NOW - AUDIENCE_MAX_AGE_MS,
      expected: false,
    },
    {
      name: 'audience 7 days and 1 ms old',
      check: isAudienceStale,
      fetchedAt: NOW - AUDIENCE_MAX_AGE_MS - 1,
      expected: true,
    },
    {
      name: 'audience 8 days old is stale, though metadata would not be',
      check: isAudienceStale,
      fetchedAt: NOW - 8 * DAY_MS,
      expected: true,
    },
  ])('$name → $expected', ({ check, fetchedAt, expected }) => {
    expect(check(fetchedAt, NOW)).toBe(expected);
  });

  it('the policies are 30 and 7 days', () => {
    expect([METADATA_MAX_AGE_MS, AUDIENCE_MAX_AGE_MS]).toEqual([30 * DAY_MS, 7 * DAY_MS]);
  });
});
