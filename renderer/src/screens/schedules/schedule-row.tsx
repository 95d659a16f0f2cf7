import { memo } from 'react';
import type { ScheduleView } from '../../../../shared/views/schedule-view';
import { ExecutionStatusBadge } from '../../components/execution-status';
import { SelectCell } from '../../components/select-cell';
import { StatusIcon } from '../../components/status-icon';
import { SuccessRate } from '../../components/success-rate';
import { TimeText } from '../../components/time-text';
import { formatCount } from '../../format/numbers';
import { hrefOf } from '../../routing/routes';
import { frequencyLabel } from '../../format/frequency';
import type { ActiveExecution, ScheduleAction } from './schedules-store';

export const scheduleHref = (schedule: ScheduleView) =>
  hrefOf({ screen: 'schedule-detail', id: schedule.id });

/** One schedule's cells, the original admin's list columns plus the row's actions. */
export const ScheduleCells = memo(function ScheduleCells({
  schedule,
  selected,
  active,
  running,
  busy,
  onToggle,
  onAction,
}: {
  schedule: ScheduleView;
  selected: boolean;
  active: boolean;
  /** The most advanced execution of this schedule in flight, if any. */
  running: ActiveExecution['status'] | null;
  busy: boolean;
  onToggle: (id: number, range: boolean) => void;
  onAction: (action: ScheduleAction, schedule: ScheduleView) => void;
}) {
  const tabIndex = active ? 0 : -1;
  const { chart } = schedule;
  return (
    <>
      <SelectCell
        id={schedule.id}
        name={chart.name}
        selected={selected}
        tabIndex={tabIndex}
        onToggle={onToggle}
      />
      <td title={chart.name}>
        <a className="schedule-chart" href={scheduleHref(schedule)} tabIndex={tabIndex}>
          {chart.name}
        </a>
        <span className="cell-sub">
          {chart.platform} · {chart.countryName || chart.countryCode}
        </span>
      </td>
      <td
        title={frequencyLabel(schedule)}
        className={schedule.syncFrequency === 'cron' ? 'cron-cell' : undefined}
      >
        {schedule.syncFrequency === 'cron' ? (
          <>
            <code>{schedule.cronExpression}</code>
            <span className="cell-sub">
              <ZoneName zone={schedule.timeZone ?? 'UTC'} />
            </span>
          </>
        ) : (
          frequencyLabel(schedule)
        )}
      </td>
      <td>
        <span className="schedule-status-line">
          <StatusIcon health={schedule.health} reason={schedule.healthReason} />
          {running && schedule.health !== 'running' && <ExecutionStatusBadge status={running} />}
        </span>
        <span className={`health-reason health-reason-${schedule.health}`} title={schedule.healthReason}>
          {schedule.healthReason}
        </span>
      </td>
      <td>
        <TimeText at={schedule.lastSyncAt} />
      </td>
      <td>
        <TimeText
          at={schedule.isActive ? schedule.nextSyncAt : null}
          never={schedule.isActive ? '—' : 'Paused'}
        />
      </td>
      <td>
        <SuccessRate rate={schedule.successRate} />
      </td>
      <td>
        <span title="Total executions">{formatCount(schedule.totalExecutions)} total</span>
        <span className="cell-sub">
          <span className="executions-ok">{formatCount(schedule.successfulExecutions)} ok</span>
          {' · '}
          <span className={schedule.failedExecutions > 0 ? 'executions-failed' : undefined}>
            {formatCount(schedule.failedExecutions)} failed
          </span>
        </span>
      </td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            tabIndex={tabIndex}
            disabled={busy}
            aria-label={`${schedule.isActive ? 'Deactivate' : 'Activate'} ${chart.name}`}
            onClick={() => onAction(schedule.isActive ? 'deactivate' : 'activate', schedule)}
          >
            {schedule.isActive ? 'Deactivate' : 'Activate'}
          </button>
          <button
            type="button"
            tabIndex={tabIndex}
            disabled={busy}
            aria-label={`Sync now ${chart.name}`}
            onClick={() => onAction('sync', schedule)}
          >
            Sync now
          </button>
          <a
            href={hrefOf({ screen: 'schedule-edit', id: schedule.id })}
            tabIndex={tabIndex}
            aria-label={`Edit ${chart.name}`}
          >
            Edit
          </a>
          <button
            type="button"
            className="danger-link"
            tabIndex={tabIndex}
            disabled={busy}
            aria-label={`Delete ${chart.name}`}
            onClick={() => onAction('delete', schedule)}
          >
            Delete
          </button>
        </div>
      </td>
    </>
  );
});

/**
 * "America/Argentina/Buenos_Aires", allowed to wrap after each slash rather than mid-word; a narrow window shows
 * only its last part (the city), so the cell keeps to the row's height.
 */
function ZoneName({ zone }: { zone: string }) {
  const parts = zone.split('/');
  const city = parts.pop()!;
  return (
    <>
      {parts.length > 0 && (
        <span className="zone-area">
          {parts.map((part, index) => (
            <span key={index}>
              {part}/<wbr />
            </span>
          ))}
        </span>
      )}
      {city}
    </>
  );
}
