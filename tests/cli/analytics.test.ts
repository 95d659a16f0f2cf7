import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_DATABASE_FILE_NAME } from '../../electron/engine/host';
import type { AnalyticsView, QuotaPlanView } from '../../shared/views/analytics';
import { useCli } from './run-cli';

/** A daily emulator chart the demo does not schedule. */
const CHART = 'global-100';

describe('chart-sync analytics and quota', () => {
  const { cli, dataDir } = useCli();

  const sql = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(join(dataDir(), DEMO_DATABASE_FILE_NAME));
    try {
      return work(db);
    } finally {
      db.close();
    }
  };

  // Seven commands, each opening the demo: a budget for a busy machine, not a timing assertion.
  it(
    "reports a sync's requests (metered when the CLI exits) per day, and the quota plan",
    { timeout: 120_000 },
    async () => {
      // Without metadata: the sync's requests are all ranking requests, and the test stays quick.
      expect(
        (await cli('schedules', 'add', CHART, '--paused', '--history-days', '3', '--no-metadata')).code,
      ).toBe(0);
      expect((await cli('sync', CHART)).code).toBe(0);
      const made = sql((db) =>
        db.prepare('SELECT SUM(requests_made) AS n FROM chart_sync_executions').get(),
      ) as { n: number };
      expect(made.n).toBeGreaterThan(0);

      const json = await cli('analytics', '--json', '--tz', 'UTC');
      expect(json.code).toBe(0);
      const view = JSON.parse(json.stdout) as AnalyticsView;
      expect(view.days).toHaveLength(30);
      expect(view.timeZone).toBe('UTC');
      expect(view.totals.executions).toBeGreaterThanOrEqual(1);
      const today = view.days.at(-1)!;
      expect(today.completed).toBeGreaterThanOrEqual(1);
      // What the sync workers sent is what the executions say they sent.
      expect(today.requestsByKind.ranking).toBe(made.n);
      // The catalogue import of the demo (chart lists) is metered too.
      expect(today.requestsByKind.chart_list).toBeGreaterThan(0);
      expect(view.freshness.map((f) => f.slug)).toContain(CHART);

      const text = await cli('analytics', '--from', view.days[0]!.day, '--to', today.day, '--tz', 'UTC');
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(
        /^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(UTC\): \d+ executions, success \d+ %/,
      );
      expect(text.stdout).toMatch(
        /^day +ok +failed +cancelled +interrupted +success +median +p95 +requests +quota left$/m,
      );
      expect(text.stdout).toContain(`Top Songs`);

      const plan = JSON.parse((await cli('quota', '--json')).stdout) as QuotaPlanView;
      expect(plan.quota.limit).toBeGreaterThan(0);
      expect(plan.quota.remaining).toBeGreaterThan(0);
      const own = plan.schedules.find((s) => s.slug === CHART)!;
      // Its only run filled the history window: not what a routine run costs, so the plan still estimates it.
      expect(own).toMatchObject({ active: false, runsPerMonth: 0, perMonth: 0, basis: 'estimate' });
      expect(plan.cycle.daysLeft).toBeGreaterThan(0);
      const quota = await cli('quota');
      expect(quota.code).toBe(0);
      expect(quota.stdout).toMatch(/^Quota: [\d,]+ requests left of [\d,]+/);
      expect(quota.stdout).toMatch(/^chart +runs\/month +requests\/run +metadata\/month +per month +basis$/m);
      expect(quota.stdout).toMatch(/^Projected: [\d,]+ requests a month$/m);
      expect(quota.stdout).toMatch(/^Enough: /m);
    },
  );

  it('quota with credentials and an API that does not answer: one line, no stack trace', async () => {
    // Found by tests/chaos/fuzz-cli.test.ts: the plan's refresh failed in the background and the engine's
    // default report printed the NetworkError with its stack on stderr.
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
    });
    try {
      const result = await cli(
        '--api-url',
        'http://127.0.0.1:9',
        '--app-id',
        'a',
        '--api-key',
        'abcdefgh1234',
        'quota',
      );
      const stderr = result.stderr + printed.join('\n');
      expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      for (const line of printed) expect(line.split('\n')).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('takes the billing cycle day as a setting', async () => {
    const set = await cli('settings', 'set', '--billing-cycle-day', '15');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Billing cycle starts on day 15 of the month');
    const plan = JSON.parse((await cli('quota', '--json')).stdout) as QuotaPlanView;
    expect(new Date(plan.cycle.start).getUTCDate()).toBe(15);
  });

  it.each([
    { args: ['analytics', '--from', '2026-13-01'], message: /from: Expected .*"2026-13-01"/ },
    { args: ['analytics', '--tz', 'Mars/Base'], message: /Unknown time zone "Mars\/Base"/ },
    {
      args: ['analytics', '--from', '2026-03-10', '--to', '2026-03-01'],
      message: /start date must be before the end date/,
    },
    { args: ['analytics', '--from', '2024-01-01', '--to', '2026-01-01'], message: /at most 366 days/ },
    {
      args: ['settings', 'set', '--billing-cycle-day', '31'],
      message: /billing cycle day is between 1 and 28/,
    },
  ])('refuses $args', async ({ args, message }) => {
    const result = await cli(...args);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });
});
