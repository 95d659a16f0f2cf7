import type Database from 'better-sqlite3';
import { ENRICHMENT_FAILED_COOLDOWN_MS } from '../../../shared/domain/policies';
import { isMetadataStale } from '../../../shared/domain/staleness';
import type { AppDatabase } from '../db/open-database';
import { enqueueMetadata } from './queue-store';
import { preparedPer } from '../db/prepared';

type Statements = {
  fetchedAt: Database.Statement<[string], { fetchedAt: number | null }>;
  recentlyFailed: Database.Statement<[string, number], { one: number }>;
};

const statements = preparedPer((sqlite: Database.Database): Statements => {
  return {
    fetchedAt: sqlite.prepare('SELECT metadata_fetched_at AS fetchedAt FROM songs WHERE uuid = ?'),
    // Reads through the (status, run_after) index: only failed rows are scanned, and they are few.
    recentlyFailed: sqlite.prepare(
      `SELECT 1 AS one FROM task_queue
       WHERE status = 'failed' AND kind = 'song_metadata' AND subject = ? AND platform = '' AND completed_at > ?
       LIMIT 1`,
    ),
  };
});

/**
 * The songs among `songUuids` whose metadata must be fetched: unknown locally, never fetched, or fetched more
 * than 30 days before `now`. A song whose last metadata task failed for good less than a day ago is left
 * out, so that a song Soundcharts does not know costs one request a day, not one per stored period.
 */
export function songsNeedingMetadata(
  database: AppDatabase,
  songUuids: readonly string[],
  now: number,
): string[] {
  const { fetchedAt, recentlyFailed } = statements(database.sqlite);
  const needed: string[] = [];
  database.sqlite.transaction(() => {
    for (const uuid of new Set(songUuids)) {
      const row = fetchedAt.get(uuid);
      if (!isMetadataStale(row?.fetchedAt ?? null, now)) continue;
      if (recentlyFailed.get(uuid, now - ENRICHMENT_FAILED_COOLDOWN_MS)) continue;
      needed.push(uuid);
    }
  })();
  return needed;
}

/**
 * Called by the sync engine after each stored ranking period: queues a metadata fetch for every new or stale
 * song of the period that has no open task yet. Returns how many were queued; call the runner's kick() after.
 */
export function enqueueStaleMetadata(
  database: AppDatabase,
  songUuids: readonly string[],
  now: number,
): number {
  // One transaction for the read and the writes: a period's 200 songs cost one commit, not 200.
  return database.sqlite.transaction(() =>
    enqueueMetadata(database, songsNeedingMetadata(database, songUuids, now), now),
  )();
}
