import { hashOf, randomFor, unitOf } from './random';
import type { SongCatalogue } from './songs';

/**
 * Cumulative audience series (streams, views, Shazams…) per song and platform. A series starts at the song's
 * release and grows every day by an amount that fades with the song's age; values are exact functions of
 * (seed, song, platform, day), so any window of any series is reproducible and windows agree where they meet.
 */

type AudienceProfile = {
  /** Daily growth of a very popular song shortly after release. */
  readonly dailyPeak: number;
  readonly identifier: (seed: number, song: number, slot: number) => string;
};

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const YOUTUBE_ALPHABET = `${BASE62}-_`;
/** Growth halves after this many days. */
const AGE_HALF_LIFE_DAYS = 180;
/** Some songs exist under two ids on a platform (a single and an album version, say). */
const SECOND_ID_PROBABILITY = 0.1;
const SECOND_ID_SHARE = 0.1;

function idOf(alphabet: string, length: number) {
  return (seed: number, song: number, slot: number): string => {
    const random = randomFor(seed, 'audience-id', alphabet.length, song, slot);
    let id = '';
    for (let i = 0; i < length; i += 1) id += alphabet[Math.floor(random() * alphabet.length)];
    return id;
  };
}

function numericId(digits: number) {
  return (seed: number, song: number, slot: number): string => {
    const random = randomFor(seed, 'audience-number', digits, song, slot);
    let id = String(1 + Math.floor(random() * 9));
    for (let i = 1; i < digits; i += 1) id += String(Math.floor(random() * 10));
    return id;
  };
}

export const AUDIENCE_PLATFORMS: Readonly<Record<string, AudienceProfile>> = {
  spotify: { dailyPeak: 2_000_000, identifier: idOf(BASE62, 22) },
  youtube: { dailyPeak: 1_500_000, identifier: idOf(YOUTUBE_ALPHABET, 11) },
  shazam: { dailyPeak: 40_000, identifier: numericId(10) },
  tiktok: { dailyPeak: 20_000, identifier: numericId(19) },
  soundcloud: { dailyPeak: 150_000, identifier: numericId(10) },
  deezer: { dailyPeak: 120_000, identifier: numericId(10) },
  anghami: { dailyPeak: 30_000, identifier: numericId(9) },
  boomplay: { dailyPeak: 25_000, identifier: numericId(9) },
  genius: { dailyPeak: 15_000, identifier: numericId(7) },
};

export type AudienceItem = { day: number; plots: { identifier: string; value: number }[] };

export class Audience {
  constructor(
    private readonly seed: number,
    private readonly songs: SongCatalogue,
  ) {}

  isPlatform(platform: string): boolean {
    return Object.hasOwn(AUDIENCE_PLATFORMS, platform);
  }

  /** Days [fromDay, toDay] that the song has existed for, newest first as the real API sends them. */
  series(song: number, platform: string, fromDay: number, toDay: number): AudienceItem[] {
    const profile = AUDIENCE_PLATFORMS[platform];
    if (!profile) return [];
    const release = this.songs.releaseDayOf(song);
    const first = Math.max(fromDay, release);
    if (toDay < first) return [];
    const slots = unitOf(this.seed, 'audience-slots', song, platform) < SECOND_ID_PROBABILITY ? 2 : 1;
    const popularity = this.songs.popularityOf(song);
    const columns: { identifier: string; values: number[] }[] = [];
    for (let slot = 0; slot < slots; slot += 1) {
      const rate = profile.dailyPeak * (0.01 + popularity ** 3) * (slot === 0 ? 1 : SECOND_ID_SHARE);
      const salt = hashOf(this.seed, 'audience-growth', song, platform, slot);
      const values: number[] = [];
      let total = 0;
      for (let day = release; day <= toDay; day += 1) {
        const age = day - release;
        const noise = 0.8 + 0.4 * unitOf(salt, day);
        total += (rate * noise) / (1 + age / AGE_HALF_LIFE_DAYS);
        if (day >= first) values.push(Math.floor(total));
      }
      columns.push({ identifier: profile.identifier(this.seed, song, slot), values });
    }
    const items: AudienceItem[] = [];
    for (let i = toDay - first; i >= 0; i -= 1) {
      items.push({
        day: first + i,
        plots: columns.map((column) => ({ identifier: column.identifier, value: column.values[i] ?? 0 })),
      });
    }
    return items;
  }
}
