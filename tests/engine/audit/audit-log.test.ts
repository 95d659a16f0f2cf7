import { describe, expect, it } from 'vitest';
import { actAs } from '../../../electron/engine/audit/actor';
import { listAudit, pageAudit, recordAudit } from '../../../electron/engine/audit/audit-log';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { AUDIT_LIST_MAX_LIMIT } from '../../../shared/domain/policies';

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);

function seeded() {
  const database = openDatabase({ file: ':memory:', now: () => T0 });
  const chart = { chartId: 1, chartSlug: 'global-28', scheduleId: 7 };
  recordAudit(database, { action: 'schedule.created', result: 'ok', trigger: 'operator', ...chart }, T0);
  recordAudit(
    database,
    { action: 'execution.started', result: 'info', trigger: 'scheduled', executionId: 40, ...chart },
    T0 + 1_000,
  );
  recordAudit(
    database,
    {
      action: 'execution.failed',
      result: 'error',
      trigger: 'scheduled',
      executionId: 40,
      message: 'Soundcharts refused the credentials.',
      detail: { code: 'auth', failedPeriods: ['2026-01-09'] },
      ...chart,
    },
    T0 + 2_000,
  );
  recordAudit(
    database,
    { action: 'charts.discovered', result: 'ok', trigger: 'operator', detail: { created: 126 } },
    T0 + 2_000,
  );
  recordAudit(
    database,
    { action: 'execution.completed', result: 'ok', chartId: 2, chartSlug: 'us-weekly-7', scheduleId: 8 },
    T0 + 3_000,
  );
  return database;
}

describe('audit log', () => {
  it('records an entry and returns it as the UI shows it', () => {
    const database = openDatabase({ file: ':memory:' });
    const entry = recordAudit(
      database,
      {
        action: 'execution.retrying',
        result: 'info',
        chartId: 3,
        chartSlug: 'fr-monthly-3',
        scheduleId: 11,
        executionId: 99,
        trigger: 'manual',
        message: 'Retry 1 of 3 in 30 s.',
        detail: { retryCount: 1, nextAttemptAt: T0 + 30_000 },
      },
      T0,
    );
    expect(entry).toEqual({
      id: expect.any(Number),
      at: T0,
      action: 'execution.retrying',
      chartId: 3,
      chartSlug: 'fr-monthly-3',
      scheduleId: 11,
      executionId: 99,
      trigger: 'manual',
      actor: 'scheduler',
      result: 'info',
      message: 'Retry 1 of 3 in 30 s.',
      detail: { retryCount: 1, nextAttemptAt: T0 + 30_000 },
    });
    expect(listAudit(database)).toEqual([entry]);
  });

  it('lists newest first, filtered by chart, schedule and time, with a bounded limit', () => {
    const database = seeded();
    expect(listAudit(database).map((entry) => entry.action)).toEqual([
      'execution.completed',
      'charts.discovered',
      'execution.failed',
      'execution.started',
      'schedule.created',
    ]);
    expect(listAudit(database, { chartId: 1 }).map((entry) => entry.action)).toEqual([
      'execution.failed',
      'execution.started',
      'schedule.created',
    ]);
    expect(listAudit(database, { scheduleId: 8 }).map((entry) => entry.chartSlug)).toEqual(['us-weekly-7']);
    expect(listAudit(database, { chartId: 1, since: T0 + 1_000 })).toHaveLength(2);
    expect(listAudit(database, { limit: 2 }).map((entry) => entry.at)).toEqual([T0 + 3_000, T0 + 2_000]);
    expect(listAudit(database, { limit: 0 })).toHaveLength(1);
    expect(listAudit(database, { limit: AUDIT_LIST_MAX_LIMIT * 10 })).toHaveLength(5);
    const failed = listAudit(database, { chartId: 1 })[0]!;
    expect(failed).toMatchObject({
      result: 'error',
      executionId: 40,
      message: 'Soundcharts refused the credentials.',
      detail: { code: 'auth', failedPeriods: ['2026-01-09'] },
    });
  });

  it('outlives what it describes: entries need no chart, schedule or execution to exist', () => {
    const database = seeded();
    // None of charts 1 and 2, schedules 7 and 8 or execution 40 exist in this database.
    expect(database.sqlite.prepare('SELECT COUNT(*) AS n FROM charts').get()).toEqual({ n: 0 });
    expect(listAudit(database)).toHaveLength(5);
  });

  it('filters by action and a date range, pages, and counts what matches', () => {
    const database = seeded();
    expect(pageAudit(database, { action: 'execution.failed' }).items.map((e) => e.executionId)).toEqual([40]);
    const range = pageAudit(database, { since: T0 + 1_000, until: T0 + 3_000 });
    expect(range.items.map((e) => e.action)).toEqual([
      'charts.discovered',
      'execution.failed',
      'execution.started',
    ]);
    expect(range.total).toBe(3);
    const second = pageAudit(database, { limit: 2, offset: 2 });
    expect(second.items.map((e) => e.action)).toEqual(['execution.failed', 'execution.started']);
    expect(second.total).toBe(5);
  });

  it.each(['ui', 'rest', 'cli', 'scheduler'] as const)(
    'records the actor %s acting at the time',
    async (actor) => {
      const database = openDatabase({ file: ':memory:' });
      // Through an await, as a transport's dispatch is.
      await actAs(actor, async () => {
        await Promise.resolve();
        recordAudit(database, { action: 'schedule.updated', result: 'ok' }, T0);
      });
      expect(listAudit(database)[0]!.actor).toBe(actor);
    },
  );

  it('reads a damaged detail as raw text instead of failing the whole list', () => {
    const database = seeded();
    database.sqlite
      .prepare("UPDATE audit_log SET detail_json = '{oops' WHERE action = 'charts.discovered'")
      .run();
    expect(listAudit(database, { limit: 2 })[1]!.detail).toEqual({ raw: '{oops' });
  });
});
