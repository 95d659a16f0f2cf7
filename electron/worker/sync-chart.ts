import { planPeriods, planRequestCost, type PlannedPeriod } from '../../shared/domain/sync-plan';
import type { CallOptions, SoundchartsClient } from '../engine/soundcharts/client';
import { PAGE_LIMIT } from '../engine/soundcharts/endpoints';
import { InFlightLimit } from '../engine/soundcharts/in-flight-limit';
import { stopsTheSync } from '../engine/sync/failure-policy';
import type { SyncChartTask, SyncControl, SyncMessage, SyncSummary, WorkerError } from './protocol';
import { toWorkerError } from './run-task';

/**
 * Plans and fetches one chart's missing periods, several at once: up to `requestsInFlight` requests (pages of
 * one period and of the next ones) are in flight together, each still through the app-wide rate limiter. Each
 * finished period is posted at once, whole (the main thread commits it in its own transaction), so memory stays
 * flat over a year of rankings and a crash loses at most the periods in flight. Always ends with a 'done'
 * message, after every period in flight has been posted: the port, not the task result, is the record.
 */
export async function syncChart(task: SyncChartTask, client: SoundchartsClient): Promise<SyncSummary> {
  const post = (message: SyncMessage) => task.port.postMessage(message);
  let stopRequested = false;
  task.port.on('message', (control: SyncControl) => {
    if (control.type === 'stop') stopRequested = true;
  });
  const summary: SyncSummary = {
    periodsPlanned: 0,
    periodsFetched: 0,
    periodsFailed: 0,
    requestsMade: 0,
    requestFailures: {},
  };
  // Every request of this task, retries included, counted as it is sent: the execution's requests_made; and
  // every attempt that failed, by reason: its requests_failed.
  const options: CallOptions = {
    onRequest: () => {
      summary.requestsMade += 1;
    },
    onFailure: (reason) => {
      summary.requestFailures[reason] = (summary.requestFailures[reason] ?? 0) + 1;
    },
    inFlight: new InFlightLimit(task.requestsInFlight),
  };
  const metered = () => ({
    requestsMade: summary.requestsMade,
    requestFailures: { ...summary.requestFailures },
  });
  try {
    const available = await availableDatetimes(client, task.slug, options);
    const periods = planPeriods({
      frequency: task.frequency,
      window: task.window,
      available,
      stored: task.stored,
      historical: task.historical,
    });
    summary.periodsPlanned = periods.length;
    const requestCost = planRequestCost(periods.length, task.entriesPerRanking, PAGE_LIMIT);
    post({
      type: 'plan',
      periods,
      requestCost,
      listed: available !== null,
      ...metered(),
    });
    if (task.previewOnly) return finish(post, summary);

    let fatal: { error: unknown } | null = null;
    const fetchPeriod = async (period: PlannedPeriod) => {
      try {
        const snapshot = await client.rankingAt(task.slug, period.datetime, options);
        post({ type: 'period', key: period.key, snapshot, ...metered() });
        summary.periodsFetched += 1;
      } catch (error) {
        const failure = toWorkerError(error);
        if (!period.listed && failure.code === 'not_found') {
          post({ type: 'period-unavailable', key: period.key, ...metered() });
          return;
        }
        if (stopsTheSync(failure.code)) {
          fatal ??= { error };
          return;
        }
        summary.periodsFailed += 1;
        post({ type: 'period-failed', key: period.key, error: failure, ...metered() });
      }
    };
    // As many periods started as there can be requests in flight: each starts with its first page, and the
    // limit, first come first served, lets the pages of earlier periods go before later periods' first pages.
    let next = 0;
    const lane = async () => {
      while (next < periods.length && !stopRequested && fatal === null) await fetchPeriod(periods[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(task.requestsInFlight, periods.length) }, lane));
    if (fatal !== null) throw (fatal as { error: unknown }).error;
    return finish(post, summary);
  } catch (error) {
    const failure: WorkerError = toWorkerError(error);
    post({ type: 'done', outcome: { ok: false, error: failure, ...metered() } });
    return summary;
  } finally {
    task.port.close();
  }
}

function finish(post: (message: SyncMessage) => void, summary: SyncSummary): SyncSummary {
  post({ type: 'done', outcome: { ok: true, summary } });
  return summary;
}

/** The API's list of ranking dates; null when the plan does not include that endpoint (the calendar is used). */
async function availableDatetimes(
  client: SoundchartsClient,
  slug: string,
  options: CallOptions,
): Promise<string[] | null> {
  try {
    return (await client.availableRankings(slug, options)).map((d) => d.datetime);
  } catch (error) {
    if (toWorkerError(error).code === 'forbidden') return null;
    throw error;
  }
}
