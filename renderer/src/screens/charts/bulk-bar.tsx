import { SelectionBar } from '../../components/selection-bar';
import { formatCountOf } from '../../format/numbers';
import { confirm } from '../../store/confirm-store';
import { openExportDialog } from '../exports/export-dialog-store';
import { useChartsStore, type ChartBulkAction } from './charts-store';

/**
 * The original admin's bulk actions on the selected charts: Add to sync schedule (optionally syncing at once),
 * Remove from sync schedule, and Trigger manual sync.
 */
export function BulkBar({ hiddenSelected }: { hiddenSelected: number }) {
  const count = useChartsStore((s) => s.selection.ids.size);
  const running = useChartsStore((s) => s.bulkRunning);
  const syncImmediately = useChartsStore((s) => s.syncImmediately);
  const setSyncImmediately = useChartsStore((s) => s.setSyncImmediately);
  const runBulk = useChartsStore((s) => s.runBulk);
  const clearSelection = useChartsStore((s) => s.clearSelection);
  if (count === 0) return null;

  const busy = running !== null;
  const label = (action: ChartBulkAction, idle: string, working: string) =>
    running === action ? working : idle;
  const remove = async () => {
    const ok = await confirm({
      title: `Remove ${formatCountOf(count, 'chart')} from the sync schedule?`,
      message:
        'Their schedules are deleted and they stop syncing; syncs waiting to start are cancelled. Their execution history and rankings are kept.',
      confirmLabel: 'Remove from schedule',
      danger: true,
    });
    if (ok) await runBulk('remove');
  };

  // The selected charts' rankings, by slug as the export's history shows them; the dialog confirms the rest.
  const exportRankings = () => {
    const { charts, selection } = useChartsStore.getState();
    const slugs = (charts ?? []).filter((chart) => selection.ids.has(chart.id)).map((chart) => chart.slug);
    openExportDialog({ dataset: 'rankings', charts: slugs });
  };

  return (
    <SelectionBar
      label="Actions on selected charts"
      noun="chart"
      count={count}
      hiddenSelected={hiddenSelected}
      busy={busy}
      onClear={clearSelection}
    >
      <span className="bulk-group">
        <button type="button" className="primary" disabled={busy} onClick={() => void runBulk('add')}>
          {label('add', 'Add to sync schedule', 'Adding…')}
        </button>
        <label className="bulk-option">
          <input
            type="checkbox"
            checked={syncImmediately}
            disabled={busy}
            onChange={(event) => setSyncImmediately(event.target.checked)}
          />
          Sync immediately
        </label>
      </span>
      <button type="button" disabled={busy} onClick={() => void remove()}>
        {label('remove', 'Remove from sync schedule', 'Removing…')}
      </button>
      <button type="button" disabled={busy} onClick={() => void runBulk('sync')}>
        {label('sync', 'Sync now', 'Starting…')}
      </button>
      <button type="button" disabled={busy} onClick={exportRankings}>
        Export rankings…
      </button>
    </SelectionBar>
  );
}
