import { median } from './analytics';
import type { ChartFrequency } from './frequency';
import { nextRuns, timingProblem, type ScheduleTiming } from './next-sync';
import { DAY_MS, FREQUENCY_INTERVAL_MS, HOUR_MS, QUOTA_PLAN_MONTH_DAYS } from './policies';

/**
 * The quota planner's projection, pure: what each schedule will cost per 30-day month, from its own history when
 * it has one, and when the plan's remaining quota runs out at that rate.
 */

const MONTH_MS = QUOTA_PLAN_MONTH_DAYS * DAY_MS;

/** The API's largest page: a ranking of 200 entries is two requests. */
export const RANKING_PAGE_SIZE = 100;
/** An estimated routine run asks for the chart's list of dates once (its first page). */
export const DATE_LIST_REQUESTS_PER_RUN = 1;
/** Routine runs measured for a schedule's requests per run: the median of its latest ones. */
export const QUOTA_HISTORY_RUNS = 10;
/**
 * Without history, the share of a ranking's entries assumed new to the database each period (each costs one
 * metadata request). A guess on the side of caution; the schedule's own tracks_created replace it once it ran.
 */
export const ESTIMATED_NEW_SONG_SHARE = 0.1;
/** A run planning more than this many times a routine run's periods filled history: not a routine cost. */
export const ROUTINE_PERIODS_FACTOR = 2;
/** Periods Soundcharts publishes per 30-day month. */
const PERIODS_PER_MONTH: Readonly<Record<ChartFrequency, number>> = {
  daily: QUOTA_PLAN_MONTH_DAYS,
  weekly: QUOTA_PLAN_MONTH_DAYS / 7,
  monthly: 1,
};

export type QuotaPlanSchedule = {
  scheduleId: number;
  chartId: number;
  slug: string;
  name: string;
  active: boolean;
  timing: ScheduleTiming;
  chartFrequency: ChartFrequency;
  /** The chart's maxResultsCount (entries of one ranking). */
  entriesPerRanking: number;
  syncHistoricalData: boolean;
  fetchTrackMetadata: boolean;
  /** requests_made of its latest completed routine runs (not backfills), newest first. */
  recentRequests: readonly number[];
  /** tracks_created of the same runs. */
  recentTracksCreated: readonly number[];
  /**
   * periods_planned of the same runs. A run that planned far more periods than a routine one (the first run,
   * filling the history window, or one catching up after a pause) says nothing about routine cost: left out.
   */
  recentPeriodsPlanned: readonly number[];
  /** Songs of its recent rankings whose metadata this schedule keeps fresh (each refreshed every 30 days). */
  songsToRefresh: number;
};

export type ScheduleProjection = {
  scheduleId: number;
  chartId: number;
  slug: string;
  name: string;
  active: boolean;
  runsPerMonth: number;
  requestsPerRun: number;
  metadataPerMonth: number;
  perMonth: number;
  basis: 'history' | 'estimate';
};

/**
 * Syncs per 30-day month on a timing, from `now`: the month divided by the interval for fixed timings, the runs
 * of the next 30 days for cron. A timing that cannot run (a bad cron or zone) runs 0 times.
 */
export function runsPerMonth(timing: ScheduleTiming, now: number): number {
  if (timingProblem(timing) !== null) return 0;
  switch (timing.frequency) {
    case 'daily':
    case 'weekly':
    case 'monthly':
      return MONTH_MS / FREQUENCY_INTERVAL_MS[timing.frequency];
    case 'custom':
      return MONTH_MS / (timing.customIntervalHours! * HOUR_MS);
    case 'cron': {
      // Cron runs are at least an hour apart (timingProblem), so a month holds at most 720 of them.
      const runs = nextRuns(timing, now, QUOTA_PLAN_MONTH_DAYS * 24 + 1);
      return runs.filter((run) => run <= now + MONTH_MS).length;
    }
  }
}

/** Pages of one ranking. */
export function pagesPerRanking(entries: number): number {
  return Math.max(1, Math.ceil(entries / RANKING_PAGE_SIZE));
}

/** What one schedule costs per month. Paused: nothing. */
export function projectSchedule(schedule: QuotaPlanSchedule, now: number): ScheduleProjection {
  const base = {
    scheduleId: schedule.scheduleId,
    chartId: schedule.chartId,
    slug: schedule.slug,
    name: schedule.name,
    active: schedule.active,
  };
  // A paused schedule spends nothing, yet what one of its runs would cost is still shown.
  const timingRuns = runsPerMonth(schedule.timing, now);
  const runs = schedule.active ? timingRuns : 0;
  // A run fetches the periods published since the one before: a month's periods shared among its runs (with
  // historical sync off, at most the newest one a run), plus the list of dates it plans from.
  const periods = PERIODS_PER_MONTH[schedule.chartFrequency];
  const periodsPerRun =
    timingRuns === 0
      ? 0
      : schedule.syncHistoricalData
        ? periods / timingRuns
        : Math.min(1, periods / timingRuns);
  const routine = routineRuns(schedule.recentPeriodsPlanned, periodsPerRun);
  const recent = routine(schedule.recentRequests);
  const measured = recent.length > 0 ? median(recent) : null;
  const pages = pagesPerRanking(schedule.entriesPerRanking);
  const requestsPerRun = measured ?? DATE_LIST_REQUESTS_PER_RUN + periodsPerRun * pages;

  let metadataPerMonth = 0;
  if (schedule.fetchTrackMetadata && runs > 0) {
    const tracks = routine(schedule.recentTracksCreated);
    const newSongs =
      tracks.length > 0
        ? median(tracks)! * runs
        : periodsPerRun * runs * schedule.entriesPerRanking * ESTIMATED_NEW_SONG_SHARE;
    // Metadata older than 30 days is fetched again when the song is seen in a new period: about once a month.
    metadataPerMonth = newSongs + schedule.songsToRefresh;
  }
  const perMonth = runs * requestsPerRun + metadataPerMonth;
  return {
    ...base,
    runsPerMonth: round1(runs),
    requestsPerRun: round1(requestsPerRun),
    metadataPerMonth: Math.round(metadataPerMonth),
    perMonth: Math.round(perMonth),
    basis: measured === null ? 'estimate' : 'history',
  };
}

/**
 * Picks, from a measure of the latest runs (newest first), the latest QUOTA_HISTORY_RUNS routine ones: runs that
 * planned at most ROUTINE_PERIODS_FACTOR times the periods a routine run fetches (at least 2).
 */
function routineRuns(periodsPlanned: readonly number[], periodsPerRun: number) {
  const limit = Math.max(2, Math.ceil(periodsPerRun * ROUTINE_PERIODS_FACTOR));
  return (values: readonly number[]): number[] =>
    values.filter((_, i) => (periodsPlanned[i] ?? 0) <= limit).slice(0, QUOTA_HISTORY_RUNS);
}

export type BillingCycle = { start: number; end: number; daysLeft: number };

/**
 * The billing cycle holding `now`: from `day` of a month (UTC midnight, as Soundcharts counts) to the same day
 * of the next. `day` is 1–28, so every month has it.
 */
export function billingCycle(now: number, day: number): BillingCycle {
  if (!Number.isInteger(day) || day < 1 || day > 28) throw new RangeError(`day must be 1–28, got ${day}`);
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const thisMonth = Date.UTC(year, month, day);
  const start = now >= thisMonth ? thisMonth : Date.UTC(year, month - 1, day);
  const startDate = new Date(start);
  const end = Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth() + 1, day);
  return { start, end, daysLeft: Math.ceil((end - now) / DAY_MS) };
}

export type QuotaPlanInput = {
  now: number;
  schedules: readonly QuotaPlanSchedule[];
  /** Audience requests of the last 30 days (sent on demand, when someone opens a song). */
  audienceLast30Days: number;
  remaining: number | null;
  cycle: BillingCycle;
};

export type QuotaPlan = {
  schedules: ScheduleProjection[];
  audiencePerMonth: number;
  projectedPerMonth: number;
  projectedToCycleEnd: number;
  exhaustsAt: number | null;
};

/** Every schedule's projection, their sum with audience, and when the remaining quota runs out before the cycle ends. */
export function projectQuota(input: QuotaPlanInput): QuotaPlan {
  const schedules = input.schedules.map((s) => projectSchedule(s, input.now));
  const audiencePerMonth = Math.round(input.audienceLast30Days * (QUOTA_PLAN_MONTH_DAYS / 30));
  const projectedPerMonth = schedules.reduce((sum, s) => sum + s.perMonth, 0) + audiencePerMonth;
  return {
    schedules,
    audiencePerMonth,
    projectedPerMonth,
    ...untilCycleEnd(projectedPerMonth, 0, input),
  };
}

/**
 * At `perMonth` (plus a one-off `upfront` spent now, like a first backfill): what is spent from now to the end of
 * the cycle, and when the remaining quota runs out if that is before the cycle ends.
 */
export function untilCycleEnd(
  perMonth: number,
  upfront: number,
  input: Pick<QuotaPlanInput, 'now' | 'remaining' | 'cycle'>,
): { projectedToCycleEnd: number; exhaustsAt: number | null } {
  const { now, remaining, cycle } = input;
  const left = Math.max(0, cycle.end - now);
  const projectedToCycleEnd = Math.round(upfront + (perMonth * left) / MONTH_MS);
  if (remaining === null || projectedToCycleEnd <= remaining)
    return { projectedToCycleEnd, exhaustsAt: null };
  if (remaining <= upfront || perMonth <= 0) return { projectedToCycleEnd, exhaustsAt: now };
  return { projectedToCycleEnd, exhaustsAt: Math.round(now + ((remaining - upfront) / perMonth) * MONTH_MS) };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export type ImpactFacts = {
  beforePerMonth: number;
  afterPerMonth: number;
  backfillRequests: number;
  remaining: number | null;
  cycleEnd: number;
  exhaustsAt: number | null;
};

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const day = (instant: number) =>
  new Date(instant).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** The schedule editor's one sentence: what the change adds, what is left, and whether it lasts the cycle. */
export function quotaImpactMessage(facts: ImpactFacts): string {
  const delta = facts.afterPerMonth - facts.beforePerMonth;
  const monthly =
    Math.round(delta) === 0
      ? 'Changes the monthly requests by less than one'
      : delta > 0
        ? `Adds about ${count(delta)} requests a month`
        : `Saves about ${count(-delta)} requests a month`;
  const once =
    facts.backfillRequests > 0 ? `, plus ${count(facts.backfillRequests)} once for the history` : '';
  if (facts.remaining === null) {
    return `${monthly}${once}; the remaining quota is not known yet (Soundcharts tells it with the first request).`;
  }
  if (facts.exhaustsAt !== null) {
    return `${monthly}${once}: the ${count(facts.remaining)} requests left would run out by ${day(facts.exhaustsAt)}, before the billing cycle ends on ${day(facts.cycleEnd)}.`;
  }
  return `${monthly}${once}; ${count(facts.remaining)} requests left until ${day(facts.cycleEnd)}.`;
}
