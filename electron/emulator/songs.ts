import { dayOf, stamp, type OffsetPolicy } from './dates';
import { hashOf, hex, intBetween, pick, randomFor, type Random } from './random';

/**
 * A universe of songs, each a pure function of (seed, index): songs are released at a steady pace, so a chart
 * can pick newcomers among recent releases. A song's uuid encodes its index (masked by the seed) so that any
 * uuid can be resolved without a table, and a uuid the emulator never issued resolves to nothing.
 */

export const SONG_COUNT = 100_000;
export const SONGS_PER_RELEASE_DAY = 20;
export const RELEASE_EPOCH_DAY = dayOf('2019-01-01');
const ARTIST_COUNT = 12_000;
const FEATURE_PROBABILITY = 0.25;
const INDEX_BITS_MASK = 0xfffff;
const IMAGE_BASE = 'https://assets.emulator.invalid';
const APP_BASE = 'https://app.emulator.invalid/app';

/** Word lists for names. */
const WORDS_A = words(`
  Midnight Golden Electric Broken Silver Wild Neon Lonely Sweet Dancing Burning Velvet Paper Crystal
  Summer Quiet Crazy Secret Falling Endless Bitter Cosmic
`);
const WORDS_B = words(`
  Heart City Dreams Lights Rain Fire Sky Love Night Road Ocean Eyes Waves Stars Shadows Tears Echoes
  Games Roses Thunder Paradise Gravity
`);
const FIRST_NAMES = words(`
  Alex Mia Leo Zoe Kai Luna Noah Ivy Eli Nina Omar Sara Theo Yara Jude Ava Ravi Lena Milo Aria
`);
const LAST_NAMES = words(`
  Rivers Stone Vega Hart Moreau Kim Silva Novak Reyes Okafor Berg Sato Blake Costa Ward Ito Diaz Lind
  Fox Grey
`);
const STAGE_NAMES = 'KAYO, Saint Mira, DJ Nox, Los Vientos, The Hollows, YUNA, MC Brisa, Velour'.split(', ');
const GENRES: readonly (readonly [string, readonly string[]])[] = [
  ['pop', ['pop', 'dance pop', 'k-pop']],
  ['hip-hop', ['rap', 'trap']],
  ['electronic', ['house', 'techno', 'electronic']],
  ['latin', ['reggaeton', 'latin pop']],
  ['rock', ['alternative', 'indie rock']],
  ['r&b', ['r&b', 'soul']],
  ['country', ['country']],
];
const DISTRIBUTORS = ['Universal', 'Sony', 'Warner', 'Independent'] as const;
const LABEL_NAMES = ['Northside', 'Bluewave', 'Atlas', 'Moonrise', 'Harbor', 'Pulse', 'Kite', 'Ember'];
const ISRC_COUNTRIES: readonly (readonly [string, string])[] = [
  ['US', 'United States'],
  ['GB', 'United Kingdom'],
  ['FR', 'France'],
  ['DE', 'Germany'],
  ['KR', 'South Korea'],
  ['BR', 'Brazil'],
];

export type LightSong = { uuid: string; name: string; creditName: string; imageUrl: string };

export type Artist = { uuid: string; slug: string; name: string; appUrl: string; imageUrl: string };

export type MetadataVersion = 'v2.25' | 'v2';

export class SongCatalogue {
  private readonly mask: number;
  private readonly light = new Map<number, LightSong>();

  constructor(private readonly seed: number) {
    this.mask = hashOf(seed, 'song-index-mask') & INDEX_BITS_MASK;
  }

  uuidOf(index: number): string {
    return uuidFor(this.seed, 'song', index, this.mask);
  }

  /** The index of a song uuid, or null when it is not one of ours. */
  indexOf(uuid: string): number | null {
    const tail = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{7}([0-9a-f]{5})$/.exec(uuid);
    if (!tail) return null;
    const index = Number.parseInt(tail[1] as string, 16) ^ this.mask;
    return index < SONG_COUNT && this.uuidOf(index) === uuid ? index : null;
  }

  releaseDayOf(index: number): number {
    return RELEASE_EPOCH_DAY + Math.floor(index / SONGS_PER_RELEASE_DAY);
  }

  /** Songs released on [fromDay, toDay], as a range of indices clipped to the universe. */
  releasedBetween(fromDay: number, toDay: number): { first: number; last: number } {
    const first = Math.max(0, (fromDay - RELEASE_EPOCH_DAY) * SONGS_PER_RELEASE_DAY);
    const last = Math.min(SONG_COUNT - 1, (toDay - RELEASE_EPOCH_DAY + 1) * SONGS_PER_RELEASE_DAY - 1);
    return { first, last };
  }

  /** The song as a ranking entry shows it. */
  lightSong(index: number): LightSong {
    let song = this.light.get(index);
    if (!song) {
      const uuid = this.uuidOf(index);
      song = {
        uuid,
        name: this.nameOf(index),
        creditName: this.artistsOf(index)
          .map((artist) => artist.name)
          .join(' & '),
        imageUrl: imageUrlOf('song', uuid),
      };
      this.light.set(index, song);
    }
    return song;
  }

  /** Popularity in [0, 1): drives audience sizes. */
  popularityOf(index: number): number {
    return hashOf(this.seed, 'song-popularity', index) / 4_294_967_296;
  }

  /** The body of GET /api/v2.25/song/{uuid}; `v2` is the older shape (isrc a string, one `label`). */
  metadata(index: number, version: MetadataVersion, offsets: OffsetPolicy): Record<string, unknown> {
    const random = randomFor(this.seed, 'song-metadata', index);
    const song = this.lightSong(index);
    const artists = this.artistsOf(index);
    const [isrcCountry, isrcCountryName] = pick(random, ISRC_COUNTRIES);
    const releaseDay = this.releaseDayOf(index);
    const year = new Date(releaseDay * 86_400_000).getUTCFullYear();
    const isrcValue = `${isrcCountry}${letters(random, 3)}${String(year % 100).padStart(2, '0')}${String(index % 100_000).padStart(5, '0')}`;
    const distributor = pick(random, DISTRIBUTORS);
    const labels = [{ name: pick(random, LABEL_NAMES), type: distributor }];
    const [root, subs] = pick(random, GENRES);
    const writers = artists.map((artist) => artist.name);
    const common = {
      uuid: song.uuid,
      name: song.name,
      creditName: song.creditName,
      artists,
      releaseDate: stamp(releaseDay, '00:00:00', offsets),
      copyright: `℗ ${year} ${labels[0]?.name ?? distributor} Records`,
      appUrl: `${APP_BASE}/song/${song.uuid}/overview`,
      imageUrl: song.imageUrl,
      duration: intBetween(random, 120, 300),
      explicit: random() < 0.3,
      genres: [{ root, sub: [pick(random, subs)] }],
      composers: [...writers, `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`],
      producers: [`${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`],
    };
    const audio = {
      acousticness: round2(random()),
      danceability: round2(random()),
      energy: round2(random()),
      instrumentalness: round2(random() * 0.3),
      key: intBetween(random, 0, 11),
      liveness: round2(random() * 0.4),
      loudness: round2(-3 - random() * 10),
      mode: intBetween(random, 0, 1),
      speechiness: round2(random() * 0.4),
      tempo: round2(70 + random() * 110),
      timeSignature: 4,
      valence: round2(random()),
    };
    if (version === 'v2') {
      return {
        ...common,
        isrc: isrcValue,
        label: labels[0]?.name ?? '',
        audio,
        languageCode: '',
        distributor,
      };
    }
    return {
      ...common,
      isrc: { value: isrcValue, countryCode: isrcCountry, countryName: isrcCountryName },
      labels,
      audio,
      languageCode: '',
      distributor,
    };
  }

  private nameOf(index: number): string {
    const random = randomFor(this.seed, 'song-name', index);
    return random() < 0.5 ? `${pick(random, WORDS_A)} ${pick(random, WORDS_B)}` : pick(random, WORDS_B);
  }

  private artistsOf(index: number): Artist[] {
    const random = randomFor(this.seed, 'song-artists', index);
    const main = Math.floor(random() * ARTIST_COUNT);
    const artists = [this.artist(main)];
    if (random() < FEATURE_PROBABILITY)
      artists.push(this.artist((main + 1 + Math.floor(random() * 500)) % ARTIST_COUNT));
    return artists;
  }

  private artist(index: number): Artist {
    const random = randomFor(this.seed, 'artist', index);
    const name =
      random() < 0.15
        ? pick(random, STAGE_NAMES)
        : `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    const uuid = uuidFor(this.seed, 'artist', index, 0);
    // Names repeat across 12 000 artists, as they do in real life; slugs must not.
    const slug = `${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}-${index.toString(36)}`;
    return {
      uuid,
      slug,
      name,
      appUrl: `${APP_BASE}/artist/${slug}/overview`,
      imageUrl: imageUrlOf('artist', uuid),
    };
  }
}

function uuidFor(seed: number, kind: string, index: number, mask: number): string {
  const a = hashOf(seed, kind, index, 'a');
  const b = hashOf(seed, kind, index, 'b');
  const c = hashOf(seed, kind, index, 'c');
  const variant = '89ab'[(c >>> 28) & 3] ?? '8';
  return `${hex(a, 8)}-${hex(b, 4)}-4${hex(b >>> 16, 3)}-${variant}${hex(c, 3)}-${hex(c >>> 4, 7)}${hex((index ^ mask) & INDEX_BITS_MASK, 5)}`;
}

function imageUrlOf(kind: string, uuid: string): string {
  return `${IMAGE_BASE}/${kind}/${uuid[0]}/${uuid[1]}/${uuid[2]}/${uuid}.jpg`;
}

function letters(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String.fromCharCode(65 + Math.floor(random() * 26));
  return text;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}
