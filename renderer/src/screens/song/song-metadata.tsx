import type { ReactNode } from 'react';
import type { SongDetail } from '../../../../shared/views/song';
import { TimeText } from '../../components/time-text';
import { formatCalendarDate, formatDuration } from '../../format/time';
import { rankingHref } from '../../routing/routes';
import { safeExternalUrl } from './safe-url';

/** What Soundcharts says about the song, when it was fetched and whether a fresher copy is on its way. */
export function SongMetadata({ detail }: { detail: SongDetail }) {
  const { song, bestPeak } = detail;
  const image = safeExternalUrl(song.imageUrl);
  const page = safeExternalUrl(song.appUrl);
  const genres = song.genres.flatMap((g) => [g.root, ...g.sub]).filter(Boolean);
  return (
    <section className="card song-metadata" aria-labelledby="metadata-heading">
      {image && (
        <img
          className="song-image"
          src={image}
          alt=""
          width={96}
          height={96}
          loading="lazy"
          // A cover that does not load (offline, moved) leaves no broken-image icon behind.
          onError={(event) => {
            event.currentTarget.hidden = true;
          }}
        />
      )}
      <div className="song-facts">
        <div className="card-header">
          <h3 id="metadata-heading">Metadata</h3>
          <span className="muted" data-testid="metadata-freshness">
            {song.metadataFetchedAt === null ? (
              'Not fetched yet: only what the rankings carry is known.'
            ) : (
              <>
                Fetched <TimeText at={song.metadataFetchedAt} />
              </>
            )}
            {song.metadataQueued ? (
              <span className="badge data-badge-info">Fetch queued</span>
            ) : song.metadataStale && song.metadataFetchedAt !== null ? (
              <span
                className="badge data-badge-warn"
                title="Older than 30 days; the next sync queues a refresh."
              >
                Stale
              </span>
            ) : null}
          </span>
        </div>
        <dl className="facts song-facts-list">
          <dt>Best peak</dt>
          <dd data-testid="best-peak">
            {bestPeak === null ? (
              <span className="muted">In no stored ranking</span>
            ) : (
              <>
                <strong>#{bestPeak.position}</strong> on{' '}
                <a href={rankingHref(bestPeak.chartId, bestPeak.date)}>
                  {bestPeak.name}, {formatCalendarDate(bestPeak.date)}
                </a>
              </>
            )}
          </dd>
          <dt>Artists</dt>
          <dd>
            {song.artists.length === 0
              ? song.creditName
              : song.artists.map((artist, i) => {
                  const href = safeExternalUrl(artist.appUrl);
                  return (
                    <span key={artist.uuid ?? `${artist.name}-${i}`}>
                      {i > 0 && ', '}
                      {href ? <ExternalLink href={href}>{artist.name}</ExternalLink> : artist.name}
                    </span>
                  );
                })}
          </dd>
          <dt>ISRC</dt>
          <dd>
            {song.isrc ? <code>{song.isrc}</code> : <Unknown />}
            {song.isrcCountryCode && <span className="muted"> ({song.isrcCountryCode})</span>}
          </dd>
          <dt>Released</dt>
          <dd>{song.releaseDate ? formatCalendarDate(song.releaseDate.slice(0, 10)) : <Unknown />}</dd>
          <dt>Labels</dt>
          <dd>
            {song.labels.length === 0 ? (
              <Unknown />
            ) : (
              song.labels.map((l) => (l.type ? `${l.name} (${l.type})` : l.name)).join(', ')
            )}
          </dd>
          <dt>Genres</dt>
          <dd>{genres.length === 0 ? <Unknown /> : genres.join(', ')}</dd>
          {song.durationSeconds !== null && (
            <>
              <dt>Duration</dt>
              <dd>{formatDuration(song.durationSeconds * 1000)}</dd>
            </>
          )}
          {song.distributor && (
            <>
              <dt>Distributor</dt>
              <dd>{song.distributor}</dd>
            </>
          )}
          <dt>Links</dt>
          <dd>{page ? <ExternalLink href={page}>Soundcharts page</ExternalLink> : <Unknown />}</dd>
        </dl>
      </div>
    </section>
  );
}

function Unknown() {
  return <span className="muted">—</span>;
}

/**
 * Opens outside the app: a new browser tab on the headless host, the system browser on the desktop (its window
 * hands https links to the OS and never navigates itself). Only ever given a URL safeExternalUrl accepted.
 */
function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> (opens outside the app)</span>
    </a>
  );
}
