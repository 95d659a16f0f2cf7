import { describe, expect, it } from 'vitest';
import { Audience, AUDIENCE_PLATFORMS } from '../../electron/emulator/audience';
import { dayOf } from '../../electron/emulator/dates';
import { MAX_AUDIENCE_DAYS } from '../../electron/emulator/routes';
import { AUDIENCE_WINDOW_DAYS } from '../../shared/domain/policies';
import { SongCatalogue, SONG_COUNT } from '../../electron/emulator/songs';
import { clientFor, rawGet, TEST_SEED, useEmulator } from '../support/emulator';

describe('emulated songs', () => {
  it('resolve their own uuids and nothing else', () => {
    const songs = new SongCatalogue(TEST_SEED);
    for (const index of [0, 1, 4242, SONG_COUNT - 1]) {
      const uuid = songs.uuidOf(index);
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(songs.indexOf(uuid)).toBe(index);
    }
    expect(songs.indexOf('7d534228-5165-11e9-9375-549f35161576')).toBeNull();
    expect(new SongCatalogue(TEST_SEED + 1).indexOf(songs.uuidOf(5))).toBeNull();
  });

  it('have stable metadata per seed', () => {
    const offsets = { olderThanDays: null, today: dayOf('2025-08-23') };
    const a = new SongCatalogue(3).metadata(10, 'v2.25', offsets);
    expect(new SongCatalogue(3).metadata(10, 'v2.25', offsets)).toEqual(a);
    expect(a).toMatchObject({
      releaseDate: expect.stringMatching(/T00:00:00\+00:00$/),
      isrc: { value: expect.any(String) },
    });
  });
});

describe('emulated audience', () => {
  const songs = new SongCatalogue(TEST_SEED);
  const audience = new Audience(TEST_SEED, songs);
  const song = 2_000;
  const release = songs.releaseDayOf(song);

  it('is cumulative, starts at the release, newest first, on every audience platform', () => {
    for (const platform of Object.keys(AUDIENCE_PLATFORMS)) {
      const items = audience.series(song, platform, release - 10, release + 60);
      expect(items).toHaveLength(61);
      expect(items.at(-1)?.day).toBe(release);
      for (let i = 1; i < items.length; i += 1) {
        expect(items[i]!.day).toBe(items[i - 1]!.day - 1);
        expect(items[i]!.plots[0]!.value).toBeLessThanOrEqual(items[i - 1]!.plots[0]!.value);
      }
    }
  });

  it('gives the same value for a day whichever window asks for it', () => {
    const wide = audience.series(song, 'spotify', release, release + 200);
    const narrow = audience.series(song, 'spotify', release + 150, release + 160);
    const byDay = new Map(wide.map((item) => [item.day, item.plots]));
    for (const item of narrow) expect(item.plots).toEqual(byDay.get(item.day));
  });

  describe('over HTTP', () => {
    const emulator = useEmulator();

    it('answers at most 90 days, validates dates and platforms, 404s unknown songs', async () => {
      const uuid = songs.uuidOf(40_000);
      const base = `/api/v2/song/${uuid}/audience/spotify`;
      const ok = await rawGet(emulator.current, `${base}?startDate=2025-05-26&endDate=2025-08-23`);
      expect(ok.status).toBe(200);
      expect((ok.json().items as unknown[]).length).toBe(90);
      expect((await rawGet(emulator.current, `${base}?startDate=2025-01-01&endDate=2025-08-23`)).status).toBe(
        400,
      );
      expect((await rawGet(emulator.current, `${base}?startDate=2025-13-01`)).status).toBe(400);
      expect((await rawGet(emulator.current, `/api/v2/song/${uuid}/audience/myspace`)).status).toBe(400);
      expect((await rawGet(emulator.current, '/api/v2/song/0-0-0-0-0/audience/spotify')).status).toBe(404);
    });

    it('refuses anything longer than 90 days, both ends counted: 2025-05-26..08-23 passes, 05-25..08-23 does not', async () => {
      const base = `/api/v2/song/${songs.uuidOf(40_000)}/audience/spotify`;
      const ninety = await rawGet(emulator.current, `${base}?startDate=2025-05-26&endDate=2025-08-23`);
      expect(ninety.status).toBe(200);
      const ninetyOne = await rawGet(emulator.current, `${base}?startDate=2025-05-25&endDate=2025-08-23`);
      expect(ninetyOne.status).toBe(400);
      expect(ninetyOne.json()).toEqual({
        errors: [{ key: 'date', code: 400, message: 'The period must not exceed 90 days.' }],
      });
      // Without a startDate, the longest window the server allows.
      const latest = await rawGet(emulator.current, `${base}?endDate=2025-08-23`);
      expect((latest.json().items as unknown[]).length).toBe(MAX_AUDIENCE_DAYS);
    });

    it('the client’s audience windows fit the emulated server’s limit', () => {
      expect(MAX_AUDIENCE_DAYS).toBe(90);
      expect(AUDIENCE_WINDOW_DAYS).toBeLessThanOrEqual(MAX_AUDIENCE_DAYS);
    });

    it('through the client: a year of audience is 5 windows merged into one series', async () => {
      const client = clientFor(emulator.current);
      const series = await client.songAudience(songs.uuidOf(30_000), 'youtube', {
        startDate: '2024-08-24',
        endDate: '2025-08-23',
      });
      const identifiers = new Set(series.points.map((point) => point.identifier));
      expect(series.points.length).toBe(365 * identifiers.size);
    });
  });
});
