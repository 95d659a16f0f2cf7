import { formatCount } from '../../format/numbers';
import { confirmDelete } from './confirm-delete';
import { useSchedulesStore, type ScheduleAction } from './schedules-store';

const plural = (n: number) => `${formatCount(n)} schedule${n === 1 ? '' : 's'}`;

const BUTTONS: { action: ScheduleAction; idle: string; working: string }[] = [
  { action: 'activate', idle: 'Activate', working: 'Activating…' },
  { action: 'deactivate', idle: 'Deactivate', working: 'Deactivating…' },
  { action: 'sync', idle: 'Sync now', working: 'Starting…' },
];

/** The row actions, applied to every selected schedule at once. */
export function ScheduleBulkBar({ hiddenSelected }: { hiddenSelected: number }) {
  const selection = useSchedulesStore((s) => s.selection);
  const running = useSchedulesStore((s) => s.bulkRunning);
  const act = useSchedulesStore((s) => s.act);
  const clearSelection = useSchedulesStore((s) => s.clearSelection);
  const count = selection.ids.size;
  if (count === 0) return null;

  const busy = running !== null;
  const ids = [...selection.ids];
  const remove = async () => {
    if (await confirmDelete({ count })) await act('delete', ids, true);
  };
  return (
    <div className="bulk-bar" role="region" aria-label="Actions on selected schedules" aria-busy={busy}>
      <span className="bulk-count" aria-live="polite">
        {plural(count)} selected
        {hiddenSelected > 0 && (
          <span className="muted"> ({formatCount(hiddenSelected)} hidden by the filters)</span>
        )}
      </span>
      {BUTTONS.map(({ action, idle, working }) => (
        <button key={action} type="button" disabled={busy} onClick={() => void act(action, ids, true)}>
          {running === action ? working : idle}
        </button>
      ))}
      <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
        {running === 'delete' ? 'Deleting…' : 'Delete'}
      </button>
      <button type="button" className="link-button" disabled={busy} onClick={clearSelection}>
        Clear selection
      </button>
    </div>
  );
}
