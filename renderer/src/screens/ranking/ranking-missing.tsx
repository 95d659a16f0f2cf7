import { EmptyState, Loading } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { formatCalendarDate } from '../../format/time';
import { hrefOf, rankingHref } from '../../routing/routes';
import { call } from '../../transport/api';

/**
 * Nothing stored to show: says whether the chart itself is unknown, or has no ranking (at that date), and what to
 * do about it: sync the chart from its schedule, or create one.
 */
export function RankingMissing({
  chart,
  date,
  message,
}: {
  chart: string;
  date: string | null;
  message: string;
}) {
  const status = useCallResult(() => call('charts/sync-status', { chart }), [chart]);
  if (status.data.state === 'loading') return <Loading what="the chart" />;
  if (status.data.state === 'error') {
    return (
      <EmptyState title="No such chart">
        <p>{message}</p>
        <p>
          Find the chart on the <a href={hrefOf({ screen: 'charts' })}>Charts</a> screen (Discover charts
          imports the catalogue).
        </p>
      </EmptyState>
    );
  }
  const { chart: found, schedule } = status.data.value;
  const fix =
    schedule === null ? (
      <p>
        This chart is not synced.{' '}
        <a href={hrefOf({ screen: 'schedule-new', chartId: found.id })}>Create a schedule</a> to fetch its
        rankings.
      </p>
    ) : (
      <p>
        Sync the chart, or fetch the missing periods with Backfill missing, from{' '}
        <a href={hrefOf({ screen: 'schedule-detail', id: schedule.id })}>its schedule</a>.
      </p>
    );
  return date !== null ? (
    <EmptyState title={`No ranking of ${found.name} stored for ${formatCalendarDate(date)}`}>
      <p>{message}</p>
      <p>
        <a href={rankingHref(chart)}>Open the latest stored ranking</a>
      </p>
      {fix}
    </EmptyState>
  ) : (
    <EmptyState title={`No ranking of ${found.name} stored yet`}>
      <p>{message}</p>
      {fix}
    </EmptyState>
  );
}
