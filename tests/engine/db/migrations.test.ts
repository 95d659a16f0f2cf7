import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersionOf } from '../../../electron/engine/db/migrate';
import { DEFAULT_MIGRATIONS_FOLDER } from '../../../electron/engine/db/migrations-folder';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { ChartSyncError } from '../../../shared/errors';
import { useTempDir } from '../../support/database';

const MIGRATIONS = loadMigrations(DEFAULT_MIGRATIONS_FOLDER);
const LATEST = MIGRATIONS.length;
const NOW = Date.UTC(2026, 10, 23, 12);

const EXPECTED_TABLES = [
  'alerts',
  'api_usage_hourly',
  'audit_log',
  'chart_ranking_entries',
  'chart_rankings',
  'chart_sync_executions',
  'chart_sync_schedules',
  'charts',
  'data_exports',
  'quota_samples',
  'sequences',
  'settings',
  'song_audience',
  'songs',
  'task_queue',
  'webhook_deliveries',
  'webhook_delivery_attempts',
  'webhooks',
];

const tablesOf = (sqlite: Database.Database) =>
  (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A database file brought to `version` with the real migrations, as an older Chart Sync left it. */
function databaseAtVersion(file: string, version: number): void {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  migrate(sqlite, MIGRATIONS.slice(0, version), { file: null, now: () => NOW });
  sqlite.exec(
    "INSERT INTO charts (slug, name, platform, frequency, country_code, country_name) VALUES ('global-28', 'Top Songs', 'spotify', 'daily', '', 'Worldwide')",
  );
  sqlite.close();
}

function expectRefusal(action: () => unknown, code: string, text: RegExp): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ChartSyncError);
    expect((error as ChartSyncError).code).toBe(code);
    expect((error as ChartSyncError).message).toMatch(text);
    return;
  }
  throw new Error('expected the database to be refused');
}

describe('migrations', () => {
  const tempDir = useTempDir();

  it('has at least two committed migrations, so upgrades from a previous version are exercised', () => {
    expect(LATEST).toBeGreaterThanOrEqual(2);
  });

  it('creates every table on an empty database and numbers the schema', () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    const database = openDatabase({ file, now: () => NOW });
    expect(tablesOf(database.sqlite)).toEqual(EXPECTED_TABLES);
    expect(schemaVersionOf(database.sqlite)).toBe(LATEST);
    expect(database.migration).toEqual({ fromVersion: 0, toVersion: LATEST, backupFile: null });
    database.close();
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const database = openDatabase({ file: join(tempDir(), 'db.sqlite'), now: () => NOW });
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    database.close();
  });

  it.each(MIGRATIONS.map((_, index) => index + 1))(
    'migration %i applies on top of its predecessor and reopening is a no-op',
    (version) => {
      const file = join(tempDir(), 'db.sqlite');
      const sqlite = new Database(file);
      migrate(sqlite, MIGRATIONS.slice(0, version - 1), { file: null, now: () => NOW });
      const outcome = migrate(sqlite, MIGRATIONS.slice(0, version), { file, now: () => NOW });
      expect(outcome.toVersion).toBe(version);
      expect(migrate(sqlite, MIGRATIONS.slice(0, version), { file, now: () => NOW })).toEqual({
        fromVersion: version,
        toVersion: version,
        backupFile: null,
      });
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      sqlite.close();
    },
  );

  it('upgrades a database of the previous version, keeping its data and a backup taken before the change', () => {
    const dir = tempDir();
    const file = join(dir, 'chart-sync.sqlite');
    databaseAtVersion(file, LATEST - 1);

    const database = openDatabase({ file, now: () => NOW });
    expect(database.migration.fromVersion).toBe(LATEST - 1);
    expect(database.migration.toVersion).toBe(LATEST);
    expect(tablesOf(database.sqlite)).toEqual(EXPECTED_TABLES);
    expect(database.sqlite.prepare('SELECT slug FROM charts').all()).toEqual([{ slug: 'global-28' }]);
    database.close();

    const backupFile = database.migration.backupFile;
    expect(backupFile).toBe(join(dir, `chart-sync.v${LATEST - 1}-backup-20261123T120000000Z.sqlite`));
    const backup = new Database(backupFile!, { readonly: true });
    expect(schemaVersionOf(backup)).toBe(LATEST - 1);
    expect(backup.prepare('SELECT slug FROM charts').all()).toEqual([{ slug: 'global-28' }]);
    backup.close();
  });

  it('migration 3 gives each execution its chart, and deleting a schedule then keeps its executions', () => {
    const sqlite = new Database(join(tempDir(), 'db.sqlite'));
    migrate(sqlite, MIGRATIONS.slice(0, 2), { file: null, now: () => NOW });
    sqlite.exec(`
      INSERT INTO charts (id, slug, name, platform, frequency) VALUES (7, 'global-28', 'Top Songs', 'spotify', 'daily');
      INSERT INTO chart_sync_schedules (id, chart_id, sync_frequency, anchor_at) VALUES (3, 7, 'daily', 0);
      INSERT INTO chart_sync_executions (id, schedule_id, status, trigger) VALUES (11, 3, 'failed', 'scheduled');
      INSERT INTO chart_sync_executions (id, schedule_id, status, trigger) VALUES (12, 3, 'completed', 'manual');
    `);
    migrate(sqlite, MIGRATIONS.slice(0, 3), { file: null, now: () => NOW });
    sqlite.pragma('foreign_keys = ON');
    const executions = () =>
      sqlite.prepare('SELECT id, schedule_id, chart_id, status FROM chart_sync_executions ORDER BY id').all();
    expect(executions()).toEqual([
      { id: 11, schedule_id: 3, chart_id: 7, status: 'failed' },
      { id: 12, schedule_id: 3, chart_id: 7, status: 'completed' },
    ]);
    sqlite.exec('DELETE FROM chart_sync_schedules WHERE id = 3');
    expect(executions()).toEqual([
      { id: 11, schedule_id: null, chart_id: 7, status: 'failed' },
      { id: 12, schedule_id: null, chart_id: 7, status: 'completed' },
    ]);
    sqlite.close();
  });

  it('takes no backup when nothing changes', () => {
    const dir = tempDir();
    const file = join(dir, 'chart-sync.sqlite');
    openDatabase({ file, now: () => NOW }).close();
    const again = openDatabase({ file, now: () => NOW });
    expect(again.migration.backupFile).toBeNull();
    again.close();
    expect(readdirSync(dir).filter((name) => name.includes('backup'))).toEqual([]);
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    // A rollback-journal file: switching it to WAL would rewrite its header, so this proves nothing was written.
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_table (id INTEGER PRIMARY KEY)');
    raw.pragma(`user_version = ${LATEST + 1}`);
    raw.close();
    const before = digest(file);
    expectRefusal(
      () => openDatabase({ file, now: () => NOW }),
      'database_too_new',
      /newer version of Chart Sync/,
    );
    expect(digest(file)).toBe(before);
  });

  it('refuses a damaged file and leaves its bytes as they were', () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    writeFileSync(file, Buffer.from('this is not a database, but it is someone\u2019s file '.repeat(200)));
    const before = digest(file);
    expectRefusal(
      () => openDatabase({ file, now: () => NOW }),
      'database_unreadable',
      /cannot open .*untouched/,
    );
    expect(digest(file)).toBe(before);
  });

  it('refuses a SQLite file that belongs to another program', () => {
    const file = join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)');
    other.close();
    const before = digest(file);
    expectRefusal(() => openDatabase({ file, now: () => NOW }), 'database_unreadable', /did not create/);
    expect(digest(file)).toBe(before);
  });

  it('rolls a failing migration back, keeping the previous version, its data and the backup', () => {
    const dir = tempDir();
    const folder = join(dir, 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
      entries: { idx: number; when: number; tag: string; breakpoints: boolean }[];
    };
    journal.entries.push({ idx: LATEST, when: NOW, tag: '9999_broken', breakpoints: true });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(
      join(folder, '9999_broken.sql'),
      'ALTER TABLE charts ADD COLUMN doomed text;\n--> statement-breakpoint\nTHIS IS NOT SQL;',
    );
    const file = join(dir, 'chart-sync.sqlite');
    databaseAtVersion(file, LATEST);

    expectRefusal(
      () => openDatabase({ file, migrationsFolder: folder, now: () => NOW }),
      'database_unreadable',
      /cannot open/,
    );

    const after = new Database(file, { readonly: true });
    expect(schemaVersionOf(after)).toBe(LATEST);
    const columns = (after.prepare('PRAGMA table_info(charts)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).not.toContain('doomed');
    expect(after.prepare('SELECT count(*) AS n FROM charts').get()).toEqual({ n: 1 });
    after.close();
    expect(readdirSync(dir).some((name) => name.includes(`v${LATEST}-backup`))).toBe(true);
  });

  it('ships every migration the journal names', () => {
    for (const migration of MIGRATIONS) expect(migration.sql.join('').trim().length).toBeGreaterThan(0);
    expect(existsSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'))).toBe(true);
  });
});
