import type Database from 'better-sqlite3';
import type { Engine } from '../../../electron/engine/engine';

/**
 * A `.dump`-like text of a database: every table's rows (and the schema), each table's rows sorted, so two dumps
 * are equal exactly when the stored data is. Fuzzed input that is refused must leave it byte-identical.
 */
export function dumpDatabase(sqlite: Database.Database): string {
  const tables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string; sql: string }[];
  const lines: string[] = [];
  for (const { name, sql } of tables) {
    lines.push(sql);
    const rows = sqlite
      .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
      .raw()
      .all()
      .map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          Buffer.isBuffer(value) ? value.toString('hex') : value,
        ),
      );
    rows.sort();
    for (const row of rows) lines.push(`${name} ${row}`);
  }
  return lines.join('\n');
}

/**
 * The dump of an engine's database once its request counts are written: they are flushed on a timer
 * (USAGE_FLUSH_INTERVAL_MS), and a flush of requests made before a case must not pass for a change made by it.
 */
export function quietDump(engine: Engine): string {
  engine.usage.flush();
  return dumpDatabase(engine.database.sqlite);
}
