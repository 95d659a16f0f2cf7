import { basename, dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { ChartSyncError } from '../../../shared/errors';

/**
 * Applies drizzle-kit's SQL migrations, numbering the schema with SQLite's user_version (as Signal Desktop
 * does) rather than drizzle's own migrator, because the app must look before it leaps: refuse a file written
 * by a newer version, and back the file up before the first statement changes it.
 */
export type MigrationOutcome = {
  fromVersion: number;
  toVersion: number;
  backupFile: string | null;
};

export function loadMigrations(folder: string): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: folder });
}

export function schemaVersionOf(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

export function migrate(
  sqlite: Database.Database,
  migrations: MigrationMeta[],
  options: { file: string | null; now: () => number },
): MigrationOutcome {
  const fromVersion = schemaVersionOf(sqlite);
  const known = migrations.length;
  if (fromVersion > known) {
    throw new ChartSyncError(
      'database_too_new',
      `The database ${options.file ?? ''} was written by a newer version of Chart Sync (schema ${fromVersion}; ` +
        `this version knows up to ${known}). Install the newer version; the file was left untouched.`,
    );
  }
  if (fromVersion === 0 && hasForeignTables(sqlite)) {
    throw new ChartSyncError(
      'database_unreadable',
      `${options.file ?? 'The database'} already holds tables that Chart Sync did not create. ` +
        'Choose another data folder; the file was left untouched.',
    );
  }
  if (fromVersion === known) return { fromVersion, toVersion: known, backupFile: null };

  const backupFile =
    fromVersion > 0 && options.file ? backup(sqlite, options.file, fromVersion, options.now()) : null;

  // Table rebuilds need foreign keys off, and that pragma is ignored inside a transaction.
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (let version = fromVersion; version < known; version += 1) {
      const migration = migrations[version]!;
      sqlite.transaction(() => {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement);
        }
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new Error(`migration ${version + 1} left ${violations.length} foreign key violations`);
        }
        sqlite.pragma(`user_version = ${version + 1}`);
      })();
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { fromVersion, toVersion: known, backupFile };
}

function hasForeignTables(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}

/** A consistent copy beside the database, named for the schema it holds and when it was taken. */
function backup(sqlite: Database.Database, file: string, version: number, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  const extension = extname(file) || '.sqlite';
  const target = join(
    dirname(file),
    `${basename(file, extname(file))}.v${version}-backup-${stamp}${extension}`,
  );
  // VACUUM INTO writes a transactionally consistent snapshot, WAL contents included.
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}
