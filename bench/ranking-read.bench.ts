import { bench, describe } from 'vitest';
import { dispatch } from '../electron/engine/api/dispatch';
import { openDatabase } from '../electron/engine/db/open-database';
import { Engine } from '../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../electron/engine/soundcharts';
import { seedYearOfRankings } from './year-of-rankings';

// No request is made: rankings/get reads the database only.
const engine = new Engine({
  database: openDatabase({ file: ':memory:' }),
  version: 'bench',
  connection: { baseUrl: 'http://127.0.0.1:9', credentials: SANDBOX_CREDENTIALS },
});
const { latest } = seedYearOfRankings(engine.database);

describe('rankings/get, a 200-entry daily chart with a year of stored history', () => {
  bench('the latest ranking', async () => {
    const result = await dispatch(engine.handlers, 'rankings/get', { chart: 'year-daily' });
    if (!result.ok) throw new Error(result.error.message);
  });
  bench('a ranking at a date', async () => {
    const result = await dispatch(engine.handlers, 'rankings/get', { chart: 'year-daily', date: latest });
    if (!result.ok) throw new Error(result.error.message);
  });
});

describe('songs/list and songs/get on the same year (600 songs, 146,000 entries)', () => {
  for (const sort of ['last_seen', 'title'] as const) {
    bench(`songs/list by ${sort}`, async () => {
      const result = await dispatch(engine.handlers, 'songs/list', { sort });
      if (!result.ok) throw new Error(result.error.message);
    });
  }
  bench('songs/get', async () => {
    const result = await dispatch(engine.handlers, 'songs/get', { song: 'year-song-300' });
    if (!result.ok) throw new Error(result.error.message);
  });
});
