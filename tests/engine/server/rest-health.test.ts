import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../electron/engine/server';
import { type TestEngine } from '../../support/sync-engine';
import { http } from './support';
import { useRealHost } from './real-host';

type Ok<T> = { ok: true; value: T };
type RestSchedule = { id: number; health: string; health_reason: string; status: string };

/** Health reaches REST in snake_case on the schedule answers and the status answer, from the real engine. */
describe('REST health', () => {
  const host = useRealHost();
  let test: TestEngine;
  let server: RunningServer;
  beforeEach(() => ({ test, server } = host));

  const get = async <T>(path: string): Promise<T> => {
    const answer = await http(server.port, 'GET', path, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(answer.status).toBe(200);
    return (answer.json() as Ok<T>).value;
  };

  it('answers health and health_reason for a schedule whose last sync failed for good', async () => {
    const chartId = test.chartId({ slug: 'global-28' });
    const { schedule } = test.engine.schedules.create({ chartId });
    const { id } = test.engine.executions.start(schedule.id, 'manual');
    test.engine.executions.markRunning(id);
    test.engine.executions.markFailed(id, { code: 'server_error', message: 'Soundcharts answered 500.' });
    const reason =
      'The last sync failed: Soundcharts answered 500. Sync now to try again, or open the execution for details.';

    const listed = await get<RestSchedule[]>('/api/sync/schedules/');
    expect(listed.find((s) => s.id === schedule.id)).toMatchObject({
      health: 'failing',
      health_reason: reason,
      status: 'active',
    });
    expect(listed[0]).not.toHaveProperty('healthReason');

    const detail = await get<{ schedule: RestSchedule }>(`/api/sync/schedules/${schedule.id}/`);
    expect(detail.schedule).toMatchObject({ health: 'failing', health_reason: reason });

    const status = await get<{ health: string; health_reason: string; schedule: RestSchedule }>(
      `/api/sync/status/${chartId}/`,
    );
    expect(status).toMatchObject({
      sync_status: 'active',
      health: 'failing',
      health_reason: reason,
      schedule: { health: 'failing', health_reason: reason },
    });

    const unscheduled = await get<{ health: null; health_reason: null; sync_status: string }>(
      `/api/sync/status/${test.chartId({ frequency: 'weekly' })}/`,
    );
    expect(unscheduled).toMatchObject({ sync_status: 'not_scheduled', health: null, health_reason: null });
  });
});
