import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { RunningServer } from '../../../electron/engine/server';
import { SUPPORTED_AUDIENCE_PLATFORMS } from '../../../shared/domain/policies';
import { SEED_DAILY, SEED_SONGS, seedRankings } from '../rankings/seed-rankings';
import type { TestEngine } from '../../support/sync-engine';
import { restCall } from './support';
import { useRealHost } from './real-host';

type Answer = { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };

/** The stored data over REST, on the real engine and host. */
describe('REST rankings and songs on a real host', () => {
  const host = useRealHost();
  let test: TestEngine;
  let server: RunningServer;
  beforeEach(() => {
    ({ test, server } = host);
    seedRankings(test.engine.database);
  });

  const rest = (method: string, path: string, body?: unknown) => restCall<Answer>(server, method, path, body);

  it('GET /api/charts/{chart}/ranking/ answers the latest or a date, in snake_case', async () => {
    const latest = await rest('GET', `/api/charts/${SEED_DAILY}/ranking/`);
    expect(latest.status).toBe(200);
    expect(latest.body.value).toMatchObject({
      date: '2026-11-05',
      previous_date: '2026-11-04',
      next_date: null,
      complete: true,
      chart: { slug: SEED_DAILY, metric_type: 'streams', schedule_id: null },
    });
    expect(typeof latest.body.value!.fetched_at).toBe('string');
    const [first] = latest.body.value!.entries as Record<string, unknown>[];
    expect(first).toMatchObject({
      position: 1,
      previous_position: 1,
      movement: 'same',
      peak_position: 1,
      time_on_chart: 10,
      song: { name: 'Café del Mar, "Live"', credit_name: 'Beyoncé & Zoë', isrc: SEED_SONGS.cafe.isrc },
    });

    const chartId = test.engine.database.sqlite
      .prepare('SELECT id FROM charts WHERE slug = ?')
      .pluck()
      .get(SEED_DAILY) as number;
    const dated = await rest('GET', `/api/charts/${chartId}/ranking?date=2026-11-04`);
    expect(dated.status).toBe(200);
    expect((dated.body.value!.entries as { movement: string }[]).map((e) => e.movement)).toEqual([
      'up',
      're-entry',
      'new',
    ]);
  });

  it.each([
    ['/api/charts/nope/ranking/', 404, 'not_found', 'No chart has the id or slug "nope".'],
    [
      `/api/charts/${SEED_DAILY}/ranking/?date=2026-11-03`,
      404,
      'not_found',
      'the nearest stored dates are 2026-11-02 and 2026-11-04',
    ],
    [
      `/api/charts/${SEED_DAILY}/ranking/?date=03/11/2026`,
      400,
      'invalid_input',
      'date: The ranking date must be a calendar date written YYYY-MM-DD.',
    ],
    [
      `/api/charts/${SEED_DAILY}/ranking/?day=2026-11-03`,
      400,
      'invalid_input',
      'Unknown query parameter "day"; expected some of: date.',
    ],
    [
      `/api/charts/${SEED_DAILY}/ranking/?date=2026-11-04&date=2026-11-05`,
      400,
      'invalid_input',
      'date: Given more than once',
    ],
    ['/api/charts/global-28/ranking/', 404, 'not_found', 'No ranking of'],
  ])('GET %s → %i %s', async (path, status, code, message) => {
    const answer = await rest('GET', path);
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toBe(code);
    expect(answer.body.error?.message).toContain(message);
  });

  it('GET /api/charts/ answers what charts/list answers: every chart, the first N, or those ids', async () => {
    const { engine } = test;
    const contract = async (input: Record<string, unknown>) => {
      const result = await dispatch(engine.handlers, 'charts/list', input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { id: number }[];
    };
    const all = await rest('GET', '/api/charts/');
    expect(all.status).toBe(200);
    const rows = all.body.value as unknown as Record<string, unknown>[];
    const everything = await contract({});
    expect(rows.map((row) => row.id)).toEqual(everything.map((chart) => chart.id));
    expect(rows[0]).toHaveProperty('sync_status');
    expect(rows[0]).toHaveProperty('schedule_id');

    const first = await rest('GET', '/api/charts/?first=2');
    expect((first.body.value as unknown as { id: number }[]).map((row) => row.id)).toEqual(
      (await contract({ first: 2 })).map((chart) => chart.id),
    );

    const [a, b] = everything;
    const chartId = test.chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({ chartId, isActive: false, historyWindowDays: 1 });
    const some = await rest(
      'GET',
      `/api/charts?chart_ids=${a!.id}&chart_ids=${b!.id}&schedule_ids=${schedule.id}`,
    );
    expect(some.body.error).toBeUndefined();
    expect(some.status).toBe(200);
    expect(new Set((some.body.value as unknown as { id: number }[]).map((row) => row.id))).toEqual(
      new Set([a!.id, b!.id, chartId]),
    );
  });

  it.each([
    ['/api/charts/?first=0', 'first: The number of charts must be a whole number from 1 to '],
    ['/api/charts/?first=ten', 'first: The number of charts must be a whole number from 1 to '],
    ['/api/charts/?first=2.5', 'first: The number of charts must be a whole number from 1 to '],
    ['/api/charts/?chart_ids=x', 'chart_ids.0: An id must be a whole number, 1 or more.'],
    ['/api/charts/?first=5&chart_ids=1', 'Ask for the first charts or for charts by id, not both.'],
    [
      '/api/charts/?search=pop',
      'Unknown query parameter "search"; expected some of: first, chart_ids, schedule_ids.',
    ],
    ['/api/charts/?first=1&first=2', 'first: Given more than once'],
  ])('GET %s → 400', async (path, message) => {
    const answer = await rest('GET', path);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('invalid_input');
    expect(answer.body.error?.message).toContain(message);
  });

  it('GET /api/songs/ searches, sorts and pages; GET /api/songs/{uuid-or-isrc}/ answers one song', async () => {
    const page = await rest(
      'GET',
      `/api/songs/?search=${encodeURIComponent('夜')}&sort=best_peak&limit=5&offset=0`,
    );
    expect(page.status).toBe(200);
    expect(page.body.value).toMatchObject({ total: 1, limit: 5, offset: 0 });
    expect((page.body.value!.items as Record<string, unknown>[])[0]).toMatchObject({
      uuid: SEED_SONGS.yoru.uuid,
      best_peak: 1,
      charts_count: 2,
      last_seen: '2026-11-05',
      metadata_fetched_at: null,
    });
    const byIsrc = await rest('GET', `/api/songs/${SEED_SONGS.yoru.isrc}/`);
    expect(byIsrc.status).toBe(200);
    expect(byIsrc.body.value).toMatchObject({
      song: { uuid: SEED_SONGS.yoru.uuid, metadata_stale: true, metadata_queued: false },
      best_peak: { position: 1, slug: SEED_DAILY, date: '2026-11-02' },
    });
    expect((byIsrc.body.value!.charts as { points: unknown[] }[])[0]!.points).toHaveLength(3);
  });

  it.each([
    ['/api/songs/?sort=newest', 400, 'Unknown sort "newest"'],
    ['/api/songs/?limit=0', 400, 'limit: A page holds 1 to 1000 songs.'],
    ['/api/songs/?limit=ten', 400, 'limit: The page size must be a whole number.'],
    [
      '/api/songs/?page=2',
      400,
      'Unknown query parameter "page"; expected some of: search, sort, limit, offset.',
    ],
    ['/api/songs/nope/', 404, 'No song has the uuid or ISRC "nope"'],
    ['/api/songs/nope/audience/', 404, 'No song has the uuid or ISRC "nope"'],
    [
      `/api/songs/${SEED_SONGS.cafe.uuid}/audience/?platform=myspace`,
      400,
      'Unknown audience platform "myspace"',
    ],
    [`/api/songs/${SEED_SONGS.cafe.uuid}/audience/?refresh=1`, 400, 'Unknown query parameter "refresh"'],
  ])('GET %s → %i', async (path, status, message) => {
    const answer = await rest('GET', path);
    expect(answer.status).toBe(status);
    expect(answer.body.error?.message).toContain(message);
  });

  it('refuses other methods and a body on the refresh', async () => {
    const post = await rest('POST', `/api/charts/${SEED_DAILY}/ranking/`, {});
    expect(post.status).toBe(405);
    const body = await rest('POST', `/api/songs/${SEED_SONGS.cafe.uuid}/audience/refresh/`, { force: true });
    expect(body.status).toBe(400);
    expect(body.body.error?.message).toContain('"force"');
  });

  it('GET …/audience/ answers what is stored and starts the fetch; the runner stores it and says so', async () => {
    const { engine } = test;
    const chartId = test.chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId, isActive: false, historyWindowDays: 1, fetchTrackMetadata: false });
    await engine.syncChart(chartId);
    const uuid = engine.database.sqlite
      .prepare(
        `SELECT s.uuid FROM songs s JOIN chart_ranking_entries e ON e.song_id = s.id
         JOIN chart_rankings r ON r.id = e.ranking_id WHERE r.chart_id = ? ORDER BY e.position LIMIT 1`,
      )
      .pluck()
      .get(chartId) as string;

    const first = await rest('GET', `/api/songs/${uuid}/audience/?platform=spotify`);
    expect(first.status).toBe(200);
    expect(first.body.value).toMatchObject({
      song: { uuid },
      platforms: [{ platform: 'spotify', points: [], fetched_at: null, stale: true }],
      refreshing: ['spotify'],
    });

    const updated: string[] = [];
    engine.events.on('song/audience-updated', (e) => {
      if (e.songUuid === uuid) updated.push(e.platform);
    });
    engine.enrichment.start();
    await engine.enrichment.idle();
    expect(updated).toEqual(['spotify']);

    const stored = await rest('GET', `/api/songs/${uuid}/audience/?platform=spotify`);
    const [spotify] = stored.body.value!.platforms as { points: unknown[]; stale: boolean }[];
    expect(spotify!.points.length).toBeGreaterThan(0);
    expect(spotify!.stale).toBe(false);
    expect(stored.body.value!.refreshing).toEqual([]);

    // Fresh, yet the refresh asks again.
    const refresh = await rest('POST', `/api/songs/${uuid}/audience/refresh/?platform=spotify`);
    expect(refresh.status).toBe(202);
    expect(refresh.body.value!.refreshing).toEqual(['spotify']);
    await engine.enrichment.idle();
    expect(updated).toEqual(['spotify', 'spotify']);

    const all = await rest('GET', `/api/songs/${uuid}/audience/`);
    expect((all.body.value!.platforms as unknown[]).length).toBe(SUPPORTED_AUDIENCE_PLATFORMS.length);
    expect(all.body.value!.refreshing).toEqual(SUPPORTED_AUDIENCE_PLATFORMS.filter((p) => p !== 'spotify'));
  });
});
