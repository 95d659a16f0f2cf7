import { describe, expect, it } from 'vitest';
import { NOTHING_TO_RESUME } from '../../../electron/engine/api/all-schedules-handlers';
import { actAs } from '../../../electron/engine/audit/actor';
import { HOUR_MS } from '../../../shared/domain/policies';
import { chartsOf, useApi, type ApiHarness } from './setup';

const setup = useApi();

/** Schedules on the first `count` daily charts, small enough to sync in moments. */
function schedulesOn(api: ApiHarness, count: number, more: { isActive?: boolean } = {}): number[] {
  return chartsOf(api, 'daily')
    .slice(0, count)
    .map(
      (chartId) =>
        api.engine.schedules.create({ chartId, historyWindowDays: 2, fetchTrackMetadata: false, ...more })
          .schedule.id,
    );
}

const activeIds = (api: ApiHarness) =>
  api.engine.schedules
    .list()
    .filter((s) => s.isActive)
    .map((s) => s.id)
    .sort((a, b) => a - b);

describe('schedules/pause-all and schedules/resume-all', () => {
  it('pause all, then resume all brings back exactly those it paused, not the ones paused before', async () => {
    const api = await setup();
    const [a, b, c, pausedBefore] = schedulesOn(api, 4);
    api.engine.schedules.setActive(pausedBefore!, false);
    expect(activeIds(api)).toEqual([a, b, c]);

    const paused = await actAs('ui', () => api.ok('schedules/pause-all', {}));
    expect(paused).toMatchObject({ succeeded: 3, skipped: 0, failed: 0 });
    expect(paused.results.map((r) => r.id)).toEqual([a, b, c]);
    expect(paused.results[0]!.label).toMatch(/\(/);
    expect(activeIds(api)).toEqual([]);

    // The status counts what Resume all would resume (the tray and the CLI offer it only then).
    expect((await api.ok('app/status', {})).schedules).toMatchObject({ total: 4, active: 0, resumable: 3 });

    const resumed = await api.ok('schedules/resume-all', {});
    expect(resumed).toMatchObject({ succeeded: 3, skipped: 0, failed: 0 });
    expect(activeIds(api)).toEqual([a, b, c]);
    expect((await api.ok('app/status', {})).schedules).toMatchObject({ active: 3, resumable: 0 });

    // Said once, then nothing is remembered.
    const again = await api.fail('schedules/resume-all', {});
    expect(again).toMatchObject({ code: 'invalid_state', message: NOTHING_TO_RESUME });
    expect(activeIds(api)).toEqual([a, b, c]);

    // Each pause is in the audit trail, with who did it, as for a pause of one schedule.
    const audit = await api.ok('audit/list', { action: 'schedule.paused' });
    expect(
      audit.items
        .filter((e) => e.actor === 'ui')
        .map((e) => e.scheduleId)
        .sort(),
    ).toEqual([a, b, c]);
    expect((await api.ok('audit/list', { action: 'schedule.resumed' })).total).toBe(3);
  });

  it('with nothing paused by it, resume-all says so and resumes nothing', async () => {
    const api = await setup();
    const [a] = schedulesOn(api, 1);
    api.engine.schedules.setActive(a!, false);
    const error = await api.fail('schedules/resume-all', {});
    expect(error.message).toBe(NOTHING_TO_RESUME);
    expect(activeIds(api)).toEqual([]);
    // Pause all with nothing active pauses nothing, and remembers nothing.
    expect(await api.ok('schedules/pause-all', {})).toEqual({
      results: [],
      succeeded: 0,
      skipped: 0,
      failed: 0,
    });
    expect((await api.fail('schedules/resume-all', {})).message).toBe(NOTHING_TO_RESUME);
  });

  it("a schedule resumed by hand, then paused by hand, is the operator's: resume-all leaves it paused", async () => {
    const api = await setup();
    const [a, b] = schedulesOn(api, 2);
    await api.ok('schedules/pause-all', {});
    await api.ok('schedules/set-active', { ids: [a!], active: true });
    await api.ok('schedules/set-active', { ids: [a!], active: false });
    expect((await api.ok('app/status', {})).schedules.resumable).toBe(1);
    const resumed = await api.ok('schedules/resume-all', {});
    expect(resumed.results.map((r) => [r.id, r.outcome])).toEqual([[b, 'done']]);
    expect(activeIds(api)).toEqual([b]);
  });

  it('a second pause-all keeps what the first paused; a deleted schedule is skipped on resume', async () => {
    const api = await setup();
    const [a, b, c] = schedulesOn(api, 3);
    await api.ok('schedules/set-active', { ids: [c!], active: false });
    await api.ok('schedules/pause-all', {});
    // The operator resumes c and b by an edit, then pauses all again.
    await api.ok('schedules/update', { id: c!, changes: { isActive: true } });
    const second = await api.ok('schedules/pause-all', {});
    expect(second.results.map((r) => r.id)).toEqual([c]);
    await api.ok('schedules/delete', { ids: [b!] });
    // A deleted schedule is nothing to resume.
    expect((await api.ok('app/status', {})).schedules.resumable).toBe(2);

    const resumed = await api.ok('schedules/resume-all', {});
    expect(resumed).toMatchObject({ succeeded: 2, skipped: 1, failed: 0 });
    expect(resumed.results.find((r) => r.id === b)).toMatchObject({
      outcome: 'skipped',
      error: { code: 'not_found' },
    });
    expect(activeIds(api)).toEqual([a, c]);
  });

  it('remembers across a restart of the engine (the memory is in the database)', async () => {
    const api = await setup();
    const [a] = schedulesOn(api, 1);
    await api.ok('schedules/pause-all', {});
    const row = api.engine.database.sqlite
      .prepare("SELECT value_json AS v FROM settings WHERE key = 'schedules.pausedByPauseAll'")
      .get() as { v: string };
    expect(JSON.parse(row.v)).toEqual([a]);
    // Not a setting: the Settings screen never shows it.
    expect(Object.keys(await api.ok('settings/get', {}))).not.toContain('schedules.pausedByPauseAll');
  });
});

describe('schedules/sync-due', () => {
  it('starts what is due or waits for a retry, skips what runs, leaves the rest and paused ones alone', async () => {
    const api = await setup();
    const { engine, clock } = api;
    // This process syncs (an execution left running by "another process" would be marked interrupted).
    expect(engine.syncingElsewhere()).toBeNull();
    const [due, late, notDue, running, retrying, paused] = schedulesOn(api, 6);
    const setNext = (id: number, at: number) =>
      engine.database.sqlite
        .prepare('UPDATE chart_sync_schedules SET next_sync_at = ? WHERE id = ?')
        .run(at, id);
    setNext(due!, clock.now() - 1_000);
    setNext(late!, clock.now() - 3 * 24 * HOUR_MS);
    setNext(notDue!, clock.now() + HOUR_MS);
    setNext(running!, clock.now() + HOUR_MS);
    setNext(retrying!, clock.now() + HOUR_MS);
    setNext(paused!, clock.now() - 1_000);
    engine.schedules.setActive(paused!, false);
    const runningExecution = engine.executions.start(running!, 'manual');
    engine.executions.markRunning(runningExecution.id);
    const retryExecution = engine.executions.start(retrying!, 'manual');
    engine.executions.markRunning(retryExecution.id);
    engine.executions.retryOrFail(retryExecution.id, {
      code: 'server',
      message: 'Soundcharts answered 503.',
    });
    expect(engine.executions.get(retryExecution.id).nextAttemptAt).toBeGreaterThan(clock.now());

    const result = await api.ok('schedules/sync-due', {});
    const byId = new Map(result.results.map((r) => [r.id, r]));
    expect([...byId.keys()].sort((a, b) => a - b)).toEqual([due, late, running, retrying]);
    expect(result).toMatchObject({ succeeded: 3, skipped: 1, failed: 0 });
    const started = (id: number) => {
      const item = byId.get(id)!;
      return item.ok ? engine.executions.get(item.executionId!) : null;
    };
    expect(started(due!)?.trigger).toBe('scheduled');
    expect(started(late!)?.trigger).toBe('catch_up');
    expect(byId.get(running!)).toMatchObject({ outcome: 'skipped', error: { code: 'execution_active' } });
    // The retry starts now, as the same execution with its retry count.
    expect(started(retrying!)).toMatchObject({ id: retryExecution.id, retryCount: 1, nextAttemptAt: null });

    // A second call creates no execution: what the first started runs (skipped) or waits for a slot (the same).
    const count = () =>
      engine.database.sqlite.prepare('SELECT count(*) AS n FROM chart_sync_executions').get();
    const before = count();
    const again = await api.ok('schedules/sync-due', {});
    expect(count()).toEqual(before);
    const firstIds = new Set([...byId.values()].flatMap((r) => (r.ok ? [r.executionId] : [])));
    for (const item of again.results) {
      if (item.ok) expect(firstIds.has(item.executionId)).toBe(true);
      else expect(item.error.code).toBe('execution_active');
    }
  });
});
