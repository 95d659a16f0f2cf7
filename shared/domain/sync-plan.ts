import type { ChartFrequency } from './frequency';
import { calendarDateOf, expectedPeriods, periodKeyOf, type Period } from './periods';

/** A snapshot already in the database, as planning sees it. */
export type StoredSnapshot = {
  datetime: string;
  /** Whether every entry the API reported (page.total) is stored. */
  complete: boolean;
};

export type PlannedPeriod = {
  key: string;
  /** The datetime to request: one the API listed, or a guess on the chart's calendar when no list exists. */
  datetime: string;
  /** 'incomplete': a snapshot of this period is stored but lacks entries, and is fetched again in place. */
  reason: 'missing' | 'incomplete';
  /** Whether the datetime came from the API's list (a guess may legitimately not exist). */
  listed: boolean;
};

export type PlanInput = {
  frequency: ChartFrequency;
  window: { from: string; to: string };
  /** Datetimes from available-rankings, in any order; null when the list could not be had. */
  available: readonly string[] | null;
  stored: readonly StoredSnapshot[];
  /** Off: only the newest missing period, as a plain "sync the latest" would. */
  historical: boolean;
};

/**
 * Hour at which Soundcharts stamps chart rankings (T12:00:00+00:00): the guess used for the calendar fallback.
 */
const FALLBACK_STAMP = 'T12:00:00+00:00';

/**
 * The periods a history window covers: every day, ISO week or month that overlaps it, so a monthly chart's
 * 60-day window holds the month it starts in. The coverage grid shows exactly these, and planning fetches
 * exactly these: one answer for "what is missing" and "what a backfill fetches".
 */
export function windowPeriods(frequency: ChartFrequency, window: { from: string; to: string }): Period[] {
  return expectedPeriods(frequency, window);
}

/**
 * The calendar dates the window's periods span, from the first one's start to the last one's end: a snapshot
 * anywhere in them covers its period (the June ranking of a window that starts on 25 June is dated 1 June).
 */
export function windowSpan(frequency: ChartFrequency, window: { from: string; to: string }) {
  const periods = windowPeriods(frequency, window);
  return { from: periods[0]!.start, to: periods.at(-1)!.end };
}

/**
 * Which periods of the history window to fetch: those Soundcharts has (its list of dates; the chart's
 * calendar when the list is unavailable) whose period has no complete snapshot stored. Newest first, so an
 * interrupted backfill has filled the recent past, which matters most.
 */
export function planPeriods(input: PlanInput): PlannedPeriod[] {
  const { frequency, window } = input;
  const keyOf = (datetime: string) => periodKeyOf(frequency, calendarDateOf(datetime));
  const complete = new Set(input.stored.filter((s) => s.complete).map((s) => keyOf(s.datetime)));
  const incomplete = new Set(input.stored.filter((s) => !s.complete).map((s) => keyOf(s.datetime)));

  const periods = windowPeriods(frequency, window);
  const inWindow = new Set(periods.map((p) => p.key));
  const candidates = new Map<string, { datetime: string; listed: boolean }>();
  if (input.available) {
    for (const datetime of input.available) {
      const key = keyOf(datetime);
      if (!inWindow.has(key)) continue;
      const current = candidates.get(key);
      // Two listed datetimes in one period (an offset change, a re-publication): the later one wins.
      if (!current || current.datetime < datetime) candidates.set(key, { datetime, listed: true });
    }
  } else {
    for (const period of periods) {
      const day = frequency === 'daily' ? period.start : period.end < window.to ? period.end : window.to;
      candidates.set(period.key, { datetime: `${day}${FALLBACK_STAMP}`, listed: false });
    }
  }

  const planned = [...candidates.entries()]
    .filter(([key]) => !complete.has(key))
    .map(([key, c]): PlannedPeriod => ({ key, ...c, reason: incomplete.has(key) ? 'incomplete' : 'missing' }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  if (input.historical) return planned;
  const newestKey = [...candidates.keys()].sort().at(-1);
  return planned.filter((p) => p.key === newestKey);
}

/** Requests a plan costs: the pages of every ranking (at most `pageSize` entries a page). */
export function planRequestCost(periods: number, entriesPerRanking: number, pageSize: number): number {
  return periods * Math.max(1, Math.ceil(entriesPerRanking / pageSize));
}
