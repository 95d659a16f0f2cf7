import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DATABASE_FILE_NAME } from '../../electron/engine/host';
import type { AuditPage } from '../../shared/views/audit-entry';
import type { PruneSummary } from '../../shared/views/retention';
import { useCli } from './run-cli';

/** A daily emulator chart the demo does not schedule. */
const CHART = 'global-100';

describe('chart-sync audit and prune', () => {
  const { cli, dataDir } = useCli();

  /** Runs SQL on the CLI's demo database between commands. */
  const sql = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(join(dataDir(), DEMO_DATABASE_FILE_NAME));
    try {
      return work(db);
    } finally {
      db.close();
    }
  };

  it('lists what the CLI did, as the cli actor, filtered by chart and action, with what changed', async () => {
    expect((await cli('schedules', 'add', CHART, '--paused', '--history-days', '3')).code).toBe(0);
    expect((await cli('schedules', 'remove', CHART)).code).toBe(0);
    const page = JSON.parse((await cli('audit', '--chart', CHART, '--json')).stdout) as AuditPage;
    expect(page.items.map((e) => [e.action, e.actor, e.chartSlug])).toEqual([
      ['schedule.deleted', 'cli', CHART],
      ['schedule.created', 'cli', CHART],
    ]);
    expect(page.items[1]!.detail).toMatchObject({ settings: { isActive: false, historyWindowDays: 3 } });

    const table = await cli('audit', '--action', 'schedule.deleted');
    expect(table.stdout.split('\n')[0]).toMatch(/^time +actor +action +chart +result +details$/);
    expect(table.stdout).toMatch(new RegExp(`cli +schedule\\.deleted +${CHART} +ok`));
    expect(table.stdout).not.toContain('schedule.created');
  });

  it('refuses an unknown action, a bad date and a bad limit with the contract’s words', async () => {
    const action = await cli('audit', '--action', 'schedule.exploded');
    expect(action.code).toBe(1);
    expect(action.stderr).toMatch(/Unknown action "schedule\.exploded"; the actions are schedule\.created/);
    const since = await cli('audit', '--since', 'last tuesday');
    expect(since.code).toBe(1);
    expect(since.stderr).toMatch(/--since: expected an ISO 8601 time with its offset .* or a date/);
    expect((await cli('audit', '--limit', '0')).code).toBe(1);
  });

  it('prune --dry-run counts and changes nothing; prune removes and records it', async () => {
    expect((await cli('status')).code).toBe(0);
    // Two entries from 1970, far outside the default 365 days.
    sql((db) =>
      db
        .prepare(
          "INSERT INTO audit_log (at, action, result) VALUES (1000, 'schedule.updated', 'ok'), (2000, 'schedule.paused', 'ok')",
        )
        .run(),
    );
    const count = () =>
      sql((db) => (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n);
    const before = count();

    const dry = await cli('prune', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.stdout) as PruneSummary).counts).toMatchObject({ auditEntries: 2, executions: 0 });
    expect(count()).toBe(before);

    const text = await cli('prune', '--dry-run');
    expect(text.stdout).toMatch(
      /^Would remove history older than 365 days \(before \d{4}-\d\d-\d\d \d\d:\d\d\):/,
    );
    expect(text.stdout).toMatch(/audit entries +2/);
    expect(text.stdout).toContain('Nothing was removed (dry run)');

    const real = await cli('prune');
    expect(real.stdout).toMatch(/^Removed history older than 365 days/);
    expect(real.stdout).toMatch(/audit entries +2/);
    expect(count()).toBe(before - 2 + 1);
    const last = JSON.parse(
      (await cli('audit', '--action', 'retention.pruned', '--json')).stdout,
    ) as AuditPage;
    expect(last.items[0]).toMatchObject({ actor: 'cli', detail: { auditEntries: 2 } });
  });
});
