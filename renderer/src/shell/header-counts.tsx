import { COUNTED_HEALTH } from '../../../shared/domain/health';
import { HEALTH_LABEL } from '../../../shared/domain/health-labels';
import type { AppStatus } from '../../../shared/views/app-status';
import { formatCount } from '../format/numbers';
import { hrefOf } from '../routing/routes';

/**
 * Active schedules, then each health state that needs a look (action required, failing, retrying, overdue,
 * late) with its icon and colour, then running syncs. A state with no schedule is left out, so the line stays
 * short at 1024 px; the states are links to the Schedules screen.
 */
export function HeaderCounts({ status }: { status: AppStatus }) {
  const { byHealth } = status.schedules;
  const shown = COUNTED_HEALTH.filter((state) => byHealth[state] > 0);
  return (
    <span className="header-counts" aria-label="Schedule health">
      <span>{formatCount(status.schedules.active)} active</span>
      {shown.map((state) => (
        <a
          key={state}
          className={`header-count health health-${state}`}
          data-health={state}
          href={hrefOf({ screen: 'schedules' })}
          title={`${formatCount(byHealth[state])} ${byHealth[state] === 1 ? 'schedule' : 'schedules'}: ${HEALTH_LABEL[state].label.toLowerCase()}`}
        >
          <span aria-hidden="true">{HEALTH_LABEL[state].icon} </span>
          {formatCount(byHealth[state])} {HEALTH_LABEL[state].label.toLowerCase()}
        </a>
      ))}
      <span>{formatCount(status.executions.running)} running</span>
    </span>
  );
}
