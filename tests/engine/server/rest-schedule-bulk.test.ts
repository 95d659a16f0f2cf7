import { describe, expect, it } from 'vitest';
import { NOTHING_TO_RESUME } from '../../../electron/engine/api/all-schedules-handlers';
import { http } from './support';
import { useRealHost } from './real-host';

type Answer = { ok: boolean; value?: Record<string, unknown>; error?: Record<string, unknown> };

describe('REST pause-all, resume-all, sync-due on a real engine', () => {
  const host = useRealHost();

  const post = async (path: string, body: unknown = {}) => {
    const answer = await http(host.server.port, 'POST', path, {
      headers: { Authorization: `Bearer ${host.server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: answer.status, body: answer.json() as Answer };
  };

  it('pauses every active schedule and resumes exactly those, with the same messages as the app', async () => {
    const { engine } = host.test;
    const chartId = host.test.chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({ chartId, historyWindowDays: 2 });

    const paused = await post('/api/sync/schedules/pause-all/');
    expect(paused.status).toBe(200);
    expect(paused.body.value).toMatchObject({ succeeded: 1, skipped: 0, failed: 0 });
    expect(engine.schedules.get(schedule.id).isActive).toBe(false);

    const resumed = await post('/api/sync/schedules/resume-all/');
    expect(resumed.body.value).toMatchObject({ succeeded: 1 });
    expect(engine.schedules.get(schedule.id).isActive).toBe(true);

    const nothing = await post('/api/sync/schedules/resume-all/');
    expect(nothing.status).toBe(409);
    expect(nothing.body.error).toMatchObject({ code: 'invalid_state', message: NOTHING_TO_RESUME });

    // Nothing is due: sync-due starts nothing.
    const due = await post('/api/sync/schedules/sync-due/');
    expect(due.status).toBe(200);
    expect(due.body.value).toMatchObject({ results: [], succeeded: 0 });
  });

  it('refuses a field it does not take, by name', async () => {
    const refused = await post('/api/sync/schedules/pause-all/', { chart_id: 3 });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_input' });
    expect(JSON.stringify(refused.body.error)).toMatch(/chart_id/);
    expect(host.test.engine.schedules.list()).toEqual([]);
  });
});
