import type { ExportProgress } from '../../../../shared/views/export';
import type { ExportView } from '../../../../shared/views/export';
import { TimeText } from '../../components/time-text';
import { formatCountOf } from '../../format/numbers';
import { formatDuration } from '../../format/time';
import { toast } from '../../store/toast-store';
import { host } from '../../transport/host';
import {
  describeFilters,
  EXPORT_ACTOR_LABEL,
  exportTitle,
  fileName,
  formatBytes,
  hasFile,
  liveCounts,
  progressText,
  STATUS_LABEL,
} from './export-labels';

const STATUS_ICON: Record<ExportView['status'], string> = {
  running: '▶',
  completed: '✓',
  failed: '✖',
  cancelled: '⊘',
};

/**
 * One export: what and which rows, its progress while it runs (with Cancel), its file once done (Download in a
 * browser, the path to copy everywhere), or why it failed.
 */
export function ExportRow({
  view,
  progress,
  cancelling,
  onCancel,
}: {
  view: ExportView;
  progress: ExportProgress | undefined;
  cancelling: boolean;
  onCancel(view: ExportView): void;
}) {
  const counts = liveCounts(view, progress);
  const running = view.status === 'running';
  const downloadUrl = host().exportFileUrl;
  const title = exportTitle(view);
  return (
    <li
      className={`export-row export-${view.status}`}
      data-export-id={view.id}
      data-status={view.status}
      aria-label={`Export #${view.id}: ${title}, ${STATUS_LABEL[view.status]}`}
    >
      <span className="export-status-icon" aria-hidden="true">
        {STATUS_ICON[view.status]}
      </span>
      <div className="export-body">
        <div className="export-title">
          <strong>{title}</strong>
          <span className={`export-status export-status-${view.status}`}>{STATUS_LABEL[view.status]}</span>
          <span className="muted">#{view.id}</span>
        </div>
        <p className="export-filters">{describeFilters(view.dataset, view.filters).join(' · ')}</p>
        {running && <RowsProgress id={view.id} rows={counts.rows} totalRows={counts.totalRows} />}
        {view.status === 'failed' && view.error && <p className="export-error">{view.error}</p>}
        <div className="export-meta muted">
          {running && <span>{formatBytes(counts.bytes)} written</span>}
          {view.status === 'completed' && (
            <>
              {/* A backup copies the database whole: it has a size, not rows. */}
              {view.dataset !== 'backup' && <span>{formatCountOf(counts.rows, 'row')}</span>}
              <span>{formatBytes(counts.bytes)}</span>
            </>
          )}
          {(view.status === 'cancelled' || view.status === 'failed') && (
            <span>
              {view.dataset === 'backup' ? 'stopped' : `stopped after ${formatCountOf(counts.rows, 'row')}`},
              no file kept
            </span>
          )}
          <span>
            by {view.actor ? (EXPORT_ACTOR_LABEL[view.actor] ?? view.actor) : 'unknown'},{' '}
            <TimeText at={view.startedAt} />
          </span>
          {view.completedAt !== null && <span>took {formatDuration(view.completedAt - view.startedAt)}</span>}
        </div>
        {view.destination === 'rest' ? (
          <p className="export-file muted">Streamed to a REST client (no file kept)</p>
        ) : (
          <p className="export-file">
            <code title={view.destination}>{view.destination}</code>
          </p>
        )}
      </div>
      <div className="export-actions">
        {running && (
          <button type="button" disabled={cancelling} onClick={() => onCancel(view)}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {hasFile(view) && downloadUrl && (
          <a
            className="export-download"
            href={downloadUrl(view.id)}
            download={fileName(view.destination)}
            aria-label={`Download ${fileName(view.destination)}`}
          >
            Download
          </a>
        )}
        {hasFile(view) && (
          <button
            type="button"
            aria-label={`Copy the path of ${fileName(view.destination)}`}
            onClick={() => void copyPath(view.destination)}
          >
            Copy path
          </button>
        )}
      </div>
    </li>
  );
}

function RowsProgress({ id, rows, totalRows }: { id: number; rows: number; totalRows: number | null }) {
  const known = totalRows !== null && totalRows > 0;
  const percent = known ? Math.min(100, Math.round((rows * 100) / totalRows)) : null;
  return (
    <div
      className={`progress export-progress${known ? '' : ' export-progress-unknown'}`}
      role="progressbar"
      aria-label={`Progress of export #${id}`}
      aria-valuemin={0}
      aria-valuemax={known ? totalRows : undefined}
      aria-valuenow={known ? rows : undefined}
      aria-valuetext={progressText(rows, totalRows)}
    >
      <div className="progress-fill" style={{ width: percent === null ? '100%' : `${percent}%` }} />
      <span className="progress-text">{progressText(rows, totalRows)}</span>
    </div>
  );
}

async function copyPath(path: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(path);
    toast.success('Path copied', path);
  } catch {
    toast.error('Could not copy the path', `Select it on the screen instead: ${path}`);
  }
}
