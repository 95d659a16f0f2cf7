import { useMemo, useState } from 'react';
import type { PlatformAudienceView, SongAudienceView } from '../../../../shared/views/song-audience';
import { runAction } from '../../actions/run-action';
import { Plot } from '../../components/plot/plot';
import { ErrorState, Loading, RefreshError } from '../../components/states';
import { TimeText } from '../../components/time-text';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { call, useEvent } from '../../transport/api';
import { audiencePlot, formatCompact, platformLabel, platformName } from './song-plot-data';

/**
 * The song's audience per platform. Reading it queues a background fetch of every platform that is missing or
 * older than 7 days; each platform says "refreshing…" until its data lands ('song/audience-updated'), then its
 * plot is redrawn. Refresh fetches every platform again now.
 */
export function SongAudience({ uuid }: { uuid: string }) {
  const { data, refreshError, reload, refresh } = useCallResult(
    () => call('songs/audience', { song: uuid }),
    [uuid],
  );
  const [forced, setForced] = useState<SongAudienceView | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const refetch = useDebouncedCallback(() => {
    setForced(null);
    refresh();
  }, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('song/audience-updated', (event) => {
    if (event.songUuid === uuid) refetch();
  });
  useEvent('queue/updated', () => {
    // A fetch that failed for good ends without an audience event: the read says so with lastError.
    if (view && view.refreshing.length > 0) refetch();
  });

  const forceRefresh = async () => {
    setRefreshing(true);
    const answer = await runAction(call('songs/audience', { song: uuid, refresh: true }), {
      success: (value) =>
        value.refreshing.length > 0
          ? `Fetching the audience on ${value.refreshing.map(platformName).join(', ')}`
          : 'Nothing to fetch',
      failure: 'Could not refresh the audience',
    });
    setRefreshing(false);
    if (answer) setForced(answer);
  };

  const view = forced ?? (data.state === 'ready' ? data.value : null);
  return (
    <section className="card song-audience" aria-labelledby="audience-heading">
      <div className="card-header">
        <h3 id="audience-heading">Audience</h3>
        {view && view.refreshing.length > 0 && (
          <span className="refreshing" role="status">
            Refreshing {view.refreshing.length} platform{view.refreshing.length === 1 ? '' : 's'}…
          </span>
        )}
        <button
          type="button"
          className="song-audience-refresh"
          onClick={() => void forceRefresh()}
          disabled={refreshing || view === null}
        >
          {refreshing ? 'Asking…' : 'Refresh'}
        </button>
      </div>
      {refreshError && <RefreshError what="the audience" error={refreshError} onRetry={refresh} />}
      {data.state === 'loading' && forced === null && <Loading what="the audience" />}
      {data.state === 'error' && forced === null && <ErrorState error={data.error} onRetry={reload} />}
      {view && (
        <>
          <p className="muted">
            Cumulative totals as each platform counts them; refreshed when older than 7 days.
          </p>
          <ul className="audience-grid" aria-label="Audience per platform">
            {view.platforms.map((platform) => (
              <PlatformAudience
                key={platform.platform}
                platform={platform}
                refreshing={view.refreshing.includes(platform.platform)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PlatformAudience({ platform, refreshing }: { platform: PlatformAudienceView; refreshing: boolean }) {
  const plot = useMemo(() => audiencePlot(platform), [platform]);
  const latest = platform.points.at(-1);
  return (
    <li className="audience-platform" data-platform={platform.platform} aria-busy={refreshing}>
      <div className="audience-platform-head">
        <strong>{platformName(platform.platform)}</strong>
        {latest && <span className="audience-latest">{formatCompact(latest.value)}</span>}
        <span className="muted audience-status" data-testid={`audience-status-${platform.platform}`}>
          {refreshing ? (
            <span className="refreshing">refreshing…</span>
          ) : platform.fetchedAt === null ? (
            'never fetched'
          ) : (
            <>
              fetched <TimeText at={platform.fetchedAt} />
            </>
          )}
        </span>
      </div>
      {platform.lastError && (
        <p className="field-error" role="alert">
          Last fetch failed: {platform.lastError}
        </p>
      )}
      <Plot
        title={`${platformLabel(platform.platform)} over time`}
        x={plot.x}
        series={plot.series}
        formatY={formatCompact}
        days
        height={160}
        emptyText={refreshing ? 'Fetching from Soundcharts…' : 'No audience stored for this platform.'}
      />
    </li>
  );
}
