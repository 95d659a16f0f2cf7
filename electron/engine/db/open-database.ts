import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { ChartSyncError } from '../../../shared/errors';
import { prepareDataFolder } from './data-folder';
import { assertMigratable, loadMigrations, migrate, type MigrationOutcome } from './migrate';
import { DEFAULT_MIGRATIONS_FOLDER } from './migrations-folder';
import * as schema from './schema';
import { storageFailure } from './storage-errors';

export type AppSchema = typeof schema;
export type Db = BetterSQLite3Database<AppSchema>;

export type AppDatabase = {
  /** drizzle over the connection: every query that is not a hot path. */
  readonly db: Db;
  /** The raw connection, for prepared statements on hot paths and transactions. */
  readonly sqlite: Database.Database;
  readonly file: string;
  readonly migration: MigrationOutcome;
  close(): void;
};

export type OpenDatabaseOptions = {
  /** A file path, or ':memory:' for tests. */
  file: string;
  migrationsFolder?: string;
  now?: () => number;
};

/** Waiting this long for another connection's lock beats failing a sync on a momentary overlap. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) the app's database and brings its schema up to date. A file that is not a
 * SQLite database, belongs to something else or was written by a newer Chart Sync is refused with a clear
 * error and left exactly as it was.
 */
export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  const { file } = options;
  const inMemory = file === ':memory:';
  // A folder that cannot hold the database is said as such before SQLite reports it as a file it cannot open.
  if (!inMemory) prepareDataFolder(dirname(file));
  const existed = !inMemory && existsSync(file);

  const migrations = loadMigrations(options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER);
  // An existing file is inspected through a read-only connection first: one that must be refused (damaged,
  // foreign, too new, or made so by a journal of another database left beside it) is then never written to,
  // not even by the checkpoint a read-write connection makes as it closes, which would copy a foreign WAL in.
  if (existed) inspect(file, migrations.length);

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: false });
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    // Look before touching: a file that is damaged, foreign or too new is refused before any pragma writes to
    // it (switching to WAL rewrites the header).
    assertMigratable(sqlite, migrations.length, existed ? file : null);
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    const migration = migrate(sqlite, migrations, {
      file: existed ? file : null,
      now: options.now ?? Date.now,
    });
    const db = drizzle({ client: sqlite, schema });
    return { db, sqlite, file, migration, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    if (error instanceof ChartSyncError) throw error;
    throw unreadable(file, error);
  }
}

function inspect(file: string, known: number): void {
  let reader: Database.Database;
  try {
    reader = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    assertMigratable(reader, known, file);
  } catch (error) {
    throw withJournal(file, error instanceof ChartSyncError ? error : unreadable(file, error));
  } finally {
    reader.close();
  }
}

/** A refusal with a journal beside the file names it too: it may be another database's, left there. */
function withJournal(file: string, error: ChartSyncError): ChartSyncError {
  const journal = `${file}-wal`;
  if (error.code === 'database_too_new' || !existsSync(journal)) return error;
  return new ChartSyncError(
    error.code,
    `${error.message} If ${journal} came from another database (a backup restored without moving it away), ` +
      'move that journal away and start again.',
    { cause: error },
  );
}

function unreadable(file: string, cause: unknown): ChartSyncError {
  const storage = file === ':memory:' ? null : storageFailure(cause, file);
  if (storage) return storage;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ChartSyncError(
    'database_unreadable',
    `Chart Sync cannot open ${file}: ${reason}. The file was left untouched; restore a backup or choose another data folder.`,
    { cause },
  );
}
