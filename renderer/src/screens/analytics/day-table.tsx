import type { AnalyticsView } from '../../../../shared/views/analytics';
import { formatCount, formatPercent } from '../../format/numbers';
import { formatCalendarDate, formatDuration } from '../../format/time';
import { successPercent } from './analytics-series';

const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/** Every number the plots draw, a row per day (newest first), for reading, copying and screen readers. */
export function DayTable({ view }: { view: AnalyticsView }) {
  const days = [...view.days].reverse();
  return (
    <details className="card analytics-day-table">
      <summary>The numbers per day ({formatCount(days.length)} days)</summary>
      <div className="table-scroll">
        <table aria-label="Numbers per day">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Completed</th>
              <th scope="col">Failed</th>
              <th scope="col">Interrupted</th>
              <th scope="col">Cancelled</th>
              <th scope="col">Success rate</th>
              <th scope="col">Median</th>
              <th scope="col">p95</th>
              <th scope="col">Requests</th>
              <th scope="col">Quota remaining</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{formatCalendarDate(day.day)}</th>
                <td className="numeric">{formatCount(day.completed)}</td>
                <td className="numeric">{formatCount(day.failed)}</td>
                <td className="numeric">{formatCount(day.interrupted)}</td>
                <td className="numeric">{formatCount(day.cancelled)}</td>
                <td className="numeric">{formatPercent(successPercent(day))}</td>
                <td className="numeric">{duration(day.durationMedianMs)}</td>
                <td className="numeric">{duration(day.durationP95Ms)}</td>
                <td className="numeric">{formatCount(day.requests)}</td>
                <td className="numeric">
                  {day.quotaRemaining === null ? '—' : formatCount(day.quotaRemaining)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
