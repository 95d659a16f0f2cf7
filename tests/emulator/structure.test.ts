import { beforeAll, describe, expect, it } from 'vitest';
import { audienceResponseSchema } from '../../electron/engine/soundcharts/schemas/audience';
import { availableRankingsResponseSchema } from '../../electron/engine/soundcharts/schemas/available-rankings';
import {
  chartsResponseSchema,
  platformsResponseSchema,
} from '../../electron/engine/soundcharts/schemas/platforms';
import { rankingResponseSchema } from '../../electron/engine/soundcharts/schemas/ranking';
import { songResponseSchema } from '../../electron/engine/soundcharts/schemas/song';
import { usageResponseSchema } from '../../electron/engine/soundcharts/schemas/usage';
import { normalizeSong } from '../../electron/engine/soundcharts/normalize/song';
import { rawGet, useEmulator } from '../support/emulator';
import { fixtureSuite, fixturesMissing, readFixture } from '../support/fixtures';
import { structuralDifferences } from '../support/structure';

const emulator = useEmulator();
let songUuid = '';

beforeAll(async () => {
  const ranking = (await rawGet(emulator.current, '/api/v2.14/chart/song/global-28/ranking/latest')).json();
  songUuid = (ranking.items as { song: { uuid: string } }[])[0]!.song.uuid;
});

describe.skipIf(fixturesMissing)(
  fixtureSuite('emulator responses have the structure of the real ones'),
  () => {
    it('ranking page (v2.14)', async () => {
      const body = (await rawGet(emulator.current, '/api/v2.14/chart/song/global-28/ranking/latest')).json();
      expect(structuralDifferences(readFixture('ranking'), body)).toEqual([]);
    });

    it('song metadata (v2.25)', async () => {
      const body = (await rawGet(emulator.current, `/api/v2.25/song/${songUuid}`)).json();
      expect(structuralDifferences(readFixture('metadata'), body)).toEqual([]);
    });

    it('song audience (the capture lost its page and errors, which every collection carries)', async () => {
      const body = (await rawGet(emulator.current, `/api/v2/song/${songUuid}/audience/spotify`)).json();
      expect(structuralDifferences(readFixture('audience'), body, { extraKeys: ['page', 'errors'] })).toEqual(
        [],
      );
    });

    it('chart platforms', async () => {
      const body = (await rawGet(emulator.current, '/api/v2/chart/song/platforms')).json();
      expect(structuralDifferences(readFixture('platforms'), body)).toEqual([]);
      expect(body.items).toEqual(readFixture('platforms').items);
    });
  },
);

describe('emulator responses pass the client schemas', () => {
  const cases: [
    string,
    () => string,
    { safeParse(value: unknown): { success: boolean; error?: unknown } },
  ][] = [
    ['platforms', () => '/api/v2/chart/song/platforms', platformsResponseSchema],
    ['charts of a platform', () => '/api/v2/chart/song/by-platform/youtube', chartsResponseSchema],
    [
      'available rankings',
      () => '/api/v2/chart/song/global-28/available-rankings',
      availableRankingsResponseSchema,
    ],
    [
      'latest ranking',
      () => '/api/v2.14/chart/song/global-28/ranking/latest?offset=100',
      rankingResponseSchema,
    ],
    ['song metadata', () => `/api/v2.25/song/${songUuid}`, songResponseSchema],
    ['song metadata, old v2 shape', () => `/api/v2/song/${songUuid}`, songResponseSchema],
    ['audience', () => `/api/v2/song/${songUuid}/audience/youtube`, audienceResponseSchema],
    ['team usage', () => '/api/v2/team/usage', usageResponseSchema],
  ];

  it.each(cases)('%s', async (_name, path, schema) => {
    const response = await rawGet(emulator.current, path());
    expect(response.status).toBe(200);
    const parsed = schema.safeParse(response.json());
    expect(parsed.error).toBeUndefined();
  });

  it('ranking pages of charts without a metric, weekly and monthly charts pass too', async () => {
    const charts = (await rawGet(emulator.current, '/api/v2/chart/song/by-platform/apple-music')).json();
    for (const chart of charts.items as { slug: string }[]) {
      const body = (
        await rawGet(emulator.current, `/api/v2.14/chart/song/${chart.slug}/ranking/latest`)
      ).json();
      expect(rankingResponseSchema.safeParse(body).error).toBeUndefined();
    }
  });

  it('serves the old metadata shape on v2 (isrc a string, one label) and the client reads both alike', async () => {
    const old = songResponseSchema.parse((await rawGet(emulator.current, `/api/v2/song/${songUuid}`)).json());
    const current = songResponseSchema.parse(
      (await rawGet(emulator.current, `/api/v2.25/song/${songUuid}`)).json(),
    );
    expect(typeof old.object.isrc).toBe('string');
    expect(old.object.labels).toBeUndefined();
    expect(typeof old.object.label).toBe('string');
    const a = normalizeSong(old.object);
    const b = normalizeSong(current.object);
    expect(a.isrc).toBe(b.isrc);
    expect(a.labels.map((label) => label.name)).toEqual(b.labels.map((label) => label.name));
  });
});
