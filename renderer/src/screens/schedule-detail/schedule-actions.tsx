import { useLayoutEffect, useRef, useState } from 'react';
import type { ScheduleView } from '../../../../shared/views/schedule-view';
import { confirmDelete, runScheduleAction, type ScheduleAction } from '../../actions/schedule-actions';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';

/** The schedule's own actions, as its row on the Schedules screen has them. */
export function ScheduleActions({ schedule, onChanged }: { schedule: ScheduleView; onChanged(): void }) {
  const [busy, setBusy] = useState(false);
  // A button disabled while its action runs loses the focus; it gets it back when the action is done.
  const clicked = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (busy || !clicked.current) return;
    const button = clicked.current;
    clicked.current = null;
    const active = document.activeElement;
    if ((active === null || active === document.body) && button.isConnected) button.focus();
  }, [busy]);

  const run = async (action: ScheduleAction, button: HTMLElement) => {
    clicked.current = button;
    setBusy(true);
    try {
      if (
        action === 'delete' &&
        !(await confirmDelete({ chartName: schedule.chart.name }, 'Delete schedule'))
      ) {
        return;
      }
      const result = await runScheduleAction(action, [schedule.id]);
      if (action !== 'delete') onChanged();
      else if (result.ok && result.value.succeeded > 0) navigate(hrefOf({ screen: 'schedules' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="toolbar schedule-actions">
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={(event) => void run('sync', event.currentTarget)}
      >
        Sync now
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={(event) => void run(schedule.isActive ? 'deactivate' : 'activate', event.currentTarget)}
      >
        {schedule.isActive ? 'Deactivate' : 'Activate'}
      </button>
      <a className="button-link" href={hrefOf({ screen: 'schedule-edit', id: schedule.id })}>
        Edit
      </a>
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={(event) => void run('delete', event.currentTarget)}
      >
        Delete
      </button>
    </div>
  );
}
