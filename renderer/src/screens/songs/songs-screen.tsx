import { useCallback, useEffect, useRef, useState } from 'react';
import type { SongListItem } from '../../../../shared/views/song';
import { FilterSelect } from '../../components/filter-select';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { VirtualTable, type RowContext } from '../../components/virtual-table';
import { TimeText } from '../../components/time-text';
import { formatCount, formatCountOf } from '../../format/numbers';
import { formatCalendarDate } from '../../format/time';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { call, useEvent } from '../../transport/api';
import { pageRangeLabel } from '../executions/execution-filter';
import {
  DEFAULT_SONGS_FILTER,
  parseSongsFilter,
  SONG_SORT_LABEL,
  songsFilterParams,
  songsListInput,
  type SongsFilter,
} from './songs-filter';
import '../../components/list-screen.css';
import '../executions/executions.css';
import './songs.css';
import { openExportDialog } from '../exports/export-dialog-store';

/** Typing settles this long before the search is applied (and written to the URL). */
const SEARCH_DEBOUNCE_MS = 300;
const ROW_HEIGHT = 52;
const COLUMN_COUNT = 6;
const SORT_OPTIONS = (Object.keys(SONG_SORT_LABEL) as (keyof typeof SONG_SORT_LABEL)[])
  .filter((sort) => sort !== DEFAULT_SONGS_FILTER.sort)
  .map((sort) => ({ value: sort, label: SONG_SORT_LABEL[sort] }));

const songHref = (song: SongListItem) => hrefOf({ screen: 'song', uuid: song.uuid });

/** Every stored song: searched by title, artist or ISRC, sorted, paged; each opens its song page. */
export function SongsScreen({ filter: params }: { filter: Record<string, string> }) {
  const filter = parseSongsFilter(params);
  const apply = (next: SongsFilter) => navigate(hrefOf({ screen: 'songs', filter: songsFilterParams(next) }));
  const page = useCallResult(
    () => call('songs/list', songsListInput(filter)),
    [filter.search, filter.sort, filter.offset],
  );
  const refetch = useDebouncedCallback(page.refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('rankings/stored', refetch);
  useEvent('song/metadata-updated', refetch);
  useEvent('app/external-change', refetch);

  // The box follows what is typed at once; the URL (and the call) once typing settles.
  const [typed, setTyped] = useState(filter.search);
  const latestFilter = useRef(filter);
  latestFilter.current = filter;
  const typedRef = useRef(typed);
  typedRef.current = typed;
  const applySearch = useDebouncedCallback(() => {
    if (typedRef.current !== latestFilter.current.search) {
      apply({ ...latestFilter.current, search: typedRef.current, offset: 0 });
    }
  }, SEARCH_DEBOUNCE_MS);
  // Back / forward (or a link) changed the URL's search: the box shows it.
  useEffect(() => setTyped(filter.search), [filter.search]);

  const renderCells = useCallback(
    (song: SongListItem, { active }: RowContext) => <SongCells song={song} active={active} />,
    [],
  );
  const value = page.data.state === 'ready' ? page.data.value : null;
  const filtered = filter.search.trim() !== '';

  return (
    <section className="list-screen songs-screen" aria-labelledby="songs-title" aria-busy={page.pending}>
      <header className="screen-header">
        <h2 id="songs-title">Songs</h2>
        {value && (
          <span className="muted" role="status">
            {formatCountOf(value.total, filtered ? 'matching song' : 'song')}
          </span>
        )}
        {page.pending && <span className="refreshing">Updating…</span>}
        <span className="screen-header-actions">
          <button type="button" onClick={() => openExportDialog({ dataset: 'songs' })}>
            Export songs…
          </button>
        </span>
      </header>
      <div className="toolbar" role="search" aria-label="Find songs">
        <input
          type="search"
          aria-label="Search songs"
          placeholder="Title, artist or ISRC"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            applySearch();
          }}
          data-search
        />
        <FilterSelect
          label="Sort by"
          value={filter.sort === DEFAULT_SONGS_FILTER.sort ? null : filter.sort}
          all={`Sort: ${SONG_SORT_LABEL[DEFAULT_SONGS_FILTER.sort]}`}
          options={SORT_OPTIONS.map((o) => ({ ...o, label: `Sort: ${o.label}` }))}
          onChange={(sort) => apply({ ...filter, sort: sort ?? DEFAULT_SONGS_FILTER.sort, offset: 0 })}
        />
      </div>
      {page.refreshError && (
        <RefreshError what="the songs" error={page.refreshError} onRetry={page.refresh} />
      )}
      {page.data.state === 'loading' && <Loading what="songs" />}
      {page.data.state === 'error' && <ErrorState error={page.data.error} onRetry={page.reload} />}
      {value && value.items.length === 0 && (
        <EmptyState title={filtered ? 'No song matches' : 'No songs stored yet'}>
          {filtered ? (
            <button type="button" onClick={() => apply(DEFAULT_SONGS_FILTER)}>
              Clear the search
            </button>
          ) : (
            <p>
              Songs are stored with the rankings they appear in: add a chart to the{' '}
              <a href={hrefOf({ screen: 'charts' })}>sync schedule</a> and sync it.
            </p>
          )}
        </EmptyState>
      )}
      {value && value.items.length > 0 && (
        <>
          <VirtualTable
            label="Songs"
            className="songs-table"
            rows={value.items}
            rowKey={rowKeyOf(value.items)}
            rowHeight={ROW_HEIGHT}
            columnCount={COLUMN_COUNT}
            columns={
              <>
                <col className="col-song" />
                <col className="col-isrc" />
                <col className="col-peak" />
                <col className="col-charts" />
                <col className="col-last-seen" />
                <col className="col-metadata" />
              </>
            }
            head={
              <>
                <th scope="col">Song</th>
                <th scope="col">ISRC</th>
                <th scope="col" className="num">
                  Best peak
                </th>
                <th scope="col" className="num">
                  Charts
                </th>
                <th scope="col">Last seen</th>
                <th scope="col">Metadata</th>
              </>
            }
            renderCells={renderCells}
            onOpen={(song) => navigate(songHref(song))}
          />
          <nav className="pager" aria-label="Pages">
            <button
              type="button"
              disabled={filter.offset === 0}
              onClick={() => apply({ ...filter, offset: Math.max(0, filter.offset - value.limit) })}
            >
              Previous
            </button>
            <span className="pager-status" aria-live="polite">
              {pageRangeLabel(filter.offset, value.items.length, value.total)}
            </span>
            <button
              type="button"
              disabled={filter.offset + value.items.length >= value.total}
              onClick={() => apply({ ...filter, offset: filter.offset + value.items.length })}
            >
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

/** Rows are keyed by their index in the page (uuids are strings; the table's keys are numbers). */
function rowKeyOf(items: readonly SongListItem[]): (song: SongListItem) => number {
  const index = new Map(items.map((song, i) => [song.uuid, i]));
  return (song) => index.get(song.uuid) ?? -1;
}

function SongCells({ song, active }: { song: SongListItem; active: boolean }) {
  return (
    <>
      <td title={`${song.name}\n${song.creditName}`}>
        <a href={songHref(song)} tabIndex={active ? 0 : -1} className="song-name">
          {song.name}
        </a>
        <span className="cell-sub">{song.creditName}</span>
      </td>
      <td>{song.isrc ? <code>{song.isrc}</code> : <span className="muted">—</span>}</td>
      <td className="num">{song.bestPeak ?? '—'}</td>
      <td className="num">{formatCount(song.chartsCount)}</td>
      <td>{song.lastSeen ? formatCalendarDate(song.lastSeen) : <span className="muted">—</span>}</td>
      <td>
        <TimeText at={song.metadataFetchedAt} never="Not fetched" />
      </td>
    </>
  );
}
