import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RankingView } from '../../../../shared/views/ranking';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { TimeText } from '../../components/time-text';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { formatCount } from '../../format/numbers';
import { formatCalendarDate } from '../../format/time';
import { hrefOf, rankingHref } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { dialogOpen, typingIn } from '../../shell/use-keyboard-shortcuts';
import { call, useEvent } from '../../transport/api';
import { searchEntries } from './ranking-format';
import { RankingMissing } from './ranking-missing';
import { openExportDialog } from '../exports/export-dialog-store';
import { RankingTable } from './ranking-table';
import '../../components/list-screen.css';
import './ranking.css';

/**
 * A chart's stored ranking at one date (the latest when none is named): every entry with its movement against
 * the previous stored period, searchable, with the stored dates to move between. Live: a period stored for this
 * chart (a sync, a backfill) refreshes it.
 */
export function RankingScreen({ chart, date }: { chart: string; date: string | null }) {
  const { data, pending, refreshError, reload, refresh } = useCallResult(
    () => call('rankings/get', date === null ? { chart } : { chart, date }),
    [chart, date],
  );
  const refetch = useDebouncedCallback(refresh, LIVE_REFETCH_DEBOUNCE_MS);
  const shownChartId = data.state === 'ready' ? data.value.chart.id : null;
  useEvent('rankings/stored', (event) => {
    // Until something is shown the chart's id may be unknown (it was named by slug): any stored period may be it.
    if (shownChartId === null || event.chartId === shownChartId) refetch();
  });
  useEvent('app/external-change', refetch);

  if (data.state === 'loading') return <Loading what="the ranking" />;
  if (data.state === 'error') {
    return data.error.code === 'not_found' ? (
      <RankingMissing chart={chart} date={date} message={data.error.message} />
    ) : (
      <ErrorState error={data.error} onRetry={reload} />
    );
  }
  return (
    <Ranking
      chartRef={chart}
      view={data.value}
      pending={pending}
      refreshError={
        refreshError && <RefreshError what="the ranking" error={refreshError} onRetry={refresh} />
      }
    />
  );
}

function Ranking({
  chartRef,
  view,
  pending,
  refreshError,
}: {
  chartRef: string;
  view: RankingView;
  pending: boolean;
  refreshError: ReactNode;
}) {
  const { chart } = view;
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => searchEntries(view.entries, deferredQuery), [view.entries, deferredQuery]);
  const goTo = (date: string | null) => {
    if (date !== null) navigate(rankingHref(chartRef, date));
  };
  usePeriodKeys(view, goTo);
  const newestFirst = useMemo(() => [...view.dates].reverse(), [view.dates]);
  const showMetric = useMemo(() => view.entries.some((entry) => entry.metric !== null), [view.entries]);

  return (
    <section className="list-screen ranking-screen" aria-labelledby="ranking-title" aria-busy={pending}>
      <header className="screen-header">
        <a href={hrefOf({ screen: 'charts' })}>← Charts</a>
        <h2 id="ranking-title">{chart.name}</h2>
        <span className="ranking-date" data-testid="ranking-date">
          {formatCalendarDate(view.date)}
        </span>
        {!view.complete && (
          <span
            className="badge incomplete-badge"
            title="Stored without all the entries Soundcharts reported; a backfill fetches it again."
          >
            Incomplete: {formatCount(view.entries.length)} of {formatCount(view.reportedTotal)} entries
          </span>
        )}
        {pending && (
          <span className="refreshing" role="status">
            Loading…
          </span>
        )}
        <span className="screen-header-actions">
          {chart.scheduleId !== null ? (
            <a href={hrefOf({ screen: 'schedule-detail', id: chart.scheduleId })}>Schedule and coverage</a>
          ) : (
            <a href={hrefOf({ screen: 'schedule-new', chartId: chart.id })}>Add a schedule…</a>
          )}
          <button
            type="button"
            onClick={() => openExportDialog({ dataset: 'rankings', charts: [chart.slug] })}
          >
            Export…
          </button>
        </span>
      </header>
      <p className="muted ranking-subtitle">
        {chart.platform} · {chart.countryName || 'Worldwide'} · published {chart.frequency} ·{' '}
        <code>{chart.slug}</code> · stored <TimeText at={view.fetchedAt} />
      </p>
      {refreshError}
      <div className="toolbar ranking-toolbar">
        <div className="ranking-dates" role="group" aria-label="Ranking date">
          <button
            type="button"
            disabled={view.previousDate === null}
            onClick={() => goTo(view.previousDate)}
            aria-keyshortcuts="["
            title={
              view.previousDate ? `${formatCalendarDate(view.previousDate)} ([)` : 'No earlier stored ranking'
            }
          >
            ◀ Previous
          </button>
          <select aria-label="Stored date" value={view.date} onChange={(event) => goTo(event.target.value)}>
            {newestFirst.map((d) => (
              <option key={d} value={d}>
                {formatCalendarDate(d)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={view.nextDate === null}
            onClick={() => goTo(view.nextDate)}
            aria-keyshortcuts="]"
            title={view.nextDate ? `${formatCalendarDate(view.nextDate)} (])` : 'No later stored ranking'}
          >
            Next ▶
          </button>
          <span className="muted">{formatCount(view.dates.length)} stored</span>
        </div>
        <input
          type="search"
          aria-label="Search this ranking"
          placeholder="Search title, artist or ISRC"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-search
        />
        <span className="muted" role="status">
          {rows.length === view.entries.length
            ? `${formatCount(view.entries.length)} entries`
            : `${formatCount(rows.length)} of ${formatCount(view.entries.length)} entries`}
        </span>
      </div>
      {view.entries.length === 0 ? (
        <EmptyState title="This ranking has no entries">
          <p>Soundcharts returned an empty ranking for this date.</p>
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No entry matches">
          <button type="button" onClick={() => setQuery('')}>
            Clear the search
          </button>
        </EmptyState>
      ) : (
        <RankingTable chart={chart} entries={rows} showMetric={showMetric} />
      )}
    </section>
  );
}

/** `[` and `]` move to the previous and next stored period, unless the operator is typing or a dialog is open. */
function usePeriodKeys(view: RankingView, goTo: (date: string | null) => void): void {
  const latest = useRef({ view, goTo });
  latest.current = { view, goTo };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || dialogOpen()) return;
      const { view: shown, goTo: go } = latest.current;
      if (event.key === '[' && shown.previousDate) go(shown.previousDate);
      else if (event.key === ']' && shown.nextDate) go(shown.nextDate);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
