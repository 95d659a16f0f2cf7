import { describe, expect, it } from 'vitest';
import { SCHEDULE_DELETED_MESSAGE } from '../../../electron/engine/schedules/schedule-service';
import { HOUR_MS } from '../../../shared/domain/policies';
import { useApi, type ApiHarness } from './setup';

const start = useApi();

const counts = { rankingsCreated: 2, rankingsUpdated: 0, tracksCreated: 10, tracksUpdated: 0 };

/** A daily schedule with a completed, a failed and a waiting execution, written through the services. */
function scheduleWithHistory(api: ApiHarness) {
  const { executions, schedules } = api.engine;
  const chartId = api.chartId({ slug: 'global-28' });
  const scheduleId = schedules.create({ chartId }).schedule.id;
  const completed = executions.start(scheduleId, 'scheduled').id;
  executions.markRunning(completed);
  executions.markCompleted(completed, counts);
  api.clock.advance(HOUR_MS);
  const failed = executions.start(scheduleId, 'manual').id;
  executions.markRunning(failed);
  executions.markFailed(failed, { code: 'server_error', message: 'Soundcharts answered 500.' });
  api.clock.advance(HOUR_MS);
  const waiting = executions.start(scheduleId, 'manual').id;
  return { chartId, scheduleId, ids: { completed, failed, waiting } };
}

const rowCount = (api: ApiHarness, table: string) =>
  (api.engine.database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('deleting a schedule keeps its history', () => {
  it('keeps every execution and audit entry, listed under the chart, and cancels the waiting sync', async () => {
    const api = await start();
    const { chartId, scheduleId, ids } = scheduleWithHistory(api);
    const auditBefore = rowCount(api, 'audit_log');

    const result = await api.ok('schedules/delete', { ids: [scheduleId] });
    expect(result.results[0]).toMatchObject({ ok: true });

    expect(rowCount(api, 'chart_sync_executions')).toBe(3);
    const listed = await api.ok('executions/list', { chartId });
    expect(listed.total).toBe(3);
    expect(listed.items.map((e) => [e.id, e.status, e.scheduleId, e.chart.id])).toEqual([
      [ids.waiting, 'cancelled', null, chartId],
      [ids.failed, 'failed', null, chartId],
      [ids.completed, 'completed', null, chartId],
    ]);
    expect(listed.items[0]!.errorMessage).toBe(SCHEDULE_DELETED_MESSAGE);

    const detail = await api.ok('executions/get', { id: ids.completed });
    expect(detail).toMatchObject({ scheduleId: null, chart: { slug: 'global-28' }, rankingsCreated: 2 });
    expect(detail.timeline.map((e) => e.action)).toEqual(['execution.started', 'execution.completed']);

    // Nothing was deleted from the audit log: the deletion and the cancellation were added to it.
    const audit = api.engine.database.sqlite
      .prepare('SELECT action, schedule_id AS scheduleId FROM audit_log WHERE id > 0 ORDER BY id')
      .all() as { action: string; scheduleId: number | null }[];
    expect(audit).toHaveLength(auditBefore + 2);
    expect(audit.slice(-2)).toEqual([
      { action: 'schedule.deleted', scheduleId },
      { action: 'execution.cancelled', scheduleId },
    ]);
    expect(api.events.some((e) => e.name === 'execution/updated' && e.payload.id === ids.waiting)).toBe(true);

    // The chart's status still shows its latest execution.
    const status = await api.ok('charts/sync-status', { chartId });
    expect(status).toMatchObject({ schedule: null, latestExecution: { id: ids.waiting } });
    // A kept execution cannot be retried without a schedule, and says why.
    expect(await api.fail('executions/retry', { id: ids.failed })).toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/its schedule was deleted/),
    });
  });

  it('refuses while a sync runs, with a message that says what to do, and changes nothing', async () => {
    const api = await start();
    const { scheduleId, ids } = scheduleWithHistory(api);
    api.engine.executions.markRunning(ids.waiting);
    const result = await api.ok('schedules/delete', { ids: [scheduleId] });
    expect(result.results[0]).toMatchObject({
      ok: false,
      error: { code: 'execution_active', message: expect.stringMatching(/is running; cancel it or wait/) },
    });
    expect(api.engine.schedules.get(scheduleId).id).toBe(scheduleId);
    expect(api.engine.executions.get(ids.waiting)).toMatchObject({ status: 'running', scheduleId });
  });

  it('a new schedule of the chart lists the old executions under the chart, not under itself', async () => {
    const api = await start();
    const { chartId, scheduleId } = scheduleWithHistory(api);
    await api.ok('schedules/delete', { ids: [scheduleId] });
    const again = await api.ok('schedules/create', { chartId });
    expect((await api.ok('executions/list', { scheduleId: again.schedule.id })).total).toBe(0);
    expect((await api.ok('executions/list', { chartId })).total).toBe(3);
    expect((await api.ok('schedules/get', { id: again.schedule.id })).executions).toEqual([]);
  });
});
