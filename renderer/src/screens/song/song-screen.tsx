import type { ReactNode } from 'react';
import type { SongDetail } from '../../../../shared/views/song';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { hrefOf } from '../../routing/routes';
import { call, useEvent } from '../../transport/api';
import { SongAudience } from './song-audience';
import { SongCharts } from './song-charts';
import { SongMetadata } from './song-metadata';
import './song.css';

/**
 * One song: its metadata, every chart it appears on (a position plot and a table), and its audience per platform
 * (fetched in the background when stale, landing live). Live on new metadata and newly stored rankings.
 */
export function SongScreen({ uuid }: { uuid: string }) {
  const { data, refreshError, reload, refresh } = useCallResult(
    () => call('songs/get', { song: uuid }),
    [uuid],
  );
  const refetch = useDebouncedCallback(refresh, LIVE_REFETCH_DEBOUNCE_MS);
  const shown = data.state === 'ready' ? data.value : null;
  useEvent('song/metadata-updated', (event) => {
    if (event.songUuid === uuid || event.songUuid === shown?.song.uuid) refetch();
  });
  useEvent('rankings/stored', (event) => {
    // A stored period of a chart it is on may move its line; a chart it was never on may now list it.
    if (
      !shown ||
      shown.charts.some((chart) => chart.chartId === event.chartId) ||
      shown.charts.length === 0
    ) {
      refetch();
    }
  });
  useEvent('app/external-change', refetch);

  if (data.state === 'loading') return <Loading what="the song" />;
  if (data.state === 'error') {
    return data.error.code === 'not_found' ? (
      <EmptyState title="No such song">
        <p>{data.error.message}</p>
        <p>
          Songs are stored with the rankings they appear in. Find one on the{' '}
          <a href={hrefOf({ screen: 'songs', filter: {} })}>Songs</a> screen.
        </p>
      </EmptyState>
    ) : (
      <ErrorState error={data.error} onRetry={reload} />
    );
  }
  return (
    <Song
      detail={data.value}
      refreshError={refreshError && <RefreshError what="the song" error={refreshError} onRetry={refresh} />}
    />
  );
}

function Song({ detail, refreshError }: { detail: SongDetail; refreshError: ReactNode }) {
  const { song } = detail;
  return (
    <section className="song-screen" aria-labelledby="song-title">
      <header className="screen-header">
        <a href={hrefOf({ screen: 'songs', filter: {} })}>← Songs</a>
        <h2 id="song-title">{song.name}</h2>
        <span className="muted song-credit">{song.creditName}</span>
      </header>
      {refreshError}
      <SongMetadata detail={detail} />
      <SongCharts detail={detail} />
      <SongAudience uuid={song.uuid} />
    </section>
  );
}
