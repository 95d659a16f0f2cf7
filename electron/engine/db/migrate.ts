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

/** Refuses, without writing anything, a file this version must not migrate: too new, or another program's. */
export function assertMigratable(sqlite: Database.Database, known: number, file: string | null): void {
  const version = schemaVersionOf(sqlite);
  if (version > known) {
    throw new ChartSyncError(
      'database_too_new',
      `The database ${file ?? ''} was written by a newer version of Chart Sync (schema ${version}; ` +
        `this version knows up to ${known}). Install the newer version; the file was left untouched.`,
    );
  }
  if (version === 0 && hasForeignTables(sqlite)) {
    throw new ChartSyncError(
      'database_unreadable',
      `${file ?? 'The database'} already holds tables that Chart Sync did not create. ` +
        'Choose another data folder; the file was left untouched.',
    );
  }
}

export function migrate(
  sqlite: Database.Database,
  migrations: MigrationMeta[],
  options: { file: string | null; now: () => number },
): MigrationOutcome {
  const known = migrations.length;
  assertMigratable(sqlite, known, options.file);
  const fromVersion = schemaVersionOf(sqlite);
  if (fromVersion === known) return { fromVersion, toVersion: known, backupFile: null };

  const backupFile =
    fromVersion > 0 && options.file ? backup(sqlite, options.file, fromVersion, options.now()) : null;

  // Table rebuilds need foreign keys off, and that pragma is ignored inside a transaction.
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (let version = fromVersion; version < known; version += 1) {
      const migration = migrations[version]!;
      // IMMEDIATE takes the write lock first: a second process upgrading the same file waits, then sees the
      // new version and skips what is already done.
      sqlite
        .transaction(() => {
          if (schemaVersionOf(sqlite) !== version) return;
          for (const statement of migration.sql) {
            if (statement.trim()) sqlite.exec(statement);
          }
          const violations = sqlite.pragma('foreign_key_check') as unknown[];
          if (violations.length > 0) {
            throw new Error(`migration ${version + 1} left ${violations.length} foreign key violations`);
          }
          sqlite.pragma(`user_version = ${version + 1}`);
        })
        .immediate();
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  // A migration that rebuilt a big table (0004: the ranking entries, a third of their old size) leaves the old
  // pages free inside the file: give them back to the disk once, now, rather than keep a file twice its data.
  // Only a saving: should another connection keep it from running, the database is as good without it.
  if (freeShare(sqlite) > VACUUM_WHEN_FREE_SHARE) {
    try {
      sqlite.exec('VACUUM');
    } catch {
      // Left for a later VACUUM; SQLite reuses the free pages meanwhile.
    }
  }
  return { fromVersion, toVersion: known, backupFile };
}

const VACUUM_WHEN_FREE_SHARE = 0.25;

function freeShare(sqlite: Database.Database): number {
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const free = sqlite.pragma('freelist_count', { simple: true }) as number;
  return pages === 0 ? 0 : free / pages;
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
