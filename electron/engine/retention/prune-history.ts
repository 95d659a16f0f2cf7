import { RETENTION_BATCH_ROWS } from '../../../shared/domain/policies';
import type { PruneCounts } from '../../../shared/views/retention';
import type { AppDatabase } from '../db/open-database';
import { NO_COUNTS, PRUNE_TABLES, type PruneTable } from './prune-tables';

export type PruneOptions = {
  cutoffAt: number;
  dryRun: boolean;
  batchRows?: number;
  /** Checked between batches: a host shutting down stops after the batch in flight. */
  stopped?: () => boolean;
};

/**
 * Deletes what is older than the cutoff, table by table, in batches of at most `batchRows` rows, each batch its
 * own transaction, yielding to the event loop between batches so the UI and the syncs keep going while a year of
 * history goes. A dry run counts the same rows and deletes nothing.
 */
export async function pruneHistory(database: AppDatabase, options: PruneOptions): Promise<PruneCounts> {
  const counts = { ...NO_COUNTS };
  for (const table of PRUNE_TABLES) {
    if (options.dryRun) {
      countTable(database, table, options.cutoffAt, counts);
      continue;
    }
    const batch = batchDeleter(database, table, options.batchRows ?? RETENTION_BATCH_ROWS);
    for (;;) {
      if (options.stopped?.()) return counts;
      const removed = batch(options.cutoffAt, counts);
      if (removed < (options.batchRows ?? RETENTION_BATCH_ROWS)) break;
      await yieldToEventLoop();
    }
  }
  return counts;
}

function countTable(database: AppDatabase, table: PruneTable, cutoff: number, counts: PruneCounts): void {
  const rows = database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table.table} WHERE ${table.where}`);
  counts[table.key] += (rows.get({ cutoff }) as { n: number }).n;
  const { dependents } = table;
  if (!dependents) return;
  const owned = database.sqlite.prepare(
    `SELECT COUNT(*) AS n FROM ${dependents.table} WHERE ${dependents.column} IN
       (SELECT id FROM ${table.table} WHERE ${table.where})`,
  );
  counts[dependents.key] += (owned.get({ cutoff }) as { n: number }).n;
}

/** One batch: the ids of up to `limit` old rows, then their dependents and themselves, in one transaction. */
function batchDeleter(database: AppDatabase, table: PruneTable, limit: number) {
  const { sqlite } = database;
  const id = table.idColumn ?? 'id';
  const pick = sqlite
    .prepare(`SELECT ${id} FROM ${table.table} WHERE ${table.where} ORDER BY ${id} LIMIT @limit`)
    .pluck();
  const remove = sqlite.prepare(
    `DELETE FROM ${table.table} WHERE ${id} IN (SELECT value FROM json_each(@ids))`,
  );
  const { dependents } = table;
  const removeOwned = dependents
    ? sqlite.prepare(
        `DELETE FROM ${dependents.table} WHERE ${dependents.column} IN (SELECT value FROM json_each(@ids))`,
      )
    : null;
  return sqlite.transaction((cutoff: number, counts: PruneCounts): number => {
    const ids = JSON.stringify(pick.all({ cutoff, limit }));
    if (dependents && removeOwned) counts[dependents.key] += removeOwned.run({ ids }).changes;
    const removed = remove.run({ ids }).changes;
    counts[table.key] += removed;
    return removed;
  });
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
