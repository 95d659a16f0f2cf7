import { describe, expect, it } from 'vitest';
import type { RankingView } from '../../../shared/views/ranking';
import { SEED_DAILY, SEED_DATES, SEED_SONGS, SEED_WEEKLY } from './seed-rankings';
import { useSeededEngine } from './seeded-engine';

/** Each entry as "position name movement change previous peak". */
const rows = (view: RankingView) =>
  view.entries.map(
    (e) => `${e.position} ${e.song.name} ${e.movement} ${e.change} ${e.previousPosition} ${e.peakPosition}`,
  );

describe('rankings/get', () => {
  const seeded = useSeededEngine();

  it('answers the latest stored period by default, with the navigation dates', async () => {
    const api = seeded();
    const view = await api.ok('rankings/get', { chart: SEED_DAILY });
    expect(view.date).toBe('2026-11-05');
    expect(view.datetime).toBe('2026-11-05T00:00:00+00:00');
    expect(view.dates).toEqual([...SEED_DATES]);
    expect(view.previousDate).toBe('2026-11-04');
    expect(view.nextDate).toBeNull();
    expect(view.complete).toBe(true);
    expect(view.reportedTotal).toBe(3);
    expect(view.chart).toMatchObject({
      id: api.charts.daily,
      slug: SEED_DAILY,
      name: 'Seed Top, "Daily"',
      metricType: 'streams',
      scheduleId: null,
    });
  });

  it('compares with the previous stored period: same, re-entry after a gap, down; peak within history', async () => {
    const view = await seeded().ok('rankings/get', { chart: SEED_DAILY, date: '2026-11-05' });
    expect(rows(view)).toEqual([
      `1 ${SEED_SONGS.cafe.name} same 0 1 1`,
      // Out on 11-04, in on 11-02 (its peak, 1): back in.
      `2 ${SEED_SONGS.yoru.name} re-entry null null 1`,
      `3 ${SEED_SONGS.hello.name} down -1 2 2`,
    ]);
    const [first] = view.entries;
    expect(first).toMatchObject({
      song: { uuid: SEED_SONGS.cafe.uuid, creditName: 'Beyoncé & Zoë', isrc: SEED_SONGS.cafe.isrc },
      metric: 1_000_000,
      timeOnChart: 10,
      timeOnChartUnit: 'day',
    });
  });

  it('counts a stored period across a gap as the previous one, and tells new from re-entry', async () => {
    const view = await seeded().ok('rankings/get', { chart: SEED_DAILY, date: '2026-11-04' });
    expect(view.previousDate).toBe('2026-11-02');
    expect(view.nextDate).toBe('2026-11-05');
    expect(rows(view)).toEqual([
      `1 ${SEED_SONGS.cafe.name} up 1 2 1`,
      `2 ${SEED_SONGS.hello.name} re-entry null null 2`,
      '3 Newcomer new null null 3',
    ]);
  });

  it('takes the peak only from history up to the date asked', async () => {
    const api = seeded();
    const first = await api.ok('rankings/get', { chart: SEED_DAILY, date: '2026-11-01' });
    // The oldest stored period: movement as Soundcharts reported it (0 = new).
    expect(first.previousDate).toBeNull();
    expect(rows(first)).toEqual([
      `1 ${SEED_SONGS.cafe.name} new null null 1`,
      `2 ${SEED_SONGS.yoru.name} up 3 5 2`,
      `3 ${SEED_SONGS.hello.name} down -1 2 3`,
    ]);
    const second = await api.ok('rankings/get', { chart: SEED_DAILY, date: '2026-11-02' });
    expect(rows(second)).toEqual([
      `1 ${SEED_SONGS.yoru.name} up 1 2 1`,
      `2 ${SEED_SONGS.cafe.name} down -1 1 1`,
      '3 Song D new null null 3',
    ]);
  });

  it('finds a chart by id, and says when a ranking is incomplete', async () => {
    const api = seeded();
    const view = await api.ok('rankings/get', { chart: String(api.charts.weekly) });
    expect(view.chart.slug).toBe(SEED_WEEKLY);
    expect(view.complete).toBe(false);
    expect(view.reportedTotal).toBe(100);
    expect(view.entries.map((e) => e.movement)).toEqual(['new', 'new', 'new', 'new', 'new']);
    expect(view.dates).toEqual(['2026-11-02']);
  });

  it.each([
    ['an unknown chart', { chart: 'nope' }, 'not_found', 'No chart has the id or slug "nope".'],
    [
      'a date between stored ones',
      { chart: SEED_DAILY, date: '2026-11-03' },
      'not_found',
      'is stored for 2026-11-03; the nearest stored dates are 2026-11-02 and 2026-11-04.',
    ],
    [
      'a date after the newest',
      { chart: SEED_DAILY, date: '2026-12-01' },
      'not_found',
      'the latest stored date is 2026-11-05.',
    ],
    [
      'a date before the oldest',
      { chart: SEED_DAILY, date: '2026-01-01' },
      'not_found',
      'the oldest stored date is 2026-11-01.',
    ],
    [
      'a date that does not exist',
      { chart: SEED_DAILY, date: '2026-02-30' },
      'invalid_input',
      'The ranking date must be a calendar date written YYYY-MM-DD.',
    ],
    ['no chart', { chart: ' ' }, 'invalid_input', 'Name the chart by its id or slug.'],
    ['an unknown field', { chart: SEED_DAILY, day: '2026-11-01' }, 'invalid_input', 'day'],
  ])('refuses %s with a clear sentence', async (_what, input, code, message) => {
    const error = await seeded().fail('rankings/get', input);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('says to sync a chart that has nothing stored', async () => {
    const api = seeded();
    api.engine.database.sqlite
      .prepare(
        `INSERT INTO charts (slug, name, platform, frequency) VALUES ('empty-chart', 'Empty', 'spotify', 'daily')`,
      )
      .run();
    const error = await api.fail('rankings/get', { chart: 'empty-chart' });
    expect(error).toMatchObject({ code: 'not_found' });
    expect(error.message).toBe(
      'No ranking of "Empty" (empty-chart) is stored yet: sync the chart first (Sync now, or `chart-sync sync empty-chart`).',
    );
  });
});
