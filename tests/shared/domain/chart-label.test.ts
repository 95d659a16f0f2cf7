import { describe, expect, it } from 'vitest';
import { chartLabel } from '../../../shared/domain/chart-label';

describe('chartLabel', () => {
  it.each([
    {
      chart: { name: 'Top Songs', platform: 'spotify', countryCode: 'FR', slug: 'fr-42' },
      expected: 'Top Songs · spotify · FR (fr-42)',
    },
    {
      chart: { name: 'Top Songs', platform: 'spotify', countryCode: '', slug: 'global-28' },
      expected: 'Top Songs · spotify · Worldwide (global-28)',
    },
    {
      chart: { name: 'Best Sellers', platform: 'amazon', countryCode: 'de', slug: 'de-105' },
      expected: 'Best Sellers · amazon · DE (de-105)',
    },
  ])('$expected', ({ chart, expected }) => {
    expect(chartLabel(chart)).toBe(expected);
  });
});
