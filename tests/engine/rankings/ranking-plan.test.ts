import { afterAll, describe, expect, it } from 'vitest';
import { seedYearOfRankings } from '../../../bench/year-of-rankings';
import { openDatabase } from '../../../electron/engine/db/open-database';
import {
  RANKING_HISTORY_SQL,
  storedRankingQueries,
} from '../../../electron/engine/db/queries/stored-rankings';
import { readRanking } from '../../../electron/engine/rankings/read-ranking';

/** A small "year" (60 days of 50 entries): enough history for the plans and the peaks to mean something. */
const database = openDatabase({ file: ':memory:' });
const seeded = seedYearOfRankings(database, { days: 60, size: 50 });
afterAll(() => database.close());

function plan(sql: string, params: Record<string, unknown>): string {
  return (database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
    .map((row) => row.detail)
    .join(' | ');
}

describe('the ranking view on a long history', () => {
  it('reads the history through the chart-date index and the entries’ key, never a table scan', () => {
    const view = readRanking(database, 'year-daily', undefined, () => null);
    const detail = plan(RANKING_HISTORY_SQL, { chartId: seeded.daily, date: view.date, rankingId: 1 });
    expect(detail).toContain('chart_rankings_chart_date_idx');
    expect(detail).toContain('SEARCH e USING PRIMARY KEY (ranking_id=?)');
    expect(detail).not.toContain('chart_ranking_entries_song_idx');
    expect(detail).not.toMatch(/SCAN (chart_ranking_entries|chart_rankings|e|r)\b/);
  });

  it.each([
    ['chartRankings', [1], 'chart_rankings_chart_date_idx'],
    ['entries', [1], 'SEARCH e USING PRIMARY KEY (ranking_id=?)'],
    ['positions', [1], 'chart_ranking_entries USING PRIMARY KEY (ranking_id=?)'],
    ['songByIsrc', ['X'], 'songs_isrc_idx'],
    ['songPoints', [1], 'COVERING INDEX chart_ranking_entries_song_idx'],
  ] as const)('%s reads through %s', (name, params, index) => {
    const statement = storedRankingQueries(database)[name] as unknown as { source: string };
    const detail = (
      database.sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all(...params) as { detail: string }[]
    )
      .map((row) => row.detail)
      .join(' | ');
    expect(detail).toContain(index);
    expect(detail).not.toMatch(/SCAN (chart_ranking_entries|chart_rankings|songs|e|r|s)\b/);
  });

  it('computes each peak as the best position up to the date, checked against a plain recount', () => {
    const date = '2025-12-01';
    const view = readRanking(database, 'year-daily', date, () => null);
    expect(view.entries).toHaveLength(50);
    const recount = database.sqlite.prepare(
      `SELECT MIN(e.position) AS peak FROM chart_ranking_entries e JOIN chart_rankings r ON r.id = e.ranking_id
       JOIN songs s ON s.id = e.song_id WHERE r.chart_id = ? AND r.ranking_date <= ? AND s.uuid = ?`,
    );
    for (const entry of view.entries) {
      const { peak } = recount.get(seeded.daily, date, entry.song.uuid) as { peak: number };
      expect(entry.peakPosition, entry.song.name).toBe(peak);
    }
    expect(new Set(view.entries.map((e) => e.movement)).size).toBeGreaterThan(1);
  });
});
