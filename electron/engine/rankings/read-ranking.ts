import { rankingMovement } from '../../../shared/domain/ranking-movement';
import { ChartSyncError } from '../../../shared/errors';
import type { RankingEntryView, RankingView } from '../../../shared/views/ranking';
import type { AppDatabase } from '../db/open-database';
import { findChartByReference, type ChartRow } from '../db/queries/charts';
import { storedRankingQueries, type StoredRankingRow } from '../db/queries/stored-rankings';

/** Says how to name a chart when the reference matches none (the same sentence as the sync status). */
export function unknownChart(reference: string): ChartSyncError {
  return new ChartSyncError(
    'not_found',
    `No chart has the id or slug ${JSON.stringify(reference)}. Charts are listed with their slugs by \`chart-sync charts list\`.`,
  );
}

export function chartOf(database: AppDatabase, reference: string): ChartRow {
  const chart = findChartByReference(database, reference);
  if (!chart) throw unknownChart(reference.trim());
  return chart;
}

const label = (chart: ChartRow) => `"${chart.name}" (${chart.slug})`;

/**
 * A chart's stored ranking at a calendar date (the latest stored when none is given), each entry with its
 * movement against the previous stored period, its peak within the stored history up to that date, and the
 * dates to navigate to. Reads only what it shows: the chart's list of snapshots, this one's entries, the
 * previous one's positions, and the history of this ranking's songs on this chart (through the song index).
 */
export function readRanking(
  database: AppDatabase,
  reference: string,
  date: string | undefined,
  scheduleIdOf: (chartId: number) => number | null,
): RankingView {
  const q = storedRankingQueries(database);
  const chart = chartOf(database, reference);
  const snapshots = lastPerDate(q.chartRankings.all(chart.id));
  if (snapshots.length === 0) {
    throw new ChartSyncError(
      'not_found',
      `No ranking of ${label(chart)} is stored yet: sync the chart first (Sync now, or \`chart-sync sync ${chart.slug}\`).`,
    );
  }
  const index = date === undefined ? snapshots.length - 1 : snapshots.findIndex((s) => s.date === date);
  if (index < 0) throw dateNotStored(chart, date!, snapshots);
  const current = snapshots[index]!;
  const previous = index > 0 ? snapshots[index - 1]! : null;

  const rows = q.entries.all(current.id);
  const previousPositions = new Map(
    previous ? q.positions.all(previous.id).map((p) => [p.songId, p.position]) : [],
  );
  const history = new Map(
    q.history.all({ rankingId: current.id, chartId: chart.id, date: current.date }).map((h) => [h.songId, h]),
  );
  const entries = rows.map((row): RankingEntryView => {
    const past = history.get(row.songId);
    // The same rule as the rankings export (shared/domain/ranking-movement.ts).
    const moved = rankingMovement({
      position: row.position,
      previousStoredPosition: previousPositions.get(row.songId) ?? null,
      seenBefore: (past?.seenBefore ?? 0) === 1,
      oldestStoredPeriod: previous === null,
      apiOldPosition: row.oldPosition,
    });
    return {
      position: row.position,
      ...moved,
      song: {
        uuid: row.uuid,
        name: row.name,
        creditName: row.creditName,
        isrc: row.isrc,
        imageUrl: row.imageUrl,
      },
      metric: row.metric,
      timeOnChart: row.timeOnChart,
      timeOnChartUnit: row.timeOnChartUnit,
      peakPosition: Math.min(past?.peak ?? row.position, row.position),
    };
  });
  return {
    chart: {
      id: chart.id,
      slug: chart.slug,
      name: chart.name,
      platform: chart.platform,
      countryCode: chart.countryCode,
      countryName: chart.countryName,
      frequency: chart.frequency,
      metricType: chart.metricType,
      metricDescription: chart.metricDescription,
      scheduleId: scheduleIdOf(chart.id),
    },
    date: current.date,
    datetime: current.datetime,
    fetchedAt: current.fetchedAt,
    complete: entries.length >= current.reportedTotal,
    reportedTotal: current.reportedTotal,
    previousDate: previous?.date ?? null,
    nextDate: snapshots[index + 1]?.date ?? null,
    dates: snapshots.map((s) => s.date),
    entries,
  };
}

/** One snapshot per calendar date (the rows come oldest first; on a date stored twice the later one wins). */
function lastPerDate(rows: readonly StoredRankingRow[]): StoredRankingRow[] {
  const result: StoredRankingRow[] = [];
  for (const row of rows) {
    if (result.at(-1)?.date === row.date) result[result.length - 1] = row;
    else result.push(row);
  }
  return result;
}

function dateNotStored(
  chart: ChartRow,
  date: string,
  snapshots: readonly StoredRankingRow[],
): ChartSyncError {
  const after = snapshots.find((s) => s.date > date)?.date;
  const before = snapshots.findLast((s) => s.date < date)?.date;
  const nearest = [before, after].filter((d): d is string => d !== undefined);
  const where =
    nearest.length === 2
      ? `the nearest stored dates are ${nearest[0]} and ${nearest[1]}`
      : `the ${before ? 'latest' : 'oldest'} stored date is ${nearest[0]}`;
  return new ChartSyncError('not_found', `No ranking of ${label(chart)} is stored for ${date}; ${where}.`, {
    fields: { date: `Not stored; ${where}.` },
  });
}
