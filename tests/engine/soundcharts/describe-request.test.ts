import { describe, expect, it } from 'vitest';
import { describeRequest } from '../../../electron/engine/soundcharts/describe-request';
import { endpoints } from '../../../electron/engine/soundcharts/endpoints';

describe('describeRequest', () => {
  it.each([
    [endpoints.platforms(), 'the list of chart platforms'],
    [endpoints.chartsByPlatform('spotify'), 'the spotify chart catalogue'],
    [endpoints.availableRankings('ca-197') + '?offset=0&limit=100', 'the ranking dates of chart ca-197'],
    [endpoints.latestRanking('global-28'), 'the latest ranking of chart global-28'],
    [
      endpoints.rankingAt('ca-197', '2026-11-24T12:00:00+00:00') + '?offset=0&limit=100',
      'the ranking of chart ca-197 of 2026-11-24',
    ],
    [endpoints.song('7d4b-11'), 'the metadata of song 7d4b-11'],
    [endpoints.songAudience('7d4b-11', 'spotify'), 'the spotify audience of song 7d4b-11'],
    ['/oauth/token', 'an access token'],
    ['/api/v9/something/else?x=1', '/api/v9/something/else'],
  ])('%s', (path, text) => {
    expect(describeRequest(path)).toBe(text);
  });
});
