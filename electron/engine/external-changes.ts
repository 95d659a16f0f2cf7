import { EXTERNAL_CHANGE_CHECK_MS } from '../../shared/domain/policies';
import type { AppDatabase } from './db/open-database';
import type { EventBus } from './events';

/**
 * What another connection changed in the tables open screens list, found by comparing each row's (id,
 * updated_at) with what was seen at the previous commit. Every write path of the engine (and so of the CLI)
 * stamps updated_at; deletions show as ids no longer there.
 */
export type ExternalChange = {
  /** Charts added, changed or deleted. */
  chartIds: number[];
  /** Schedules added or changed, and the schedules of the executions that did (a schedule's health reads them). */
  scheduleIds: number[];
  /** Schedules deleted, with the chart each belonged to. */
  removedSchedules: { scheduleId: number; chartId: number }[];
  /** Executions added, and open ones (pending, running) changed or closed. */
  executionIds: number[];
};

type Stamp = { id: number; updated_at: number };
type ScheduleStamp = Stamp & { chart_id: number };
type ExecutionStamp = Stamp & { open: number; schedule_id: number | null };

/**
 * Remembers the stamps of charts and schedules (small tables: one row per chart in the catalogue), and of
 * executions only the highest id and the open ones: history only grows, and a closed execution changes again
 * only by being retried (it is open then). `diff()` reads the tables again and says what moved since.
 */
export class ChangeTracker {
  private charts = new Map<number, number>();
  private schedules = new Map<number, ScheduleStamp>();
  private openExecutions = new Map<number, number>();
  private maxExecutionId = 0;
  private readonly statements;
  private readonly transaction: <T>(work: () => T) => T;

  constructor(database: AppDatabase) {
    const { sqlite } = database;
    this.statements = {
      charts: sqlite.prepare<[], Stamp>('SELECT id, updated_at FROM charts'),
      schedules: sqlite.prepare<[], ScheduleStamp>(
        'SELECT id, chart_id, updated_at FROM chart_sync_schedules',
      ),
      // New rows by the primary key, open ones by the partial index, and those open last time (closed since).
      executions: sqlite.prepare<[{ maxId: number; wasOpen: string }], ExecutionStamp>(
        `SELECT id, schedule_id, updated_at, status IN ('pending', 'running') AS open FROM chart_sync_executions
         WHERE id > @maxId OR status IN ('pending', 'running') OR id IN (SELECT value FROM json_each(@wasOpen))`,
      ),
      maxExecutionId: sqlite
        .prepare<[], number>('SELECT coalesce(max(id), 0) FROM chart_sync_executions')
        .pluck(),
    };
    this.transaction = <T>(work: () => T): T => sqlite.transaction(work)();
    // The history already there is what the screens fetched: only the open executions are tracked from it.
    this.maxExecutionId = this.statements.maxExecutionId.get() ?? 0;
    this.read();
  }

  /** What changed since the last call (or since the tracker was made), in one read transaction. */
  diff(): ExternalChange {
    const before = {
      charts: this.charts,
      schedules: this.schedules,
      open: this.openExecutions,
      maxExecutionId: this.maxExecutionId,
    };
    const executions = this.read();
    const change: ExternalChange = { chartIds: [], scheduleIds: [], removedSchedules: [], executionIds: [] };
    for (const [id, stamp] of this.charts) if (before.charts.get(id) !== stamp) change.chartIds.push(id);
    for (const id of before.charts.keys()) if (!this.charts.has(id)) change.chartIds.push(id);
    for (const [id, row] of this.schedules) {
      if (before.schedules.get(id)?.updated_at !== row.updated_at) change.scheduleIds.push(id);
    }
    for (const [id, row] of before.schedules) {
      if (!this.schedules.has(id)) change.removedSchedules.push({ scheduleId: id, chartId: row.chart_id });
    }
    const scheduleIds = new Set(change.scheduleIds);
    for (const row of executions) {
      if (row.id > before.maxExecutionId || before.open.get(row.id) !== row.updated_at) {
        change.executionIds.push(row.id);
        if (row.schedule_id !== null && this.schedules.has(row.schedule_id)) scheduleIds.add(row.schedule_id);
      }
    }
    change.scheduleIds = [...scheduleIds];
    return change;
  }

  /** Reads every stamp again; returns the executions read (new, open, or open last time). */
  private read(): ExecutionStamp[] {
    const wasOpen = JSON.stringify([...this.openExecutions.keys()]);
    const rows = this.transaction(() => {
      this.charts = new Map(this.statements.charts.all().map((row) => [row.id, row.updated_at]));
      this.schedules = new Map(this.statements.schedules.all().map((row) => [row.id, row]));
      return this.statements.executions.all({ maxId: this.maxExecutionId, wasOpen });
    });
    this.openExecutions = new Map(
      rows.filter((row) => row.open === 1).map((row) => [row.id, row.updated_at]),
    );
    for (const row of rows) this.maxExecutionId = Math.max(this.maxExecutionId, row.id);
    return rows;
  }
}

/**
 * Calls `onChange` with what changed when another connection commits to the database. SQLite's `data_version`
 * changes only for commits of other connections, never for this one's, so the engine's own writes (already
 * announced by their events) do not count, and nothing is read while nothing moves. Returns the stop.
 */
export function watchExternalChanges(
  database: AppDatabase,
  onChange: (change: ExternalChange) => void,
  intervalMs: number = EXTERNAL_CHANGE_CHECK_MS,
): () => void {
  const version = () => database.sqlite.pragma('data_version', { simple: true }) as number;
  // Rows this connection changed: its own writes move the stamps too, and are announced by their own events.
  const ownChanges = database.sqlite.prepare<[], number>('SELECT total_changes()').pluck();
  let seen = version();
  let own = ownChanges.get()!;
  // Read at start (two small tables and the open executions), so the first foreign commit is told exactly.
  const tracker = new ChangeTracker(database);
  const timer = setInterval(() => {
    let change: ExternalChange;
    try {
      const now = version();
      const ownNow = ownChanges.get()!;
      if (now === seen) {
        // Only the engine wrote: what it changed (a catalogue import, a sync) is not another process's change.
        if (ownNow !== own) tracker.diff();
        own = ownNow;
        return;
      }
      seen = now;
      own = ownNow;
      change = tracker.diff();
    } catch {
      // The database closed under us: the engine is stopping and clears this timer.
      return;
    }
    onChange(change);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The rows another process changed, announced as the engine announces its own writes of them (no engine
 * listener acts on these three events, only screens), so open lists patch those rows instead of fetching
 * everything again; then 'app/external-change' for views of anything else.
 */
export function announceExternalChange(events: EventBus, change: ExternalChange): void {
  if (change.chartIds.length > 0) {
    events.emit('charts/updated', { created: 0, updated: change.chartIds.length, chartIds: change.chartIds });
  }
  for (const scheduleId of change.scheduleIds) events.emit('schedule/updated', { scheduleId });
  for (const removed of change.removedSchedules) events.emit('schedule/removed', removed);
  // Executions are not re-announced as 'execution/updated': the engine's own listeners (audit, alerts,
  // webhooks) would act a second time on what the other process already acted on. Their schedules are in
  // scheduleIds; execution views fetch again on 'app/external-change'.
  events.emit('app/external-change', {});
}
