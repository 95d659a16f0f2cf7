import { describe, expect, it } from 'vitest';
import { schemaError } from '../../../electron/engine/soundcharts/classify';
import { MalformedResponseError } from '../../../electron/engine/soundcharts/errors';
import {
  audiencePointsOf,
  mergeAudiencePoints,
} from '../../../electron/engine/soundcharts/normalize/audience';
import { mergeRankingPages } from '../../../electron/engine/soundcharts/normalize/ranking';
import { normalizeSong } from '../../../electron/engine/soundcharts/normalize/song';
import { audienceResponseSchema } from '../../../electron/engine/soundcharts/schemas/audience';
import { platformsResponseSchema } from '../../../electron/engine/soundcharts/schemas/platforms';
import { rankingResponseSchema } from '../../../electron/engine/soundcharts/schemas/ranking';
import { songResponseSchema } from '../../../electron/engine/soundcharts/schemas/song';
import { fixtureSuite, fixturesMissing, readFixture } from '../../support/fixtures';

const REMOVE = Symbol('remove');

/** Deep copy of a fixture with fields set (or removed) at dotted paths such as `items.3.song.uuid`. */
function edited(name: Parameters<typeof readFixture>[0], changes: Record<string, unknown>): unknown {
  const body = structuredClone(readFixture(name));
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let target = body as Record<string, unknown>;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    if (value === REMOVE) delete target[last];
    else target[last] = value;
  }
  return body;
}

function fieldPathOf(
  schema: { safeParse(value: unknown): { success: boolean; error?: unknown } },
  body: unknown,
) {
  const parsed = schema.safeParse(body);
  expect(parsed.success).toBe(false);
  return schemaError(parsed.error as never, '/test').fieldPath;
}

describe.skipIf(fixturesMissing)(fixtureSuite('client schemas on the real fixtures'), () => {
  it('parses the ranking page and normalizes its 100 entries', () => {
    const page = rankingResponseSchema.parse(readFixture('ranking'));
    expect(page.items).toHaveLength(100);
    expect(page.page).toMatchObject({ offset: 0, limit: 100, total: 200 });
    expect(page.page.next).toBe('/api/v2.14/chart/song/global-28/ranking/latest?offset=100&limit=100');
    // One page of two: merging it alone must be refused, since it does not cover page.total.
    expect(() => mergeRankingPages([page], '/latest')).toThrow(/100 entries but page.total is 200/);
    const whole = mergeRankingPages([{ ...page, page: { ...page.page, total: 100, next: null } }], '/latest');
    expect(whole).toMatchObject({
      datetime: '2025-08-23T12:00:00+00:00',
      date: '2025-08-23',
      instant: Date.UTC(2025, 7, 23, 12),
      total: 100,
      pages: 1,
      chart: {
        slug: 'global-28',
        name: 'Top Songs',
        platform: 'spotify',
        frequency: 'daily',
        countryCode: '',
        countryName: 'Worldwide',
        maxResultsCount: 200,
        metric: { type: 'streamcount', description: 'Streams' },
      },
    });
    expect(whole.entries[0]).toEqual({
      song: {
        uuid: '8a927b4b-ac0d-4ca4-83db-43aedbe6a1d2',
        name: 'Golden',
        creditName: 'HUNTR/X & EJAE & AUDREY NUNA & REI AMI & KPop Demon Hunters Cast',
        imageUrl: 'https://assets.soundcharts.com/song/d/0/c/8a927b4b-ac0d-4ca4-83db-43aedbe6a1d2.jpg',
      },
      position: 1,
      oldPosition: 1,
      positionEvolution: 0,
      metric: 8287561,
      entryState: '',
      entryDate: '2025-06-22T12:00:00+00:00',
      rankDate: '2025-08-23T12:00:00+00:00',
      timeOnChart: 55,
      timeOnChartUnit: 'DOC',
    });
    const newEntry = whole.entries.find((entry) => entry.oldPosition === 0);
    expect(newEntry?.positionEvolution).toBe(0);
  });

  it('parses song metadata v2.25 and normalizes it', () => {
    const song = normalizeSong(songResponseSchema.parse(readFixture('metadata')).object);
    expect(song).toMatchObject({
      uuid: '7d534228-5165-11e9-9375-549f35161576',
      name: 'bad guy',
      isrc: 'USUM71900764',
      isrcCountryCode: 'US',
      creditName: 'Billie Eilish',
      releaseDate: '2019-03-29T00:00:00+00:00',
      releaseDay: '2019-03-29',
      durationSeconds: 194,
      explicit: false,
      composers: ["Finneas O'Connell", "Billie Eilish O'Connell"],
      producers: ["Finneas O'Connell"],
      labels: [
        { name: 'Interscope', type: 'Universal' },
        { name: 'Darkroom', type: 'Universal' },
      ],
      languageCode: null,
      distributor: 'Universal',
    });
    expect(song.artists).toEqual([
      expect.objectContaining({ uuid: '11e81bcc-9c1c-ce38-b96b-a0369fe50396', slug: 'billie-eilish' }),
    ]);
    expect(song.genres).toContainEqual({ root: 'electronic', sub: ['electronic'] });
    expect(song.audio?.tempo).toBe(135.13);
  });

  it('parses the audience series (cumulative, newest first) into sorted points', () => {
    const response = audienceResponseSchema.parse(readFixture('audience'));
    const points = mergeAudiencePoints([audiencePointsOf(response)]);
    expect(points).toHaveLength(38);
    expect(points[0]).toEqual({
      date: '2025-07-22',
      datetime: '2025-07-22T00:00:00+00:00',
      value: 2763701395,
      identifier: '2Fxmhks0bxGSBdJ92vM42m',
    });
    expect(points.at(-1)?.date).toBe('2025-08-28');
    for (let i = 1; i < points.length; i += 1) {
      expect(points[i]!.value).toBeGreaterThanOrEqual(points[i - 1]!.value);
    }
  });

  it('parses the 21 chart platforms', () => {
    const response = platformsResponseSchema.parse(readFixture('platforms'));
    expect(response.items.map((item) => item.code)).toEqual(
      expect.arrayContaining(['spotify', 'apple-music', 'line-music', 'qq-music', 'itunes']),
    );
    expect(response.items).toHaveLength(21);
  });

  it('tolerates fields it does not know', () => {
    const body = edited('ranking', {
      brandNew: { nested: true },
      'items.0.song.isrc': 'XX0000000000',
      'related.chart.genre': 'pop',
    });
    expect(rankingResponseSchema.safeParse(body).success).toBe(true);
  });

  it('names the missing required field in a typed error', () => {
    expect(fieldPathOf(rankingResponseSchema, edited('ranking', { 'items.3.song.uuid': REMOVE }))).toBe(
      'items.3.song.uuid',
    );
    expect(fieldPathOf(rankingResponseSchema, edited('ranking', { 'page.total': REMOVE }))).toBe(
      'page.total',
    );
    expect(fieldPathOf(rankingResponseSchema, edited('ranking', { 'related.chart.slug': REMOVE }))).toBe(
      'related.chart.slug',
    );
    expect(fieldPathOf(songResponseSchema, edited('metadata', { 'object.uuid': REMOVE }))).toBe(
      'object.uuid',
    );
    const parsed = rankingResponseSchema.safeParse(edited('ranking', { 'items.0.position': REMOVE }));
    const error = schemaError(parsed.error!, '/api/v2.14/chart/song/global-28/ranking/latest');
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.code).toBe('malformed_response');
    expect(error.message).toContain('items.0.position');
    expect(error.path).toBe('/api/v2.14/chart/song/global-28/ranking/latest');
  });

  it('refuses datetimes without an offset rather than assume UTC', () => {
    const body = edited('ranking', { 'related.date': '2025-08-23T12:00:00' });
    expect(fieldPathOf(rankingResponseSchema, body)).toBe('related.date');
  });

  it('reads datetimes in their own offset', () => {
    const body = rankingResponseSchema.parse(
      edited('ranking', {
        'related.date': '2019-06-01T00:00:00+02:00',
        'page.total': 100,
        'page.next': null,
      }),
    );
    const snapshot = mergeRankingPages([body], '/x');
    expect(snapshot.date).toBe('2019-06-01');
    expect(new Date(snapshot.instant).toISOString()).toBe('2019-05-31T22:00:00.000Z');
  });
});

describe('older song metadata shapes', () => {
  it('reads isrc as a string and a single label', () => {
    const song = normalizeSong(
      songResponseSchema.parse({
        type: 'song',
        object: {
          uuid: 'u-1',
          name: 'Old',
          isrc: 'FR1234500001',
          label: 'Old Label',
          genres: ['pop'],
          releaseDate: '2012-03-01T00:00:00+01:00',
          audio: { tempo: 120, key: null, note: 'n/a' },
        },
        errors: [],
      }).object,
    );
    expect(song).toMatchObject({
      isrc: 'FR1234500001',
      isrcCountryCode: null,
      labels: [{ name: 'Old Label', type: null }],
      genres: [{ root: 'pop', sub: [] }],
      releaseDay: '2012-03-01',
      audio: { tempo: 120 },
      artists: [],
      creditName: '',
    });
  });

  it('keeps an absent isrc and empty strings as null', () => {
    const song = normalizeSong(
      songResponseSchema.parse({ object: { uuid: 'u-2', name: 'Bare', isrc: null, copyright: '' } }).object,
    );
    expect(song).toMatchObject({ isrc: null, copyright: null, labels: [], releaseDate: null, audio: null });
  });
});

describe.skipIf(fixturesMissing)(fixtureSuite('"" and bare dates in the real fixtures'), () => {
  const songOf = (changes: Record<string, unknown>) =>
    normalizeSong(songResponseSchema.parse(edited('metadata', changes)).object);
  const firstEntryOf = (changes: Record<string, unknown>) => {
    const page = rankingResponseSchema.parse(
      edited('ranking', { 'page.total': 100, 'page.next': null, ...changes }),
    );
    return mergeRankingPages([page], '/latest').entries[0]!;
  };

  it('releaseDate "" is no release date, not a malformed response', () => {
    expect(songOf({ 'object.releaseDate': '' })).toMatchObject({ releaseDate: null, releaseDay: null });
  });

  it('a bare YYYY-MM-DD releaseDate is accepted, and its day is itself', () => {
    expect(songOf({ 'object.releaseDate': '2019-03-29' })).toMatchObject({
      releaseDate: '2019-03-29',
      releaseDay: '2019-03-29',
    });
    // An offset datetime is still read in its own offset.
    expect(songOf({ 'object.releaseDate': '2019-03-29T00:30:00+02:00' }).releaseDay).toBe('2019-03-29');
  });

  it('a releaseDate that is neither still names the field', () => {
    expect(fieldPathOf(songResponseSchema, edited('metadata', { 'object.releaseDate': '2019-02-30' }))).toBe(
      'object.releaseDate',
    );
    expect(fieldPathOf(songResponseSchema, edited('metadata', { 'object.releaseDate': 'soon' }))).toBe(
      'object.releaseDate',
    );
  });

  it('every other optional metadata field may be "" (read as null or empty), as the API documents', () => {
    const song = songOf({
      'object.languageCode': '', // as in the fixture
      'object.distributor': '',
      'object.copyright': '',
      'object.imageUrl': '',
      'object.appUrl': '',
      'object.isrc.countryCode': '',
      'object.isrc.countryName': '',
      'object.duration': '',
      'object.explicit': '',
      'object.audio': '',
      'object.composers': '',
      'object.producers': '',
      'object.genres': '',
      'object.artists.0.slug': '',
      'object.artists.0.imageUrl': '',
      'object.artists.0.appUrl': '',
      'object.labels.0.type': '',
    });
    expect(song).toMatchObject({
      uuid: '7d534228-5165-11e9-9375-549f35161576',
      isrc: 'USUM71900764',
      isrcCountryCode: null,
      languageCode: null,
      distributor: null,
      copyright: null,
      imageUrl: null,
      appUrl: null,
      durationSeconds: null,
      explicit: null,
      audio: null,
      composers: [],
      producers: [],
      genres: [],
      releaseDay: '2019-03-29',
    });
    expect(song.artists[0]).toMatchObject({
      slug: null,
      imageUrl: null,
      appUrl: null,
      name: 'Billie Eilish',
    });
    expect(song.labels[0]).toEqual({ name: 'Interscope', type: null });
    const bare = songOf({ 'object.isrc': '', 'object.artists': '', 'object.labels': '' });
    expect(bare).toMatchObject({ isrc: null, isrcCountryCode: null, artists: [], labels: [] });
  });

  it('entryDate "" or absent is null; the rest of the page is kept', () => {
    expect(firstEntryOf({ 'items.0.entryDate': '' })).toMatchObject({ position: 1, entryDate: null });
    expect(firstEntryOf({ 'items.0.entryDate': REMOVE }).entryDate).toBeNull();
    expect(firstEntryOf({}).entryDate).toBe('2025-06-22T12:00:00+00:00');
    // A value that is not a datetime is still refused, by name.
    expect(fieldPathOf(rankingResponseSchema, edited('ranking', { 'items.0.entryDate': '2025-06-22' }))).toBe(
      'items.0.entryDate',
    );
  });

  it('the other optional ranking fields may be "" too', () => {
    const entry = firstEntryOf({
      'items.0.song.imageUrl': '',
      'items.0.song.creditName': '',
      'items.0.metric': '',
      'items.0.entryState': '',
    });
    expect(entry).toMatchObject({
      song: { imageUrl: null, creditName: '' },
      metric: null,
      entryState: '',
    });
    const page = rankingResponseSchema.parse(
      edited('ranking', {
        'page.total': 100,
        'page.next': null,
        'related.chart.maxResultsCount': '',
        'related.chart.webUrl': '',
        'related.chart.metric': '',
        'related.chart.cityName': '',
      }),
    );
    expect(mergeRankingPages([page], '/latest').chart).toMatchObject({
      maxResultsCount: null,
      webUrl: null,
      metric: null,
      cityName: '',
      countryCode: '', // "" is worldwide, not "unknown": kept
    });
  });
});
