import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/open-database';

const database = openDatabase({ file: ':memory:' });
afterAll(() => database.close());

const plan = (sql: string, ...params: unknown[]) =>
  (database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .join(' | ');

describe('indexes serve the app’s real queries', () => {
  it.each([
    {
      query: 'due schedules',
      sql: 'SELECT id FROM chart_sync_schedules WHERE is_active = 1 AND next_sync_at <= ? ORDER BY next_sync_at',
      params: [0],
      index: 'chart_sync_schedules_due_idx',
    },
    {
      query: 'a chart’s rankings by date',
      sql: 'SELECT id, ranking_date FROM chart_rankings WHERE chart_id = ? AND ranking_date BETWEEN ? AND ? ORDER BY ranking_date',
      params: [1, '2025-01-01', '2025-12-31'],
      index: 'chart_rankings_chart_date_idx',
    },
    {
      query: 'a schedule’s executions by time',
      sql: 'SELECT id FROM chart_sync_executions WHERE schedule_id = ? ORDER BY created_at DESC LIMIT 50',
      params: [1],
      index: 'chart_sync_executions_schedule_created_idx',
    },
    {
      query: 'entries of a snapshot in chart order',
      sql: 'SELECT position FROM chart_ranking_entries WHERE ranking_id = ? ORDER BY position',
      params: [1],
      index: 'USING PRIMARY KEY (ranking_id=?)',
    },
    {
      query: 'a song’s history (songs/get, songs/list)',
      sql: 'SELECT ranking_id, position FROM chart_ranking_entries WHERE song_id = ?',
      params: [1],
      index: 'COVERING INDEX chart_ranking_entries_song_idx',
    },
    {
      query: 'snapshots stored since an export',
      sql: 'SELECT id FROM chart_rankings WHERE stored_seq > ?',
      params: [0],
      index: 'chart_rankings_stored_seq_idx',
    },
    {
      query: 'ready queue tasks',
      sql: "SELECT id FROM task_queue WHERE status = 'queued' AND run_after <= ? ORDER BY run_after LIMIT 2",
      params: [0],
      index: 'task_queue_ready_idx',
    },
    {
      query: 'songs with stale metadata',
      sql: 'SELECT uuid FROM songs WHERE metadata_fetched_at IS NULL OR metadata_fetched_at < ?',
      params: [0],
      index: 'songs_metadata_fetched_at_idx',
    },
    {
      query: 'executions that ended in a range (the dashboard)',
      sql: `SELECT completed_at, status, started_at, chart_id FROM chart_sync_executions
            WHERE completed_at >= ? AND completed_at < ?`,
      params: [0, 1],
      index: 'COVERING INDEX chart_sync_executions_completed_idx',
    },
    {
      query: 'API usage of a range',
      sql: 'SELECT hour_start, kind, requests FROM api_usage_hourly WHERE hour_start >= ? AND hour_start < ?',
      params: [0, 1],
      index: 'sqlite_autoindex_api_usage_hourly_1',
    },
    {
      query: 'quota samples of a range',
      sql: 'SELECT at, remaining FROM quota_samples WHERE at >= ? AND at < ?',
      params: [0, 1],
      index: 'INTEGER PRIMARY KEY',
    },
  ])('$query uses $index', ({ sql, params, index }) => {
    expect(plan(sql, ...params)).toContain(index);
  });
});
