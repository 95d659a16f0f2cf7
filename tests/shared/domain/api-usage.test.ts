import { describe, expect, it } from 'vitest';
import { requestKindOf } from '../../../shared/domain/api-usage';

describe('requestKindOf', () => {
  it.each([
    { path: '/api/v2.14/chart/song/global-28/ranking/latest?offset=0&limit=100', kind: 'ranking' },
    {
      path: '/api/v2.14/chart/song/global-28/ranking/2025-08-23T12%3A00%3A00%2B00%3A00?offset=100&limit=100',
      kind: 'ranking',
    },
    { path: '/api/v2/chart/song/global-28/available-rankings?offset=0&limit=100', kind: 'ranking' },
    { path: '/api/v2/chart/song/platforms?offset=0&limit=100', kind: 'chart_list' },
    { path: '/api/v2/chart/song/by-platform/spotify?countryCode=FR&offset=0&limit=100', kind: 'chart_list' },
    { path: '/api/v2.25/song/7d534228-5165-11e9-9375-549f35161576', kind: 'metadata' },
    {
      path: '/api/v2/song/7d534228/audience/spotify?startDate=2026-01-01&endDate=2026-03-01',
      kind: 'audience',
    },
    { path: '/api/v2/team/usage', kind: 'other' },
    // A chart whose slug looks like a keyword is still a ranking: the slug is opaque.
    { path: '/api/v2.14/chart/song/platforms/ranking/latest', kind: 'ranking' },
    { path: '/api/v3/something/new', kind: 'other' },
  ])('$path is $kind', ({ path, kind }) => {
    expect(requestKindOf(path)).toBe(kind);
  });
});
