import { beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/engine/audit/audit-log';
import type { RunningServer } from '../../../electron/engine/server';
import { CRON_EXPRESSION_MAX_LENGTH, TIME_ZONE_MAX_LENGTH } from '../../../shared/domain/policies';
import type { TestEngine } from '../../support/sync-engine';
import { useRealHost } from './real-host';
import { restCall } from './support';

type Answer = {
  ok: boolean;
  value?: { id: number; sync_frequency: string; cron_expression: string | null; time_zone: string | null };
  error?: { code: string; message: string; fields?: Record<string, string> };
};

/**
 * Issue 13, defect 7.6: REST stored a 30 KB cron expression, answered 200 to a PUT whose invalid cron_expression
 * or time_zone it then dropped on a weekly schedule, and an empty PUT wrote an audit entry.
 */
describe('schedule input over REST: capped, validated, never silently dropped', () => {
  const host = useRealHost();
  let test: TestEngine;
  let server: RunningServer;
  beforeEach(() => ({ test, server } = host));

  const rest = (method: string, path: string, body?: unknown) => restCall<Answer>(server, method, path, body);

  const weekly = async () => {
    const created = await rest('POST', '/api/sync/schedules/', {
      chart_id: test.chartId({ frequency: 'weekly' }),
      sync_frequency: 'weekly',
    });
    expect(created.status).toBe(201);
    return (created.body.value as unknown as { schedule: { id: number } }).schedule.id;
  };

  /** Refused with a 400 naming the field, in a message that does not quote a pasted megabyte back. */
  const expectFieldError = (answer: { status: number; body: Answer }, field: string) => {
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('invalid_input');
    expect(Object.keys(answer.body.error?.fields ?? {})).toContain(field);
    expect(answer.body.error!.message.length).toBeLessThan(1_000);
  };

  it('a 30 KB cron expression or time zone is refused on create and on update', async () => {
    const huge = `0 6 * * ${'1,'.repeat(15_000)}1`;
    const chartId = test.chartId({ slug: 'global-28' });
    const create = (extra: Record<string, unknown>) =>
      rest('POST', '/api/sync/schedules/', { chart_id: chartId, sync_frequency: 'cron', ...extra });
    expectFieldError(await create({ cron_expression: huge, time_zone: 'UTC' }), 'cron_expression');
    expectFieldError(
      await create({ cron_expression: '0 6 * * *', time_zone: 'Z'.repeat(TIME_ZONE_MAX_LENGTH + 1) }),
      'time_zone',
    );
    const cron = await create({ cron_expression: '0 6 * * *', time_zone: 'UTC' });
    expect(cron.status).toBe(201);
    const id = (cron.body.value as unknown as { schedule: { id: number } }).schedule.id;
    expectFieldError(
      await rest('PUT', `/api/sync/schedules/${id}/`, { cron_expression: huge }),
      'cron_expression',
    );
    expectFieldError(
      await rest('PATCH', `/api/sync/schedules/${id}/`, {
        cron_expression: `0 6 * * *${' '.repeat(10)}${'x'.repeat(CRON_EXPRESSION_MAX_LENGTH)}`,
      }),
      'cron_expression',
    );
    const stored = await rest('GET', `/api/sync/schedules/${id}/`);
    expect(stored.body.value).toMatchObject({ schedule: { cron_expression: '0 6 * * *', time_zone: 'UTC' } });
  });

  it('an invalid cron_expression or time_zone on a weekly schedule is refused, not dropped', async () => {
    const id = await weekly();
    for (const method of ['PUT', 'PATCH']) {
      expectFieldError(
        await rest(method, `/api/sync/schedules/${id}/`, { cron_expression: 'every full moon' }),
        'cron_expression',
      );
      expectFieldError(
        await rest(method, `/api/sync/schedules/${id}/`, { time_zone: 'Mars/Olympus' }),
        'time_zone',
      );
      expectFieldError(
        await rest(method, `/api/sync/schedules/${id}/`, {
          cron_expression: '0 6 * * *',
          time_zone: 'Nowhere/X',
        }),
        'time_zone',
      );
    }
    const stored = await rest('GET', `/api/sync/schedules/${id}/`);
    expect(stored.body.value).toMatchObject({
      schedule: { sync_frequency: 'weekly', cron_expression: null, time_zone: null },
    });
  });

  it('an empty PUT or PATCH changes nothing and writes no audit entry', async () => {
    const id = await weekly();
    const before = await rest('GET', `/api/sync/schedules/${id}/`);
    const audited = listAudit(test.engine.database).length;
    // Later, so that a write would show in updated_at.
    test.clock.advance(60_000);
    for (const method of ['PUT', 'PATCH']) {
      const answer = await rest(method, `/api/sync/schedules/${id}/`, {});
      expect(answer.status).toBe(200);
      expect(answer.body.value).toMatchObject({ id, sync_frequency: 'weekly' });
    }
    expect(listAudit(test.engine.database)).toHaveLength(audited);
    expect((await rest('GET', `/api/sync/schedules/${id}/`)).body.value).toEqual(before.body.value);
  });
});
