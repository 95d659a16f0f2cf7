import { describe, expect, it } from 'vitest';
import { chartLabel, searchCharts } from '../../../renderer/src/components/chart-search';
import { chartSummary } from '../support/sample-views';

const charts = [
  chartSummary({
    id: 1,
    name: 'Top 200 Global',
    slug: 'global-28',
    platform: 'spotify',
    countryName: 'Global',
  }),
  chartSummary({
    id: 2,
    name: 'Top 50 France',
    slug: 'fr-50',
    platform: 'spotify',
    countryCode: 'FR',
    countryName: 'France',
  }),
  chartSummary({
    id: 3,
    name: 'Global Shazam',
    slug: 'shazam-global',
    platform: 'shazam',
    countryName: 'Global',
  }),
  chartSummary({
    id: 4,
    name: 'Hot 100',
    slug: 'hot-100',
    platform: 'apple-music',
    countryCode: 'US',
    countryName: 'United States',
  }),
];

describe('searchCharts', () => {
  it.each([
    { query: '', ids: [1, 2, 3, 4] },
    { query: 'global', ids: [3, 1] },
    { query: 'GLOBAL spotify', ids: [1] },
    { query: 'fr', ids: [2] },
    { query: 'us apple', ids: [4] },
    { query: 'hot-100', ids: [4] },
    { query: 'deezer', ids: [] },
  ])('"$query"', ({ query, ids }) => {
    const { matches, total } = searchCharts(charts, query);
    expect(matches.map((c) => c.id)).toEqual(ids);
    expect(total).toBe(ids.length);
  });

  it('shows at most the limit, and says how many matched', () => {
    const many = Array.from({ length: 120 }, (_, i) => chartSummary({ id: i + 1, name: `Chart ${i + 1}` }));
    const { matches, total } = searchCharts(many, 'chart', 50);
    expect(matches).toHaveLength(50);
    expect(total).toBe(120);
  });
});

describe('chartLabel', () => {
  it('names the platform and country, which tell same-named charts apart', () => {
    expect(chartLabel(charts[1]!)).toBe('Top 50 France · spotify · France');
  });
});
