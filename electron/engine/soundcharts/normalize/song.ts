import { calendarDateOf } from '../../../../shared/domain/periods';
import type { ApiSong } from '../schemas/song';
import type { SongGenre, SongLabel, SongMetadata } from '../types';

/** One shape for v2.25 and the older ones (isrc as a string, a single `label`, genres as plain strings). */
export function normalizeSong(song: ApiSong): SongMetadata {
  const isrc = song.isrc ?? null;
  const releaseDate = song.releaseDate ?? null;
  return {
    uuid: song.uuid,
    name: song.name,
    isrc: typeof isrc === 'string' ? nonEmpty(isrc) : nonEmpty(isrc?.value),
    isrcCountryCode: typeof isrc === 'string' || isrc === null ? null : nonEmpty(isrc.countryCode),
    creditName: song.creditName ?? '',
    artists: (song.artists ?? []).map((artist) => ({
      uuid: artist.uuid,
      slug: nonEmpty(artist.slug),
      name: artist.name,
      appUrl: nonEmpty(artist.appUrl),
      imageUrl: nonEmpty(artist.imageUrl),
    })),
    releaseDate,
    // A bare YYYY-MM-DD is its own day; a datetime's day is read in its own offset (the schema checked both).
    releaseDay: releaseDate === null ? null : calendarDateOf(releaseDate),
    copyright: nonEmpty(song.copyright),
    appUrl: nonEmpty(song.appUrl),
    imageUrl: nonEmpty(song.imageUrl),
    durationSeconds: song.duration ?? null,
    explicit: song.explicit ?? null,
    genres: (song.genres ?? []).map((genre): SongGenre =>
      typeof genre === 'string' ? { root: genre, sub: [] } : { root: genre.root, sub: genre.sub ?? [] },
    ),
    composers: song.composers ?? [],
    producers: song.producers ?? [],
    labels: labelsOf(song),
    audio: audioOf(song.audio),
    languageCode: nonEmpty(song.languageCode),
    distributor: nonEmpty(song.distributor),
  };
}

function labelsOf(song: ApiSong): SongLabel[] {
  if (song.labels && song.labels.length > 0) {
    return song.labels.map((label) =>
      typeof label === 'string'
        ? { name: label, type: null }
        : { name: label.name, type: nonEmpty(label.type) },
    );
  }
  const single = nonEmpty(song.label);
  return single === null ? [] : [{ name: single, type: null }];
}

function audioOf(audio: Record<string, unknown> | null | undefined): Record<string, number> | null {
  if (!audio) return null;
  const numeric = Object.entries(audio).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
  return numeric.length === 0 ? null : Object.fromEntries(numeric);
}

/** The API writes "" for "unknown" in some fields; the app stores null. */
function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}
