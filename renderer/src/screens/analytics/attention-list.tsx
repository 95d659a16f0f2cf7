import type { AttentionSchedule } from '../../../../shared/views/analytics';
import { StatusIcon } from '../../components/status-icon';
import { hrefOf } from '../../routing/routes';

/** Schedules overdue, failing, retrying or waiting for the operator now, each with why and a link. */
export function AttentionList({ schedules }: { schedules: readonly AttentionSchedule[] }) {
  return (
    <section className="card analytics-attention" aria-labelledby="analytics-attention-title">
      <h3 id="analytics-attention-title">Overdue and failing schedules</h3>
      {schedules.length === 0 ? (
        <p className="muted analytics-caption">No schedule is overdue or failing.</p>
      ) : (
        <ul className="attention-list" aria-labelledby="analytics-attention-title">
          {schedules.map((s) => (
            <li key={s.scheduleId}>
              <StatusIcon health={s.health} reason={s.reason} />
              <a href={hrefOf({ screen: 'schedule-detail', id: s.scheduleId })}>{s.name}</a>
              <span className="muted cell-note">{s.slug}</span>
              <p className="attention-reason">{s.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
