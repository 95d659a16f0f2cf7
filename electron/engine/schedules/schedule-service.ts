import { and, asc, eq, inArray, lte, min, notExists, sql } from 'drizzle-orm';
import { ACTIVE_EXECUTION_STATUSES } from '../../../shared/domain/execution';
import { detectSyncFrequency } from '../../../shared/domain/frequency';
import { nextSyncAfter } from '../../../shared/domain/next-sync';
import type { HealthExecution } from '../../../shared/domain/health';
import { ChartSyncError } from '../../../shared/errors';
import { parseInput } from '../../../shared/schemas/parse-input';
import {
  createScheduleInput,
  scheduleTimingInput,
  updateScheduleInput,
  type CreateScheduleInput,
  type UpdateScheduleInput,
} from '../../../shared/schemas/schedule-input';
import type { ExecutionView, ScheduleView } from '../../../shared/views/schedule-view';
import { getChartById, type ChartRow } from '../db/queries/charts';
import type { AppDatabase } from '../db/open-database';
import { charts, chartSyncExecutions, chartSyncSchedules } from '../db/schema';
import { healthOf } from '../health/schedule-health';
import { recentExecutions } from '../health/load-schedule-health';
import { toExecutionView } from './execution-view';
import { timingOf, timingState, toScheduleView, type ScheduleRow } from './schedule-view';
import { isUniqueViolation } from './sqlite-errors';
import { historyWindowOrDefault } from './default-history-window';

/** The current instant in epoch ms; injected so tests control time. */
export type Now = () => number;

export type CreatedSchedule = {
  schedule: ScheduleView;
  /** The pending execution made for `syncImmediately`, picked up by the dispatcher at once. */
  immediateExecutionId: number | null;
  immediateExecution: ExecutionView | null;
};

/** The operator's changes (each one an audit entry) and `schedule.attention`, set by a sync's outcome. */
export type ScheduleChangeAction =
  | 'schedule.created'
  | 'schedule.updated'
  | 'schedule.deleted'
  | 'schedule.paused'
  | 'schedule.resumed'
  | 'schedule.attention';

/**
 * Told of every change after it is committed: the engine writes the audit trail and pushes the UI's events from
 * here, so no code path can change a schedule unseen. `execution` is the immediate execution of a creation, or
 * the waiting one a deletion cancelled; `previous` is the schedule as it was before an update.
 */
export type ScheduleChangeListener = (
  action: ScheduleChangeAction,
  schedule: ScheduleView,
  execution?: ExecutionView | null,
  previous?: ScheduleView,
) => void;

export const SCHEDULE_DELETED_MESSAGE = 'Cancelled before it started: its schedule was deleted.';

/** Sync schedules: one per chart, timed on a grid anchored to the schedule so next_sync_at never drifts. */
export class ScheduleService {
  constructor(
    private readonly database: AppDatabase,
    private readonly clock: Now = Date.now,
    private readonly onChange: ScheduleChangeListener = () => {},
  ) {}

  create(input: CreateScheduleInput): CreatedSchedule {
    const value = parseInput(createScheduleInput, input);
    const chart = getChartById(this.database, value.chartId);
    if (!chart) throw new ChartSyncError('not_found', `Chart ${value.chartId} does not exist.`);
    const exists = () =>
      new ChartSyncError(
        'schedule_exists',
        `"${chart.name}" already has a sync schedule; edit that one instead.`,
      );
    if (this.findRowByChart(chart.id)) throw exists();
    const now = this.clock();
    const syncFrequency = value.syncFrequency ?? detectSyncFrequency(chart.frequency);
    const timing = {
      frequency: syncFrequency,
      customIntervalHours: syncFrequency === 'custom' ? (value.customIntervalHours ?? null) : null,
      cronExpression: syncFrequency === 'cron' ? (value.cronExpression ?? null) : null,
      timeZone: syncFrequency === 'cron' ? (value.timeZone ?? null) : null,
      anchorAt: now,
    };
    const insert = this.database.sqlite.transaction(() => {
      const row = this.database.db
        .insert(chartSyncSchedules)
        .values({
          chartId: chart.id,
          isActive: value.isActive,
          syncFrequency,
          customIntervalHours: timing.customIntervalHours,
          cronExpression: timing.cronExpression,
          timeZone: timing.timeZone,
          anchorAt: now,
          nextSyncAt: nextSyncAfter(timing, now),
          syncImmediately: value.syncImmediately,
          syncHistoricalData: value.syncHistoricalData,
          fetchTrackMetadata: value.fetchTrackMetadata,
          historyWindowDays: historyWindowOrDefault(this.database, value.historyWindowDays),
          createdBy: value.createdBy,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      const immediate = value.syncImmediately
        ? toExecutionView(
            this.database.db
              .insert(chartSyncExecutions)
              .values({
                scheduleId: row.id,
                chartId: row.chartId,
                trigger: 'immediate',
                createdAt: now,
                updatedAt: now,
              })
              .returning()
              .get(),
          )
        : null;
      return {
        schedule: this.view(row, chart, now),
        immediateExecutionId: immediate?.id ?? null,
        immediateExecution: immediate,
      };
    });
    let created: CreatedSchedule;
    try {
      created = insert();
    } catch (error) {
      // Another caller (a second window, the CLI) created it between the check above and the insert.
      if (isUniqueViolation(error)) throw exists();
      throw error;
    }
    this.onChange('schedule.created', created.schedule, created.immediateExecution);
    return created;
  }

  /**
   * A partial update. Changing the timing re-anchors the grid at the moment of the change. A timing field left
   * out keeps its value; sent as null it is cleared, which the frequency in force refuses if it needs it (a
   * custom schedule without an interval cannot run). Fields of another frequency are always cleared.
   */
  update(id: number, input: UpdateScheduleInput): ScheduleView {
    const change = parseInput(updateScheduleInput, input);
    const current = this.requireRow(id);
    const previous = this.get(id);
    const frequency = change.syncFrequency ?? current.syncFrequency;
    refuseInvalidStrayTiming(frequency, change);
    const given = <K extends 'customIntervalHours' | 'cronExpression' | 'timeZone'>(field: K) =>
      change[field] === undefined ? current[field] : change[field];
    const merged = parseInput(scheduleTimingInput, {
      syncFrequency: frequency,
      customIntervalHours: frequency === 'custom' ? given('customIntervalHours') : null,
      cronExpression: frequency === 'cron' ? given('cronExpression') : null,
      timeZone: frequency === 'cron' ? given('timeZone') : null,
    });
    const now = this.clock();
    const timingChanged =
      merged.syncFrequency !== current.syncFrequency ||
      merged.customIntervalHours !== current.customIntervalHours ||
      merged.cronExpression !== current.cronExpression ||
      merged.timeZone !== current.timeZone;
    const anchorAt = timingChanged ? now : current.anchorAt;
    const isActive = change.isActive ?? current.isActive;
    const gridSlot = timingChanged
      ? nextSyncAfter({ frequency: merged.syncFrequency, ...merged, anchorAt }, now)
      : current.nextSyncAt;
    // Resuming through an update follows setActive's rule, so the two ways to resume cannot disagree.
    const nextSyncAt = resumedSlot(current, isActive, gridSlot, now);
    const options = {
      syncHistoricalData: change.syncHistoricalData ?? current.syncHistoricalData,
      fetchTrackMetadata: change.fetchTrackMetadata ?? current.fetchTrackMetadata,
      historyWindowDays: change.historyWindowDays ?? current.historyWindowDays,
    };
    const unchanged =
      !timingChanged &&
      isActive === current.isActive &&
      nextSyncAt === current.nextSyncAt &&
      (Object.keys(options) as (keyof typeof options)[]).every((key) => options[key] === current[key]);
    // An empty change (or the same values again) is not a change: no write, no updated_at, no event, no audit.
    if (unchanged) return previous;
    this.database.db
      .update(chartSyncSchedules)
      .set({
        ...merged,
        anchorAt,
        nextSyncAt,
        isActive,
        ...options,
        updatedAt: now,
      })
      .where(eq(chartSyncSchedules.id, id))
      .run();
    const updated = this.get(id);
    this.onChange('schedule.updated', updated, null, previous);
    if (isActive !== current.isActive)
      this.onChange(isActive ? 'schedule.resumed' : 'schedule.paused', updated);
    return updated;
  }

  /**
   * Pausing keeps the grid; resuming a schedule whose slot passed while paused makes it due at once, so the
   * operator gets one fresh sync rather than waiting a whole interval.
   */
  setActive(id: number, active: boolean): ScheduleView {
    const current = this.requireRow(id);
    const now = this.clock();
    const nextSyncAt = resumedSlot(current, active, current.nextSyncAt, now);
    this.database.db
      .update(chartSyncSchedules)
      .set({ isActive: active, nextSyncAt, updatedAt: now })
      .where(eq(chartSyncSchedules.id, id))
      .run();
    const changed = this.get(id);
    if (active !== current.isActive) this.onChange(active ? 'schedule.resumed' : 'schedule.paused', changed);
    return changed;
  }

  /** Flags (or clears, with null) a problem only the operator can fix: bad credentials, plan, quota. */
  setAttention(id: number, reason: string | null): ScheduleView {
    const result = this.database.db
      .update(chartSyncSchedules)
      .set({ attentionReason: reason, updatedAt: this.clock() })
      .where(and(eq(chartSyncSchedules.id, id), sql`${chartSyncSchedules.attentionReason} IS NOT ${reason}`))
      .run();
    const schedule = this.get(id);
    // Cleared after every successful run: only a real change is worth telling the UI about.
    if (result.changes > 0) this.onChange('schedule.attention', schedule);
    return schedule;
  }

  /**
   * Deletes a schedule; its executions and audit entries stay, as history of its chart. A sync waiting to start
   * (or to retry) is cancelled with it, since nothing would ever run it; one that is running refuses the delete,
   * so no sync is left running without a schedule to close into (cancel it or let it finish first).
   */
  remove(id: number): void {
    const schedule = this.get(id);
    const now = this.clock();
    const cancelled = this.database.sqlite.transaction(() => {
      const running = this.database.db
        .select({ id: chartSyncExecutions.id })
        .from(chartSyncExecutions)
        .where(and(eq(chartSyncExecutions.scheduleId, id), eq(chartSyncExecutions.status, 'running')))
        .get();
      if (running) {
        throw new ChartSyncError(
          'execution_active',
          `A sync of "${schedule.chart.name}" is running; cancel it or wait for it to finish, then delete the schedule.`,
        );
      }
      const waiting = this.database.db
        .update(chartSyncExecutions)
        .set({
          status: 'cancelled',
          errorMessage: SCHEDULE_DELETED_MESSAGE,
          errorCode: 'cancelled',
          completedAt: now,
          nextAttemptAt: null,
          updatedAt: now,
        })
        .where(and(eq(chartSyncExecutions.scheduleId, id), eq(chartSyncExecutions.status, 'pending')))
        .returning()
        .get();
      this.database.db.delete(chartSyncSchedules).where(eq(chartSyncSchedules.id, id)).run();
      // As it was when cancelled: the audit entry names the schedule it belonged to.
      return waiting ? toExecutionView(waiting) : null;
    })();
    this.onChange('schedule.deleted', schedule, cancelled);
  }

  get(id: number): ScheduleView {
    const found = this.joined().where(eq(chartSyncSchedules.id, id)).get();
    if (!found) throw notFound(id);
    return this.view(found.schedule, found.chart, this.clock());
  }

  getByChart(chartId: number): ScheduleView | null {
    const found = this.joined().where(eq(chartSyncSchedules.chartId, chartId)).get();
    return found ? this.view(found.schedule, found.chart, this.clock()) : null;
  }

  list(): ScheduleView[] {
    const now = this.clock();
    const found = this.joined().orderBy(asc(charts.name), asc(chartSyncSchedules.id)).all();
    const recent = recentExecutions(this.database);
    return found.map(({ schedule, chart }) => this.view(schedule, chart, now, recent.get(schedule.id) ?? []));
  }

  /** Active schedules whose slot has come and that are not already running or waiting to run. */
  due(now: number = this.clock()): ScheduleView[] {
    return (
      this.joined()
        .where(
          and(
            eq(chartSyncSchedules.isActive, true),
            lte(chartSyncSchedules.nextSyncAt, now),
            notExists(
              this.database.db
                .select({ id: chartSyncExecutions.id })
                .from(chartSyncExecutions)
                .where(
                  and(
                    eq(chartSyncExecutions.scheduleId, chartSyncSchedules.id),
                    inArray(chartSyncExecutions.status, ACTIVE_EXECUTION_STATUSES),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(chartSyncSchedules.nextSyncAt))
        .all()
        // A timing that cannot be used has no next slot to move to after the run: it waits for the operator.
        .filter((found) => timingState(found.schedule, now).problem === null)
        .map((found) => this.view(found.schedule, found.chart, now))
    );
  }

  /** The soonest slot of any active schedule, for the scheduler's precise wake-up. */
  earliestNextSync(): number | null {
    const row = this.database.db
      .select({ next: min(chartSyncSchedules.nextSyncAt) })
      .from(chartSyncSchedules)
      .where(eq(chartSyncSchedules.isActive, true))
      .get();
    return row?.next ?? null;
  }

  /** Where the grid puts the next sync after `after` (the original's calculate_next_sync, without drift). */
  calculateNextSync(id: number, after: number = this.clock()): number {
    return nextSyncAfter(timingOf(this.requireRow(id)), after);
  }

  /** A view with its health; `recent` when the caller read a whole list's executions at once. */
  private view(
    row: ScheduleRow,
    chart: ChartRow,
    now: number,
    recent: readonly HealthExecution[] = recentExecutions(this.database, row.id).get(row.id) ?? [],
  ): ScheduleView {
    return toScheduleView(row, chart, now, healthOf(row, recent, now));
  }

  private joined() {
    return this.database.db
      .select({ schedule: chartSyncSchedules, chart: charts })
      .from(chartSyncSchedules)
      .innerJoin(charts, eq(charts.id, chartSyncSchedules.chartId));
  }

  private findRowByChart(chartId: number): ScheduleRow | undefined {
    return this.database.db
      .select()
      .from(chartSyncSchedules)
      .where(eq(chartSyncSchedules.chartId, chartId))
      .get();
  }

  private requireRow(id: number): ScheduleRow {
    const row = this.database.db.select().from(chartSyncSchedules).where(eq(chartSyncSchedules.id, id)).get();
    if (!row) throw notFound(id);
    return row;
  }
}

export function notFound(id: number): ChartSyncError {
  return new ChartSyncError('not_found', `Schedule ${id} does not exist.`);
}

/**
 * A cron expression or time zone sent with a frequency that does not use them is cleared, as documented; but an
 * invalid one is refused by its field, not dropped unseen (a client would believe it had set it). Checked as the
 * cron schedule it would make, with a stand-in for whichever of the two was not sent.
 */
function refuseInvalidStrayTiming(
  frequency: ScheduleRow['syncFrequency'],
  change: Pick<UpdateScheduleInput, 'cronExpression' | 'timeZone'>,
): void {
  if (frequency === 'cron') return;
  const { cronExpression, timeZone } = change;
  if ((cronExpression ?? null) === null && (timeZone ?? null) === null) return;
  parseInput(scheduleTimingInput, {
    syncFrequency: 'cron',
    customIntervalHours: null,
    cronExpression: cronExpression ?? STAND_IN_CRON,
    timeZone: timeZone ?? 'UTC',
  });
}

/** A valid daily cron, standing in for the expression when only a stray time zone is checked. */
const STAND_IN_CRON = '0 0 * * *';

/** The resume rule of setActive (see there), shared with update. */
function resumedSlot(
  current: Pick<ScheduleRow, 'isActive'>,
  active: boolean,
  slot: number | null,
  now: number,
): number | null {
  return active && !current.isActive && (slot === null || slot < now) ? now : slot;
}
