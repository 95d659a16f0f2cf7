import type { CallInput } from '../../../../shared/contract/calls';
import { SONG_SORTS, type SongSort } from '../../../../shared/views/song';

/** The songs list as the URL holds it: `#/songs?q=…&sort=best_peak&offset=100`. */
export type SongsFilter = { search: string; sort: SongSort; offset: number };

export const SONGS_PAGE_SIZE = 100;
export const DEFAULT_SONGS_FILTER: SongsFilter = { search: '', sort: 'last_seen', offset: 0 };

export const SONG_SORT_LABEL: Record<SongSort, string> = {
  last_seen: 'Last seen',
  best_peak: 'Best peak',
  charts: 'Charts count',
  title: 'Title',
};

/** Reads the URL's parameters; anything unknown or malformed falls back to the default rather than failing. */
export function parseSongsFilter(params: Record<string, string>): SongsFilter {
  const sort = (SONG_SORTS as readonly string[]).includes(params.sort ?? '')
    ? (params.sort as SongSort)
    : DEFAULT_SONGS_FILTER.sort;
  const offset = /^\d{1,9}$/.test(params.offset ?? '') ? Number(params.offset) : 0;
  return { search: (params.q ?? '').slice(0, 200), sort, offset };
}

/** The URL's parameters for a filter, defaults left out so the plain list is `#/songs`. */
export function songsFilterParams(filter: SongsFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.search.trim() !== '') params.q = filter.search;
  if (filter.sort !== DEFAULT_SONGS_FILTER.sort) params.sort = filter.sort;
  if (filter.offset > 0) params.offset = String(filter.offset);
  return params;
}

export function songsListInput(filter: SongsFilter): CallInput<'songs/list'> {
  const search = filter.search.trim();
  return {
    ...(search !== '' ? { search } : {}),
    sort: filter.sort,
    limit: SONGS_PAGE_SIZE,
    offset: filter.offset,
  };
}
