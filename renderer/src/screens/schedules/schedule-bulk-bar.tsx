import { confirmDelete } from '../../actions/schedule-actions';
import { SelectionBar } from '../../components/selection-bar';
import { useSchedulesStore, type ScheduleAction } from './schedules-store';

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
    <SelectionBar
      label="Actions on selected schedules"
      noun="schedule"
      count={count}
      hiddenSelected={hiddenSelected}
      busy={busy}
      onClear={clearSelection}
    >
      {BUTTONS.map(({ action, idle, working }) => (
        <button key={action} type="button" disabled={busy} onClick={() => void act(action, ids, true)}>
          {running === action ? working : idle}
        </button>
      ))}
      <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
        {running === 'delete' ? 'Deleting…' : 'Delete'}
      </button>
    </SelectionBar>
  );
}
