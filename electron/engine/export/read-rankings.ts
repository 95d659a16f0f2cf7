import type Database from 'better-sqlite3';
import { rankingMovement } from '../../../shared/domain/ranking-movement';
import { entryUnitSql } from '../db/ranking-entries';
import { date, integer, number, text, type Row } from './columns';
import type { DatasetReader, ReadScope } from './read-scope';

export const RANKING_COLUMNS = [
  text('chart_slug', 18),
  text('chart_name', 24),
  text('platform', 12),
  text('country', 8),
  text('frequency', 10),
  date('ranking_date'),
  integer('position', 9),
  integer('previous_position', 9),
  text('movement', 9),
  text('song_uuid', 38),
  text('title', 36),
  text('artists', 30),
  text('isrc', 14),
  number('metric', 14),
  integer('time_on_chart', 9),
  text('time_on_chart_unit', 8),
] as const;

type ChartRow = {
  id: number;
  slug: string;
  name: string;
  platform: string;
  countryCode: string;
  frequency: string;
};
type SnapshotRow = { id: number; date: string; instant: number; entryCount: number };
type EntryRow = {
  songId: number;
  position: number;
  oldPosition: number;
  metric: number | null;
  timeOnChart: number | null;
  timeOnChartUnit: string | null;
  uuid: string;
  name: string;
  creditName: string;
  isrc: string | null;
};

/**
 * The rankings in long form, one row per chart × ranking × position, with movement and previous position
 * computed as the ranking view does (shared/domain/ranking-movement.ts): against the chart's previous *stored*
 * period. Charts are read one at a time and each chart's snapshots in order, carrying the previous snapshot's
 * positions and the songs seen so far, so the memory held is one chart's songs, never the rows.
 *
 * Watermark: the highest chart_rankings.stored_seq, a sequence that never goes back (migration 0004 started it
 * past the entry ids that were the watermark before, so older watermarks keep their meaning). A sync that stores
 * or refetches a period gives it the next number, so "since last export" takes every snapshot stored or
 * refreshed since, in full.
 */
export function rankingsReader(connection: Database.Database, scope: ReadScope): DatasetReader {
  const chartsOf = connection.prepare<[string], ChartRow>(
    `SELECT id, slug, name, platform, country_code AS countryCode, frequency FROM charts
     WHERE id IN (SELECT value FROM json_each(?)) ORDER BY slug, id`,
  );
  const snapshotsOf = connection.prepare<[number], SnapshotRow>(
    `SELECT id, ranking_date AS date, ranking_instant AS instant, entry_count AS entryCount
     FROM chart_rankings WHERE chart_id = ? ORDER BY ranking_date, ranking_instant, id`,
  );
  const entriesOf = connection.prepare<[number], EntryRow>(
    `SELECT e.song_id AS songId, e.position, e.old_position AS oldPosition, e.metric,
            e.time_on_chart AS timeOnChart,
            ${entryUnitSql('r.time_on_chart_unit')} AS timeOnChartUnit,
            s.uuid, s.name, s.credit_name AS creditName, s.isrc
     FROM chart_rankings r CROSS JOIN chart_ranking_entries e ON e.ranking_id = r.id
       JOIN songs s ON s.id = e.song_id
     WHERE r.id = ? ORDER BY e.position`,
  );
  const positionsOf = connection.prepare<[number], { songId: number; position: number }>(
    'SELECT song_id AS songId, position FROM chart_ranking_entries WHERE ranking_id = ? ORDER BY position DESC',
  );
  // Songs of the chart in snapshots of earlier dates: whether a song absent last period is a re-entry.
  const songsBefore = connection
    .prepare<[number, string], number>(
      `SELECT DISTINCT e.song_id FROM chart_ranking_entries e JOIN chart_rankings r ON r.id = e.ranking_id
       WHERE r.chart_id = ? AND r.ranking_date < ?`,
    )
    .pluck();
  const changedSnapshots = connection
    .prepare<[number], number>('SELECT id FROM chart_rankings WHERE stored_seq > ?')
    .pluck();

  let changed: Set<number> | null | undefined;
  const changedSince = (): Set<number> | null => {
    changed ??= scope.after === null ? null : new Set(changedSnapshots.all(scope.after));
    return changed;
  };
  const charts = (): ChartRow[] => chartsOf.all(JSON.stringify(scope.chartIds ?? []));
  const selected = (snapshot: SnapshotRow): boolean => {
    if (scope.from !== null && snapshot.date < scope.from) return false;
    if (scope.to !== null && snapshot.date > scope.to) return false;
    const since = changedSince();
    return since === null || since.has(snapshot.id);
  };

  return {
    columns: RANKING_COLUMNS,
    count() {
      let total = 0;
      for (const chart of charts()) {
        for (const { snapshot } of lastPerDate(snapshotsOf.all(chart.id)))
          if (selected(snapshot)) total += snapshot.entryCount;
      }
      return total;
    },
    watermark() {
      return (
        (connection.prepare('SELECT coalesce(max(stored_seq), 0) FROM chart_rankings').pluck().get() as
          number | null) ?? null
      );
    },
    *rows() {
      for (const chart of charts()) {
        const snapshots = lastPerDate(snapshotsOf.all(chart.id));
        // What the chart looked like before the snapshot being read: valid only right after reading its
        // predecessor; otherwise (the first selected one, or after a gap in the selection) read again.
        let previous: Map<number, number> | null = null;
        let seen = new Set<number>();
        let readUpTo = -1;
        for (let index = 0; index < snapshots.length; index++) {
          const { snapshot, replaced } = snapshots[index]!;
          if (!selected(snapshot)) continue;
          if (readUpTo !== index - 1 || previous === null) {
            const before = snapshots[index - 1]?.snapshot;
            previous = new Map();
            if (before)
              for (const row of positionsOf.iterate(before.id)) previous.set(row.songId, row.position);
            seen = new Set(songsBefore.all(chart.id, snapshot.date));
          }
          const current = new Map<number, number>();
          for (const entry of entriesOf.iterate(snapshot.id)) {
            const move = rankingMovement({
              position: entry.position,
              previousStoredPosition: previous.get(entry.songId) ?? null,
              seenBefore: seen.has(entry.songId),
              oldestStoredPeriod: index === 0,
              apiOldPosition: entry.oldPosition,
            });
            if (!current.has(entry.songId)) current.set(entry.songId, entry.position);
            const row: Row = [
              chart.slug,
              chart.name,
              chart.platform,
              chart.countryCode,
              chart.frequency,
              snapshot.date,
              entry.position,
              move.previousPosition,
              move.movement,
              entry.uuid,
              entry.name,
              entry.creditName,
              entry.isrc,
              entry.metric,
              entry.timeOnChart,
              entry.timeOnChartUnit,
            ];
            yield row;
          }
          for (const songId of current.keys()) seen.add(songId);
          // An earlier snapshot of the same date is not written, but its songs were on the chart.
          for (const id of replaced) for (const row of positionsOf.iterate(id)) seen.add(row.songId);
          previous = current;
          readUpTo = index;
        }
      }
    },
  };
}

/**
 * One snapshot per calendar date, as the ranking view reads them (rows ordered by date, instant, id): on a date
 * stored twice the later one is written, and the ids of the ones it replaces are kept for the songs they held.
 */
function lastPerDate(rows: readonly SnapshotRow[]): { snapshot: SnapshotRow; replaced: number[] }[] {
  const result: { snapshot: SnapshotRow; replaced: number[] }[] = [];
  for (const row of rows) {
    const last = result.at(-1);
    if (last?.snapshot.date === row.date) {
      last.replaced.push(last.snapshot.id);
      last.snapshot = row;
    } else result.push({ snapshot: row, replaced: [] });
  }
  return result;
}
