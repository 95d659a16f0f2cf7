import Database from 'better-sqlite3';
import { ChartSyncError } from '../../../shared/errors';

/** Waiting this long for a writer's lock beats failing the export on a momentary overlap. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * A read-only connection of its own holding one read transaction for the whole export: every row comes from
 * the same instant of the database (WAL gives a reader a snapshot), however long the export takes and whatever
 * a sync commits meanwhile on the engine's connection. Its statements may stay open across the export's yields
 * because nothing else uses this connection.
 */
export class ReadSnapshot {
  readonly connection: Database.Database;

  constructor(file: string) {
    if (file === ':memory:') {
      throw new ChartSyncError(
        'invalid_state',
        'An in-memory database cannot be exported: exports read a database file through a connection of their own.',
      );
    }
    this.connection = new Database(file, { readonly: true, fileMustExist: true });
    this.connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.connection.exec('BEGIN');
    // The snapshot is taken at the first read, not at BEGIN: read now, so counts and rows agree.
    this.connection.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  }

  close(): void {
    if (!this.connection.open) return;
    try {
      if (this.connection.inTransaction) this.connection.exec('COMMIT');
    } finally {
      this.connection.close();
    }
  }
}
