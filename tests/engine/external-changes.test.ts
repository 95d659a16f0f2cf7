import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/engine/db/open-database';
import { upsertCharts } from '../../electron/engine/db/queries/charts';
import { ChangeTracker, watchExternalChanges } from '../../electron/engine/external-changes';
import { ScheduleService } from '../../electron/engine/schedules/schedule-service';
import { SAMPLE_CHARTS, useTempDir } from '../support/database';

const tempDir = useTempDir();
const open: AppDatabase[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const database of open.splice(0)) database.close();
});

function twoConnections(): [AppDatabase, AppDatabase] {
  const file = join(tempDir(), 'chart-sync.sqlite');
  const host = openDatabase({ file });
  const cli = openDatabase({ file });
  open.push(host, cli);
  return [host, cli];
}

describe('watchExternalChanges', () => {
  it('tells of a commit made by another connection (the CLI), once per change', async () => {
    const [host, cli] = twoConnections();
    const changes = vi.fn();
    stops.push(watchExternalChanges(host, changes, 5));
    upsertCharts(cli, SAMPLE_CHARTS);
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(1));
    upsertCharts(cli, SAMPLE_CHARTS.slice(0, 1));
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(2));
  });

  it("does not count the host's own writes, which its events already announce", async () => {
    const [host] = twoConnections();
    const changes = vi.fn();
    stops.push(watchExternalChanges(host, changes, 5));
    upsertCharts(host, SAMPLE_CHARTS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).not.toHaveBeenCalled();
  });

  it('names what the other connection changed, not what the host itself wrote in between', async () => {
    const [host, cli] = twoConnections();
    const changes = vi.fn();
    stops.push(watchExternalChanges(host, changes, 5));
    upsertCharts(host, SAMPLE_CHARTS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [first] = host.sqlite.prepare('SELECT id FROM charts ORDER BY id').pluck().all() as number[];
    cli.sqlite
      .prepare("UPDATE charts SET name = 'Renamed', updated_at = updated_at + 1 WHERE id = ?")
      .run(first);
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(1));
    expect(changes.mock.calls[0]![0]).toMatchObject({
      chartIds: [first],
      scheduleIds: [],
      removedSchedules: [],
    });
  });

  it('stops looking once stopped, and survives the database closing first', async () => {
    const [host, cli] = twoConnections();
    const changes = vi.fn();
    const stop = watchExternalChanges(host, changes, 5);
    host.close();
    open.splice(open.indexOf(host), 1);
    upsertCharts(cli, SAMPLE_CHARTS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(changes).not.toHaveBeenCalled();
  });
});

describe('ChangeTracker', () => {
  const ids = (database: AppDatabase, table: string) =>
    database.sqlite.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];

  it('names exactly the charts and schedules another connection added, changed or deleted', () => {
    const [host, cli] = twoConnections();
    upsertCharts(cli, SAMPLE_CHARTS);
    const [a, b, c] = ids(cli, 'charts');
    let clock = Date.now();
    const schedules = new ScheduleService(cli, () => ++clock);
    const kept = schedules.create({ chartId: a! }).schedule;
    const removed = schedules.create({ chartId: b! }).schedule;
    const tracker = new ChangeTracker(host);
    expect(tracker.diff()).toEqual({ chartIds: [], scheduleIds: [], removedSchedules: [], executionIds: [] });

    cli.sqlite.prepare("UPDATE charts SET name = 'Renamed', updated_at = updated_at + 1 WHERE id = ?").run(c);
    schedules.setActive(kept.id, false);
    schedules.remove(removed.id);
    const added = schedules.create({ chartId: c! }).schedule;
    expect(tracker.diff()).toEqual({
      chartIds: [c],
      scheduleIds: [kept.id, added.id],
      removedSchedules: [{ scheduleId: removed.id, chartId: b }],
      executionIds: [],
    });
    expect(tracker.diff()).toEqual({ chartIds: [], scheduleIds: [], removedSchedules: [], executionIds: [] });
  });

  it('names new executions and open ones that changed or closed, with their schedules, not the history', () => {
    const [host, cli] = twoConnections();
    upsertCharts(cli, SAMPLE_CHARTS);
    const [a, b] = ids(cli, 'charts');
    let clock = Date.now();
    const schedules = new ScheduleService(cli, () => ++clock);
    const first = schedules.create({ chartId: a! }).schedule;
    const second = schedules.create({ chartId: b! }).schedule;
    const insert = cli.sqlite.prepare(
      "INSERT INTO chart_sync_executions (schedule_id, chart_id, status, trigger, created_at, updated_at) VALUES (?, ?, ?, 'manual', 1, 1)",
    );
    insert.run(first.id, a, 'completed');
    const open = Number(insert.run(second.id, b, 'running').lastInsertRowid);
    const tracker = new ChangeTracker(host);

    cli.sqlite
      .prepare("UPDATE chart_sync_executions SET status = 'completed', updated_at = 2 WHERE id = ?")
      .run(open);
    const added = Number(insert.run(first.id, a, 'pending').lastInsertRowid);
    const change = tracker.diff();
    expect(change.executionIds.sort((x, y) => x - y)).toEqual([open, added]);
    expect(change.scheduleIds.sort((x, y) => x - y)).toEqual([first.id, second.id]);
    expect(tracker.diff().executionIds).toEqual([]);
  });
});
