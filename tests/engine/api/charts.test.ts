import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { upsertCharts, type ChartRecord } from '../../../electron/engine/db/queries/charts';
import { Engine } from '../../../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../../../electron/engine/soundcharts';
import { compareChartsByName } from '../../../shared/domain/chart-order';
import { DAY_MS } from '../../../shared/domain/policies';
import type { BulkResult } from '../../../shared/views/bulk-result';
import { chartsOf, eventNames, useApi } from './setup';

const start = useApi();

const errorCodes = (result: BulkResult) => result.results.map((r) => (r.ok ? 'ok' : r.error.code));
const outcomes = (result: BulkResult) => result.results.map((r) => r.outcome);

describe('charts/list', () => {
  it('gives some rows only: charts by id and charts of schedules, the same rows as the whole list', async () => {
    const api = await start();
    const [first, second, third] = chartsOf(api, 'monthly');
    const schedule = (await api.ok('schedules/create', { chartId: second!, isActive: false })).schedule;
    await api.ok('schedules/create', { chartId: third! });
    const whole = new Map((await api.ok('charts/list', {})).map((c) => [c.id, c]));

    const some = await api.ok('charts/list', { chartIds: [first!, 999_999], scheduleIds: [schedule.id] });
    expect(some.map((c) => c.id).sort((a, b) => a - b)).toEqual([first!, second!].sort((a, b) => a - b));
    for (const chart of some) expect(chart).toEqual(whole.get(chart.id));
    expect(await api.ok('charts/list', { chartIds: [], scheduleIds: [] })).toEqual([]);
  });

  it('gives the first charts in the Charts screen’s order (name as people read it, then id)', async () => {
    const api = await start();
    const whole = await api.ok('charts/list', {});
    const byName = [...whole].sort(compareChartsByName);
    const first = await api.ok('charts/list', { first: 3 });
    expect(first).toEqual(byName.slice(0, 3));
    expect(await api.ok('charts/list', { first: 1_000 })).toEqual(byName);
    const refused = await dispatch(api.engine.handlers, 'charts/list', { first: 3, chartIds: [1] });
    expect(refused.ok).toBe(false);
  });

  it('lists every chart sorted by platform then name, with its place in the schedule', async () => {
    const api = await start();
    const [active, paused, late] = chartsOf(api, 'monthly');
    await api.ok('schedules/create', { chartId: active! });
    const pausedSchedule = (await api.ok('schedules/create', { chartId: paused!, isActive: false })).schedule;
    const lateSchedule = (await api.ok('schedules/create', { chartId: late!, syncFrequency: 'daily' }))
      .schedule;
    // Two whole daily intervals later the daily schedule is overdue; the monthly ones are not due yet.
    api.clock.advance(3 * DAY_MS);

    const list = await api.ok('charts/list', {});
    expect(list).toHaveLength(api.engine.database.sqlite.prepare('SELECT id FROM charts').all().length);
    const sorted = [...list].sort(
      (a, b) =>
        a.platform.localeCompare(b.platform, 'en') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    expect(list.map((c) => [c.platform, c.name])).toEqual(sorted.map((c) => [c.platform, c.name]));

    const byId = new Map(list.map((c) => [c.id, c]));
    expect(byId.get(active!)).toMatchObject({
      syncStatus: 'active',
      health: 'never_synced',
      healthReason: 'Not synced yet: the first sync runs at its next slot.',
      lastSyncAt: null,
    });
    expect(byId.get(paused!)).toMatchObject({
      syncStatus: 'inactive',
      health: 'paused',
      scheduleId: pausedSchedule.id,
      nextSyncAt: pausedSchedule.nextSyncAt,
    });
    expect(byId.get(late!)).toMatchObject({
      syncStatus: 'overdue',
      health: 'overdue',
      scheduleId: lateSchedule.id,
    });
    // One rule: the list says what the schedule's own view says.
    for (const id of [active!, paused!, late!]) {
      const view = await api.ok('charts/sync-status', { chartId: id });
      expect([byId.get(id)!.health, byId.get(id)!.healthReason, byId.get(id)!.syncStatus]).toEqual([
        view.health,
        view.healthReason,
        view.syncStatus,
      ]);
    }
    const unscheduled = list.filter((c) => c.scheduleId === null);
    expect(unscheduled).toHaveLength(list.length - 3);
    expect(
      unscheduled.every(
        (c) => c.syncStatus === 'not_scheduled' && c.health === null && c.nextSyncAt === null,
      ),
    ).toBe(true);
    expect(Object.keys(list[0]!).sort()).toEqual(
      [
        'id',
        'slug',
        'name',
        'platform',
        'frequency',
        'countryCode',
        'countryName',
        'syncStatus',
        'health',
        'healthReason',
        'scheduleId',
        'lastSyncAt',
        'nextSyncAt',
        'hasExecutions',
      ].sort(),
    );
    expect(list.some((c) => c.hasExecutions)).toBe(false);
  });

  it('says which charts have execution history, also once their schedule is deleted', async () => {
    const api = await start();
    const [kept, never] = chartsOf(api, 'monthly');
    const { schedule } = await api.ok('schedules/create', { chartId: kept! });
    api.engine.executions.cancel(api.engine.executions.start(schedule.id, 'manual').id);
    await api.ok('schedules/delete', { ids: [schedule.id] });
    const byId = new Map((await api.ok('charts/list', {})).map((c) => [c.id, c]));
    expect(byId.get(kept!)).toMatchObject({ scheduleId: null, hasExecutions: true });
    expect(byId.get(never!)).toMatchObject({ scheduleId: null, hasExecutions: false });
  });

  it('answers for 10,000 charts in one query', async () => {
    const api = await start();
    const records: ChartRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
      slug: `bulk-${i}`,
      name: `Chart ${String(10_000 - i).padStart(5, '0')}`,
      platform: 'zz-bulk',
      frequency: 'daily',
      countryCode: '',
      countryName: 'Worldwide',
    }));
    upsertCharts(api.engine.database, records);
    // Scheduled charts with several runs each: their health comes from the same single query.
    const { sqlite } = api.engine.database;
    const bulkIds = sqlite
      .prepare("SELECT id FROM charts WHERE platform = 'zz-bulk' ORDER BY id LIMIT 300")
      .pluck();
    const insertRun = sqlite.prepare(
      "INSERT INTO chart_sync_executions (schedule_id, chart_id, status, trigger, created_at, updated_at) VALUES (?, ?, ?, 'manual', ?, ?)",
    );
    sqlite.transaction(() => {
      for (const chartId of bulkIds.all() as number[]) {
        const { schedule } = api.engine.schedules.create({ chartId });
        const at = api.clock.now();
        for (const status of ['completed', 'completed', 'failed', 'cancelled']) {
          insertRun.run(schedule.id, chartId, status, at, at);
        }
      }
    })();
    const prepare = api.engine.database.sqlite.prepare.bind(api.engine.database.sqlite);
    let statements = 0;
    api.engine.database.sqlite.prepare = ((source: string) => {
      statements += 1;
      return prepare(source);
    }) as typeof api.engine.database.sqlite.prepare;
    const list = await api.ok('charts/list', {});
    api.engine.database.sqlite.prepare = prepare;
    expect(statements).toBeLessThanOrEqual(1);
    expect(list.length).toBeGreaterThan(10_000);
    const bulk = list.filter((c) => c.platform === 'zz-bulk');
    expect(bulk[0]!.name).toBe('Chart 00001');
    expect(bulk.at(-1)!.name).toBe('Chart 10000');
    expect(bulk.filter((c) => c.health === 'failing')).toHaveLength(300);
    expect(bulk.filter((c) => c.health === null)).toHaveLength(10_000 - 300);
  });
});

describe('charts/discover', () => {
  it('imports the catalogue again, updating in place, and tells the UI', async () => {
    const api = await start();
    const before = await api.ok('charts/list', {});
    const summary = await api.ok('charts/discover', {});
    expect(summary).toMatchObject({
      platforms: 21,
      charts: before.length,
      created: 0,
      updated: before.length,
    });
    expect(api.events).toContainEqual({
      name: 'charts/updated',
      payload: { created: 0, updated: before.length },
    });
  });

  it('says what Soundcharts refused or why it could not answer, instead of an unexpected error', async () => {
    const offline = new Engine({
      database: openDatabase({ file: ':memory:' }),
      version: 'test',
      // Nothing listens on the discard port: the network error is named, not hidden.
      connection: {
        baseUrl: 'http://127.0.0.1:9',
        credentials: SANDBOX_CREDENTIALS,
        timeoutMs: 500,
        retryPolicy: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, factor: 2 },
      },
    });
    try {
      const result = await dispatch(offline.handlers, 'charts/discover', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'soundcharts_error' } });
      expect(!result.ok && result.error.message).toMatch(/^The chart catalogue could not be imported: \S/);
    } finally {
      await offline.close();
    }
  });
});

describe('charts/discover when the engine closes', () => {
  it('stops at once, instead of holding the process until its requests time out', async () => {
    const api = await start();
    // Soundcharts never answers: only the client's timeout (and retries) would end the import.
    api.emulator.faults.configure({ timeout: { probability: 1 } });
    const importing = dispatch(api.engine.handlers, 'charts/discover', {});
    await api.engine.close();
    expect(await importing).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', message: expect.stringMatching(/^Chart Sync is stopping/) },
    });
  });
});

describe('charts/sync-status', () => {
  it('gives the chart, its status, its schedule and its latest execution', async () => {
    const api = await start();
    const chartId = chartsOf(api, 'monthly')[0]!;
    expect(await api.ok('charts/sync-status', { chartId })).toMatchObject({
      chart: { id: chartId },
      syncStatus: 'not_scheduled',
      schedule: null,
      latestExecution: null,
    });
    await api.ok('charts/sync-now', { chartIds: [chartId] });
    await api.engine.scheduler.idle();
    const status = await api.ok('charts/sync-status', { chartId });
    expect(status).toMatchObject({
      syncStatus: 'inactive',
      schedule: { isActive: false, chart: { id: chartId } },
      latestExecution: { status: 'completed', trigger: 'manual' },
    });
    expect(await api.fail('charts/sync-status', { chartId: 999_999 })).toEqual({
      code: 'not_found',
      message: 'Chart 999999 does not exist.',
    });
  });
});

describe('charts/sync-status by reference', () => {
  it('finds the chart by its id or its slug, as the operator names it', async () => {
    const api = await start();
    const chartId = chartsOf(api, 'monthly')[0]!;
    const { chart } = await api.ok('charts/sync-status', { chartId });
    expect(await api.ok('charts/sync-status', { chart: chart.slug })).toMatchObject({
      chart: { id: chartId },
    });
    expect(await api.ok('charts/sync-status', { chart: ` ${chartId} ` })).toMatchObject({
      chart: { id: chartId },
    });
    expect(await api.fail('charts/sync-status', { chart: 'no-such-chart' })).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^No chart has the id or slug "no-such-chart"/),
    });
    expect(await api.fail('charts/sync-status', {})).toMatchObject({
      code: 'invalid_input',
      fields: { chartId: "Give the chart's id." },
    });
    expect(await api.fail('charts/sync-status', { chartId, chart: chart.slug })).toMatchObject({
      code: 'invalid_input',
      fields: { chart: expect.any(String) },
    });
  });
});

describe('charts/add-to-schedule', () => {
  it('schedules each chart on its own frequency and reports every failure without stopping', async () => {
    const api = await start();
    const [weekly] = chartsOf(api, 'weekly');
    const [monthly, alreadyScheduled] = chartsOf(api, 'monthly');
    await api.ok('schedules/create', { chartId: alreadyScheduled! });
    api.events.length = 0;

    const result = await api.ok('charts/add-to-schedule', {
      chartIds: [alreadyScheduled!, 999_999, weekly!, monthly!, weekly!],
    });
    // Duplicated ids count once.
    expect(result.results.map((r) => r.id)).toEqual([alreadyScheduled, 999_999, weekly, monthly]);
    expect(errorCodes(result)).toEqual(['schedule_exists', 'not_found', 'ok', 'ok']);
    // A chart already scheduled is skipped (nothing to do), not failed; each item is named beyond its title.
    expect(outcomes(result)).toEqual(['skipped', 'failed', 'done', 'done']);
    expect(result).toMatchObject({ succeeded: 2, skipped: 1, failed: 1 });
    const chart = (id: number) => api.engine.schedules.getByChart(id)!.chart;
    const scheduled = chart(alreadyScheduled!);
    expect(result.results[0]!.label).toBe(
      `${scheduled.name} · ${scheduled.platform} · ${scheduled.countryCode || 'Worldwide'} (${scheduled.slug})`,
    );
    expect(result.results[1]!.label).toBe('chart 999999');
    expect(result.results[2]!.label).toContain(`(${chart(weekly!).slug})`);
    const failure = result.results[0]!;
    expect(!failure.ok && failure.error.message).toMatch(
      /already has a sync schedule; edit that one instead\.$/,
    );
    expect(result.results[2]).toMatchObject({ ok: true, executionId: null });

    const weeklySchedule = api.engine.schedules.getByChart(weekly!)!;
    const monthlySchedule = api.engine.schedules.getByChart(monthly!)!;
    expect([weeklySchedule.syncFrequency, monthlySchedule.syncFrequency]).toEqual(['weekly', 'monthly']);
    expect(result.results[2]).toMatchObject({ scheduleId: weeklySchedule.id });
    expect(api.events.filter((e) => e.name === 'schedule/updated').map((e) => e.payload)).toEqual([
      { scheduleId: weeklySchedule.id },
      { scheduleId: monthlySchedule.id },
    ]);
  });

  it('with syncImmediately starts each new schedule’s first sync at once', async () => {
    const api = await start();
    const chartIds = chartsOf(api, 'monthly').slice(0, 3);
    const result = await api.ok('charts/add-to-schedule', { chartIds, syncImmediately: true });
    expect(result.succeeded).toBe(3);
    const executionIds = result.results.map((r) => (r.ok ? r.executionId : null));
    expect(executionIds.every((id) => typeof id === 'number')).toBe(true);
    // Woken without being waited for: two run, the third waits for a slot.
    const statuses = executionIds.map((id) => api.engine.executions.get(id!).status);
    expect(statuses.sort()).toEqual(['pending', 'running', 'running']);
    await api.engine.scheduler.idle();
    for (const id of executionIds) {
      expect(api.engine.executions.get(id!)).toMatchObject({ status: 'completed', trigger: 'immediate' });
    }
  });
});

describe('charts/remove-from-schedule', () => {
  it('deletes each chart’s schedule; unknown, unscheduled and running charts are reported', async () => {
    const api = await start();
    const [scheduled, unscheduled, running] = chartsOf(api, 'daily');
    const { schedule } = await api.ok('schedules/create', { chartId: scheduled! });
    const busy = (
      await api.ok('schedules/create', {
        chartId: running!,
        historyWindowDays: 300,
        fetchTrackMetadata: false,
      })
    ).schedule;
    await api.ok('schedules/sync-now', { ids: [busy.id] });
    expect(api.engine.runner.runningCount).toBe(1);
    api.events.length = 0;

    const result = await api.ok('charts/remove-from-schedule', {
      chartIds: [scheduled!, unscheduled!, 999_999, running!],
    });
    expect(errorCodes(result)).toEqual(['ok', 'not_scheduled', 'not_found', 'execution_active']);
    // A chart without a schedule is skipped, not failed.
    expect(outcomes(result)).toEqual(['done', 'skipped', 'failed', 'failed']);
    expect(result).toMatchObject({ succeeded: 1, skipped: 1, failed: 2 });
    const messages = result.results.map((r) => (r.ok ? null : r.error.message));
    expect(messages[1]).toBe(`${result.results[1]!.label} has no sync schedule; nothing to remove.`);
    expect(result.results[1]!.label).toMatch(/^.+ · .+ · ([A-Z]{2}|Worldwide) \(.+\)$/);
    expect(messages[2]).toBe('Chart 999999 does not exist.');
    expect(messages[3]).toMatch(
      /is running; cancel it or wait for it to finish, then delete the schedule\.$/,
    );
    expect(result.results[0]).toMatchObject({ ok: true, scheduleId: schedule.id });
    expect(api.engine.schedules.getByChart(scheduled!)).toBeNull();
    expect(api.events).toContainEqual({
      name: 'schedule/removed',
      payload: { scheduleId: schedule.id, chartId: scheduled },
    });
    expect(api.engine.schedules.getByChart(running!)).not.toBeNull();
  });
});

describe('charts/sync-now', () => {
  it('starts a manual sync without waiting for it; an unscheduled chart gets a paused schedule', async () => {
    const api = await start();
    const chartId = chartsOf(api, 'monthly')[0]!;
    const result = await api.ok('charts/sync-now', { chartIds: [chartId] });
    expect(result).toMatchObject({ succeeded: 1, skipped: 0, failed: 0 });
    const item = result.results[0]!;
    if (!item.ok) throw new Error('expected a success');
    const schedule = api.engine.schedules.getByChart(chartId)!;
    expect(schedule).toMatchObject({ id: item.scheduleId, isActive: false });
    expect(api.engine.executions.get(item.executionId!)).toMatchObject({
      status: 'running',
      trigger: 'manual',
    });

    const again = await api.ok('charts/sync-now', { chartIds: [chartId] });
    expect(errorCodes(again)).toEqual(['execution_active']);
    expect(!again.results[0]!.ok && again.results[0]!.error.message).toMatch(
      /^A sync of ".+" is already running; it was not started twice\./,
    );
    await api.engine.scheduler.idle();
    expect(api.engine.executions.get(item.executionId!).status).toBe('completed');
    expect(eventNames(api.events)).toContain('execution/updated');
  });

  it('several charts at once are a bulk sync; unknown ones are reported', async () => {
    const api = await start();
    const chartIds = chartsOf(api, 'monthly').slice(0, 2);
    const result = await api.ok('charts/sync-now', { chartIds: [...chartIds, 999_999] });
    expect(errorCodes(result)).toEqual(['ok', 'ok', 'not_found']);
    const ids = result.results.flatMap((r) => (r.ok ? [r.executionId!] : []));
    expect(ids.map((id) => api.engine.executions.get(id).trigger)).toEqual(['bulk', 'bulk']);
    await api.engine.scheduler.idle();
  });
});
