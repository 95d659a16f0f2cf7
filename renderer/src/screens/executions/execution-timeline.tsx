import type { AuditEntryView } from '../../../../shared/views/audit-entry';

/** The periods of one outcome (synced, failed), in date order. */
export function PeriodList({
  title,
  periods,
  none,
  failed,
}: {
  title: string;
  periods: readonly string[];
  none: string;
  failed?: boolean;
}) {
  return (
    <div className="period-group">
      <h4>{title}</h4>
      {periods.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className={`period-list${failed ? ' failed' : ''}`} aria-label={title}>
          {[...periods].sort().map((period) => (
            <li key={period}>{period}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Timeline steps are often seconds apart, so they show seconds, unlike the rest of the app. */
const timelineTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const ACTION_LABEL: Record<string, string> = {
  'execution.started': 'Started',
  'execution.completed': 'Completed',
  'execution.failed': 'Failed',
  'execution.retrying': 'Retrying',
  'execution.cancelled': 'Cancelled',
  'execution.interrupted': 'Interrupted',
};

/** What happened to the execution, oldest first: started, retried, failed, completed. */
export function Timeline({ entries }: { entries: readonly AuditEntryView[] }) {
  if (entries.length === 0)
    return <p className="muted">Nothing recorded yet: the execution is waiting to start.</p>;
  return (
    <table className="timeline">
      <caption className="visually-hidden">What happened to this execution, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Action</th>
          <th scope="col">Result</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <time dateTime={new Date(entry.at).toISOString()}>{timelineTime.format(entry.at)}</time>
            </td>
            <td>{ACTION_LABEL[entry.action] ?? entry.action}</td>
            <td className={`result-${entry.result}`}>{entry.result}</td>
            <td>{entry.message ?? <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
