import { useState } from 'react';
import { EXPORT_PAGE_DEFAULT, EXPORT_PAGE_MAX } from '../../../../shared/domain/policies';
import type { ExportView } from '../../../../shared/views/export';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { toast } from '../../store/toast-store';
import { call, useEvent } from '../../transport/api';
import { openExportDialog } from './export-dialog-store';
import { ExportRow } from './export-row';
import { useExportProgress } from './use-export-progress';
import './exports.css';

/**
 * Every export, newest first, whoever started it (these screens, the CLI, REST): running ones with their progress
 * and Cancel, finished ones with their file, failed ones with why. Live on `export/updated`.
 */
export function ExportsScreen() {
  const [limit, setLimit] = useState(EXPORT_PAGE_DEFAULT);
  const [cancelling, setCancelling] = useState<ReadonlySet<number>>(() => new Set());
  const { data, pending, refreshError, reload, refresh } = useCallResult(
    () => call('exports/list', { limit }),
    [limit],
  );
  const progress = useExportProgress();
  const refreshSoon = useDebouncedCallback(refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('export/updated', refreshSoon);
  useEvent('app/external-change', refreshSoon);

  const cancel = async (view: ExportView) => {
    setCancelling((current) => new Set(current).add(view.id));
    const result = await call('exports/cancel', { id: view.id });
    setCancelling((current) => {
      const next = new Set(current);
      next.delete(view.id);
      return next;
    });
    if (!result.ok) toast.error(`Could not cancel export #${view.id}`, result.error);
    else toast.info(`Export #${view.id} cancelled`, 'Its unfinished file was removed.');
    refresh();
  };
  const page = data.state === 'ready' ? data.value : null;
  const running = page?.items.filter((item) => item.status === 'running').length ?? 0;

  return (
    <section className="exports-screen" aria-labelledby="exports-title" aria-busy={pending}>
      <div className="screen-header">
        <h2 id="exports-title">Exports</h2>
        {page && running > 0 && <span className="muted">{running} running</span>}
        <button type="button" className="primary exports-new" onClick={() => openExportDialog()}>
          New export
        </button>
      </div>
      {refreshError && <RefreshError what="the exports" error={refreshError} onRetry={refresh} />}
      {data.state === 'loading' && <Loading what="exports" />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={reload} />}
      {page && page.items.length === 0 && (
        <EmptyState title="No exports yet">
          <p>
            Take rankings, songs, audience or executions out as CSV, TSV, Excel or NDJSON, or make a backup of
            the whole database: choose <strong>New export</strong>. Exports made with{' '}
            <code>chart-sync export</code> or the REST API show here too.
          </p>
        </EmptyState>
      )}
      {page && page.items.length > 0 && (
        <>
          <ul className="export-list" aria-label="Exports">
            {page.items.map((view) => (
              <ExportRow
                key={view.id}
                view={view}
                progress={progress.get(view.id)}
                cancelling={cancelling.has(view.id)}
                onCancel={(v) => void cancel(v)}
              />
            ))}
          </ul>
          <p className="export-list-footer muted">
            {page.items.length < page.total
              ? `${page.items.length} of ${page.total} shown`
              : `${page.total} export${page.total === 1 ? '' : 's'}`}
            {page.items.length < page.total && limit < EXPORT_PAGE_MAX && (
              <button type="button" onClick={() => setLimit(Math.min(EXPORT_PAGE_MAX, limit * 2))}>
                Show more
              </button>
            )}
          </p>
        </>
      )}
    </section>
  );
}
