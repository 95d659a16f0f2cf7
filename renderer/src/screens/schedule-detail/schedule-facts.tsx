import type { ScheduleStats } from '../../../../shared/views/schedule-detail';
import type { ScheduleView } from '../../../../shared/views/schedule-view';
import { SuccessRate } from '../../components/success-rate';
import { TimeText } from '../../components/time-text';
import { formatCount } from '../../format/numbers';
import { formatDuration } from '../../format/time';
import { formatDay } from './coverage-grid';
import { describeTiming } from '../../format/frequency';
import { describeWindow } from './describe-schedule';
import { rankingHref } from '../../routing/routes';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** How the schedule is set up. */
export function Configuration({ schedule }: { schedule: ScheduleView }) {
  return (
    <section className="card" aria-labelledby="config-heading">
      <h3 id="config-heading">Configuration</h3>
      <dl className="facts">
        <dt>Frequency</dt>
        <dd>{describeTiming(schedule)}</dd>
        <dt>Active</dt>
        <dd>{schedule.isActive ? 'Yes' : 'No: paused until activated'}</dd>
        <dt>Next sync</dt>
        <dd>
          <TimeText at={schedule.nextSyncAt} never={schedule.isActive ? 'Not planned' : 'Paused'} />
        </dd>
        <dt>Last successful sync</dt>
        <dd>
          <TimeText at={schedule.lastSyncAt} />
        </dd>
        <dt>History window</dt>
        <dd>{describeWindow(schedule.historyWindowDays)}</dd>
        <dt>Sync historical data</dt>
        <dd>
          {schedule.syncHistoricalData
            ? 'Yes: every missing period of the window'
            : 'No: the latest period only'}
        </dd>
        <dt>Fetch track metadata</dt>
        <dd>{yesNo(schedule.fetchTrackMetadata)}</dd>
        <dt>Synced when created</dt>
        <dd>{yesNo(schedule.syncImmediately)}</dd>
        {schedule.createdBy && (
          <>
            <dt>Created by</dt>
            <dd>{schedule.createdBy}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <TimeText at={schedule.createdAt} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <TimeText at={schedule.updatedAt} />
        </dd>
      </dl>
    </section>
  );
}

/** How the schedule has been doing, and how fresh its data is. */
export function Statistics({ schedule, stats }: { schedule: ScheduleView; stats: ScheduleStats }) {
  return (
    <section className="card" aria-labelledby="stats-heading">
      <h3 id="stats-heading">Statistics</h3>
      <dl className="facts">
        <dt>Success rate</dt>
        <dd>
          <SuccessRate rate={stats.successRate} />
        </dd>
        <dt>Executions</dt>
        <dd>
          {formatCount(schedule.totalExecutions)} in all: {formatCount(schedule.successfulExecutions)}{' '}
          successful,{' '}
          <span className={schedule.failedExecutions > 0 ? 'bad' : undefined}>
            {formatCount(schedule.failedExecutions)} failed
          </span>
        </dd>
        <dt>Average duration</dt>
        <dd>
          {stats.averageDurationMs === null ? (
            <span className="muted">No finished run yet</span>
          ) : (
            formatDuration(stats.averageDurationMs)
          )}
        </dd>
        <dt>Data freshness</dt>
        <dd>
          {stats.latestRankingDate === null ? (
            <span className="muted">No ranking stored yet</span>
          ) : (
            <>
              <a href={rankingHref(schedule.chart.id, stats.latestRankingDate)}>
                Ranking of {formatDay(stats.latestRankingDate)}
              </a>
              {stats.latestFetchedAt !== null && (
                <div className="muted freshness-fetched">
                  <span>fetched</span> <TimeText at={stats.latestFetchedAt} />
                </div>
              )}
            </>
          )}
        </dd>
        <dt>Rankings stored</dt>
        <dd>{formatCount(stats.rankingsStored)}</dd>
      </dl>
    </section>
  );
}
