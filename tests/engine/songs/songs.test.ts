import { describe, expect, it } from 'vitest';
import { SUPPORTED_AUDIENCE_PLATFORMS } from '../../../shared/domain/policies';
import { SEED_DAILY, SEED_SONGS, SEED_WEEKLY } from '../rankings/seed-rankings';
import { SEEDED_NOW, useSeededEngine, type SeededEngine } from '../rankings/seeded-engine';

const { cafe, yoru, hello, dee, newcomer } = SEED_SONGS;

describe('songs/list', () => {
  const seeded = useSeededEngine();

  it('sorts by last seen (default), best peak, charts and title, with stored statistics', async () => {
    const api = seeded();
    const page = await api.ok('songs/list', {});
    expect(page).toMatchObject({ total: 5, limit: 100, offset: 0 });
    // Last seen 11-05 (three songs, then by title), 11-04, 11-02.
    expect(page.items.map((s) => s.name)).toEqual([
      cafe.name,
      hello.name,
      yoru.name,
      newcomer.name,
      dee.name,
    ]);
    expect(page.items[0]).toMatchObject({
      uuid: cafe.uuid,
      creditName: cafe.creditName,
      isrc: cafe.isrc,
      bestPeak: 1,
      chartsCount: 2,
      lastSeen: '2026-11-05',
      metadataFetchedAt: null,
    });
    const names = async (sort: 'best_peak' | 'charts' | 'title') =>
      (await api.ok('songs/list', { sort })).items.map((s) => s.name);
    // Peaks 1, 1, 1 (Song D leads the weekly chart), 2, 2; ties by last seen.
    expect(await names('best_peak')).toEqual([cafe.name, yoru.name, dee.name, hello.name, newcomer.name]);
    expect((await names('charts')).slice(0, 2)).toEqual([cafe.name, yoru.name]);
    expect(await names('title')).toEqual([cafe.name, hello.name, newcomer.name, dee.name, yoru.name]);
  });

  it('searches title, credit name and ISRC (accents, CJK, quotes; % taken literally), and pages', async () => {
    const api = seeded();
    const uuids = async (search: string) =>
      (await api.ok('songs/list', { search, sort: 'title' })).items.map((s) => s.uuid);
    expect(await uuids('夜に')).toEqual([yoru.uuid]);
    expect(await uuids('beyoncé')).toEqual([cafe.uuid]);
    expect(await uuids('"World"')).toEqual([hello.uuid]);
    expect(await uuids('jpu90')).toEqual([yoru.uuid]);
    expect(await uuids('%')).toEqual([]);
    expect(await uuids('  ')).toHaveLength(5);
    const second = await api.ok('songs/list', { sort: 'title', limit: 2, offset: 2 });
    expect(second).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(second.items.map((s) => s.name)).toEqual([newcomer.name, dee.name]);
    // "Café del Mar" and "Ünïcode, Artist".
    const narrowed = await api.ok('songs/list', { search: 'AR', limit: 1 });
    expect(narrowed.total).toBe(2);
    expect(narrowed.items).toHaveLength(1);
  });

  it.each([
    [{ sort: 'newest' }, 'Unknown sort "newest"; the sorts are last_seen, best_peak, charts, title.'],
    [{ limit: 0 }, 'limit: A page holds 1 to 1000 songs.'],
    [{ limit: 1001 }, 'limit: A page holds 1 to 1000 songs.'],
    [{ limit: 'ten' }, 'limit: The page size must be a whole number.'],
    [{ offset: -1 }, 'offset: The offset must be a whole number, 0 or more.'],
    [{ offset: 1.5 }, 'offset: The offset must be a whole number, 0 or more.'],
    [{ search: 'x'.repeat(201) }, 'search: The search is at most 200 characters.'],
    [{ page: 2 }, 'page'],
  ])('refuses %o', async (input, message) => {
    const error = await seeded().fail('songs/list', input);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(message);
  });
});

describe('songs/get', () => {
  const seeded = useSeededEngine();

  it('answers every chart the song is on with its points, best peak first', async () => {
    const api = seeded();
    const detail = await api.ok('songs/get', { song: yoru.uuid });
    expect(detail.song).toMatchObject({
      uuid: yoru.uuid,
      name: '夜に駆ける',
      isrc: yoru.isrc,
      artists: [],
      metadataFetchedAt: null,
      metadataStale: true,
      metadataQueued: false,
    });
    expect(detail.bestPeak).toEqual({
      position: 1,
      chartId: api.charts.daily,
      slug: SEED_DAILY,
      name: 'Seed Top, "Daily"',
      date: '2026-11-02',
    });
    expect(detail.charts.map((c) => c.slug)).toEqual([SEED_DAILY, SEED_WEEKLY]);
    expect(detail.charts[0]).toMatchObject({
      peakPosition: 1,
      peakDate: '2026-11-02',
      firstDate: '2026-11-01',
      lastDate: '2026-11-05',
      lastPosition: 2,
      appearances: 3,
      points: [
        { date: '2026-11-01', position: 2 },
        { date: '2026-11-02', position: 1 },
        { date: '2026-11-05', position: 2 },
      ],
    });
    expect(detail.charts[1]).toMatchObject({ peakPosition: 3, appearances: 1, platform: 'apple-music' });
  });

  it('finds a song by ISRC, with hyphens and in lower case', async () => {
    const api = seeded();
    expect((await api.ok('songs/get', { song: 'jp-u90-26-00002' })).song.uuid).toBe(yoru.uuid);
  });

  it('reads stored metadata, leaving out what is not well-formed JSON or of the wrong shape', async () => {
    const api = seeded();
    api.engine.database.sqlite
      .prepare(
        `UPDATE songs SET metadata_fetched_at = ?, explicit = 1, release_date = '2020-01-01T00:00:00+00:00',
           artists_json = ?, genres_json = ?, labels_json = '{"not": "a list"}', composers_json = 'not json',
           producers_json = '["Ayase", 3]' WHERE uuid = ?`,
      )
      .run(
        SEEDED_NOW - 1000,
        JSON.stringify([
          { uuid: 'a1', slug: 'yoasobi', name: 'YOASOBI', appUrl: null, imageUrl: null },
          { nope: 1 },
        ]),
        JSON.stringify([{ root: 'J-Pop', sub: ['Anime', 7] }]),
        yoru.uuid,
      );
    api.engine.database.sqlite
      .prepare(
        `INSERT INTO task_queue (kind, subject, platform, status) VALUES ('song_metadata', ?, '', 'queued')`,
      )
      .run(yoru.uuid);
    const { song } = await api.ok('songs/get', { song: yoru.uuid });
    expect(song).toMatchObject({
      explicit: true,
      releaseDate: '2020-01-01T00:00:00+00:00',
      artists: [{ uuid: 'a1', slug: 'yoasobi', name: 'YOASOBI', appUrl: null, imageUrl: null }],
      genres: [{ root: 'J-Pop', sub: ['Anime'] }],
      labels: [],
      composers: [],
      producers: ['Ayase'],
      metadataFetchedAt: SEEDED_NOW - 1000,
      metadataStale: false,
      metadataQueued: true,
    });
  });

  it('answers a song in no stored ranking with no charts and no peak', async () => {
    const api = seeded();
    api.engine.database.sqlite
      .prepare(`INSERT INTO songs (uuid, name) VALUES ('lonely-song', 'Lonely')`)
      .run();
    expect(await api.ok('songs/get', { song: 'lonely-song' })).toMatchObject({ bestPeak: null, charts: [] });
  });

  it.each([
    [
      { song: 'no-such-song' },
      'not_found',
      'No song has the uuid or ISRC "no-such-song" in the local database',
    ],
    [{ song: '' }, 'invalid_input', 'Name the song by its uuid or ISRC.'],
    [{ uuid: cafe.uuid }, 'invalid_input', 'uuid'],
  ])('refuses %o', async (input, code, message) => {
    const error = await seeded().fail('songs/get', input);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});

describe('songs/audience', () => {
  const seeded = useSeededEngine();
  const openTasks = (api: SeededEngine) =>
    (
      api.engine.database.sqlite
        .prepare(
          `SELECT platform FROM task_queue WHERE kind = 'song_audience' AND status IN ('queued', 'running')
           ORDER BY platform`,
        )
        .all() as { platform: string }[]
    ).map((row) => row.platform);

  it('answers what is stored at once and queues every stale platform once', async () => {
    const api = seeded();
    const first = await api.ok('songs/audience', { song: cafe.uuid });
    expect(first.song).toEqual({ uuid: cafe.uuid, name: cafe.name, creditName: cafe.creditName });
    expect(first.platforms.map((p) => p.platform)).toEqual([...SUPPORTED_AUDIENCE_PLATFORMS]);
    expect(first.refreshing).toEqual([...SUPPORTED_AUDIENCE_PLATFORMS]);
    const again = await api.ok('songs/audience', { song: cafe.isrc! });
    expect(again.refreshing).toEqual([...SUPPORTED_AUDIENCE_PLATFORMS]);
    expect(openTasks(api)).toEqual([...SUPPORTED_AUDIENCE_PLATFORMS].sort());
  });

  it('filters by platform; refresh queues a fresh one, once while it is open', async () => {
    const api = seeded();
    const { sqlite } = api.engine.database;
    const songId = (sqlite.prepare('SELECT id FROM songs WHERE uuid = ?').get(cafe.uuid) as { id: number })
      .id;
    const insert = sqlite.prepare(
      'INSERT INTO song_audience (song_id, platform, date, value, fetched_at) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run(songId, 'spotify', '2026-11-04', 1000, SEEDED_NOW - 60_000);
    insert.run(songId, 'spotify', '2026-11-05', 1500, SEEDED_NOW - 60_000);
    insert.run(songId, 'shazam', '2026-11-05', 7, SEEDED_NOW - 60_000);

    const fresh = await api.ok('songs/audience', { song: cafe.uuid, platform: 'spotify' });
    expect(fresh.platforms).toEqual([
      {
        platform: 'spotify',
        points: [
          { date: '2026-11-04', value: 1000 },
          { date: '2026-11-05', value: 1500 },
        ],
        fetchedAt: SEEDED_NOW - 60_000,
        stale: false,
        lastError: null,
      },
    ]);
    expect(fresh.refreshing).toEqual([]);
    expect(openTasks(api)).toEqual([]);

    const refreshed = await api.ok('songs/audience', { song: cafe.uuid, platform: 'spotify', refresh: true });
    expect(refreshed.refreshing).toEqual(['spotify']);
    expect(refreshed.platforms[0]!.points).toHaveLength(2);
    await api.ok('songs/audience', { song: cafe.uuid, platform: 'spotify', refresh: true });
    expect(openTasks(api)).toEqual(['spotify']);
  });

  it.each([
    [
      { song: cafe.uuid, platform: 'myspace' },
      'invalid_input',
      'Unknown audience platform "myspace"; the platforms are',
    ],
    [{ song: cafe.uuid, refresh: 'yes' }, 'invalid_input', 'refresh'],
    [{ song: 'nope' }, 'not_found', 'No song has the uuid or ISRC "nope"'],
  ])('refuses %o', async (input, code, message) => {
    const error = await seeded().fail('songs/audience', input);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});
