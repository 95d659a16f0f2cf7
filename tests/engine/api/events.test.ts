import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../shared/domain/policies';
import type { RecordedEvent } from './setup';
import { chartsOf, useApi } from './setup';

const start = useApi();

/** What the UI needs to hear: the event name with the ids and the execution's status, progress left out. */
function summary(events: readonly RecordedEvent[]): string[] {
  return events.flatMap((event) => {
    switch (event.name) {
      case 'execution/updated':
        return [`execution ${event.payload.id} ${event.payload.status}`];
      case 'schedule/updated':
        return [`schedule ${event.payload.scheduleId} updated`];
      case 'schedule/removed':
        return [`schedule ${event.payload.scheduleId} removed (chart ${event.payload.chartId})`];
      case 'charts/updated':
        return [`charts updated`];
      default:
        return [];
    }
  });
}

describe('every change reaches the UI as an event (it has no polling)', () => {
  it('schedule changes, syncs and their ends, cancels and deletes', async () => {
    const api = await start();
    const chartId = chartsOf(api, 'monthly')[0]!;
    const seen = () => summary(api.events.splice(0));

    const { schedule } = await api.ok('schedules/create', { chartId, fetchTrackMetadata: false });
    const id = schedule.id;
    expect(seen()).toEqual([`schedule ${id} updated`]);

    await api.ok('schedules/update', { id, changes: { historyWindowDays: 60 } });
    expect(seen()).toEqual([`schedule ${id} updated`]);

    await api.ok('schedules/set-active', { ids: [id], active: false });
    expect(seen()).toEqual([`schedule ${id} updated`]);
    // Setting what already is changes nothing and says nothing.
    await api.ok('schedules/set-active', { ids: [id], active: false });
    expect(seen()).toEqual([]);

    const [started] = (await api.ok('schedules/sync-now', { ids: [id] })).results;
    const executionId = started?.ok ? started.executionId! : -1;
    await api.engine.scheduler.idle();
    expect(seen()).toEqual([
      `execution ${executionId} pending`,
      `execution ${executionId} running`,
      `execution ${executionId} completed`,
      `schedule ${id} updated`,
    ]);

    const waiting = api.engine.executions.start(id, 'manual');
    expect(seen()).toEqual([`execution ${waiting.id} pending`]);
    await api.ok('executions/cancel', { id: waiting.id });
    expect(seen()).toEqual([`execution ${waiting.id} cancelled`, `schedule ${id} updated`]);

    await api.ok('schedules/delete', { ids: [id] });
    expect(seen()).toEqual([`schedule ${id} removed (chart ${chartId})`]);

    await api.ok('charts/discover', {});
    expect(seen()).toEqual(['charts updated']);
  });

  it('an immediate sync made with its schedule, a paused schedule made by a manual sync', async () => {
    const api = await start();
    const [first, second] = chartsOf(api, 'monthly');
    const created = await api.ok('schedules/create', {
      chartId: first!,
      syncImmediately: true,
      fetchTrackMetadata: false,
    });
    const immediate = created.execution!.id;
    expect(summary(api.events.splice(0)).slice(0, 3)).toEqual([
      `schedule ${created.schedule.id} updated`,
      `execution ${immediate} pending`,
      `execution ${immediate} running`,
    ]);
    const [manual] = (await api.ok('charts/sync-now', { chartIds: [second!] })).results;
    if (!manual?.ok) throw new Error('expected the sync to start');
    expect(summary(api.events.splice(0)).slice(0, 3)).toEqual([
      `schedule ${manual.scheduleId} updated`,
      `execution ${manual.executionId} pending`,
      `execution ${manual.executionId} running`,
    ]);
    await api.engine.scheduler.idle();
  });

  it('a sync stopped by Soundcharts flags the schedule, and the flag is pushed too', async () => {
    const api = await start();
    const chartId = chartsOf(api, 'monthly')[0]!;
    const { schedule } = await api.ok('schedules/create', { chartId, fetchTrackMetadata: false });
    api.emulator.faults.configure({ unauthorized: { probability: 1 } });
    await api.ok('schedules/sync-now', { ids: [schedule.id] });
    await api.engine.scheduler.idle();
    const tail = summary(api.events).slice(-3);
    expect(tail).toEqual([
      expect.stringMatching(/ failed$/),
      `schedule ${schedule.id} updated`,
      `schedule ${schedule.id} updated`,
    ]);
    expect(api.engine.schedules.get(schedule.id).attentionReason).not.toBeNull();
  });

  it('resuming an overdue schedule pushes its change and the sync it starts', async () => {
    const api = await start();
    const chartId = chartsOf(api, 'monthly')[0]!;
    const { schedule } = await api.ok('schedules/create', {
      chartId,
      isActive: false,
      fetchTrackMetadata: false,
    });
    api.clock.advance(40 * DAY_MS);
    api.events.length = 0;
    await api.ok('schedules/set-active', { ids: [schedule.id], active: true });
    const names = summary(api.events);
    expect(names[0]).toBe(`schedule ${schedule.id} updated`);
    expect(names.slice(1, 3)).toEqual([
      expect.stringMatching(/ pending$/),
      expect.stringMatching(/ running$/),
    ]);
    await api.engine.scheduler.idle();
  });
});
