import { addDays } from '../../../shared/domain/periods';

/**
 * How a ranking entry is stored (chart_ranking_entries, migration 0004) and rebuilt, exactly as the API gave it.
 * Most of an entry repeats its ranking: rankDate is the ranking's datetime, entryDate is that datetime a whole
 * number of days earlier, the unit is the ranking's, positionEvolution follows from the positions, entryState is
 * ''. Those are not stored; whatever differs goes verbatim into `extra` (JSON), which is NULL nearly always.
 * Migration 0004 encodes the old rows with the SQL twin of `encodeEntry`: change both together.
 */

/** The ranking fields an entry is encoded against. */
export type RankingContext = { datetime: string; timeOnChartUnit: string | null };

/** The stored columns after the key (ranking_id, position) and song_id, in table order. */
export type EncodedEntry = {
  oldPosition: number;
  metric: number | null;
  timeOnChart: number | null;
  entryDays: number | null;
  extra: string | null;
};

type Extra = {
  entryDate?: string;
  rankDate?: string | null;
  entryState?: string;
  timeOnChartUnit?: string | null;
  positionEvolution?: number;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The unit most entries have (ties: the smallest), stored once on the ranking. */
export function commonUnit(entries: readonly { timeOnChartUnit: string | null }[]): string | null {
  const counts = new Map<string | null, number>();
  for (const { timeOnChartUnit } of entries)
    counts.set(timeOnChartUnit, (counts.get(timeOnChartUnit) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [unit, count] of counts) {
    // SQL's ORDER BY puts NULL first: the same tie-break as migration 0004.
    if (count > bestCount || (count === bestCount && unit !== best && lessThan(unit, best))) {
      best = unit;
      bestCount = count;
    }
  }
  return best;
}

const lessThan = (a: string | null, b: string | null) => a === null || (b !== null && a < b);

export function derivedEvolution(position: number, oldPosition: number): number {
  return oldPosition === 0 ? 0 : oldPosition - position;
}

/** Days before the ranking's datetime, when `entryDate` is that datetime moved by whole days; else null. */
function entryDaysOf(entryDate: string, datetime: string): number | null {
  if (entryDate.length !== datetime.length || entryDate.slice(10) !== datetime.slice(10)) return null;
  const day = dayNumber(datetime.slice(0, 10));
  const entryDay = dayNumber(entryDate.slice(0, 10));
  return day === null || entryDay === null ? null : day - entryDay;
}

/** Day numbers of the calendar dates met, by text: entry dates repeat from one ranking to the next. */
const dayNumbers = new Map<string, number | null>();
const MAX_DAY_NUMBERS = 100_000;

/**
 * The day number of a 'YYYY-MM-DD' that `addDays` writes back exactly as given (so the entry date is rebuilt
 * exactly); null for anything else ('2025-02-30', '2025-6-2').
 */
function dayNumber(date: string): number | null {
  let found = dayNumbers.get(date);
  if (found !== undefined) return found;
  const ms = DATE.test(date) ? Date.parse(date) : Number.NaN;
  found = Number.isFinite(ms) ? Math.round(ms / DAY_MS) : null;
  try {
    if (found !== null && addDays(EPOCH_DAY, found) !== date) found = null;
  } catch {
    found = null;
  }
  if (dayNumbers.size >= MAX_DAY_NUMBERS) dayNumbers.clear();
  dayNumbers.set(date, found);
  return found;
}

const EPOCH_DAY = '1970-01-01';

const rebuiltEntryDate = (days: number, datetime: string) =>
  addDays(datetime.slice(0, 10), -days) + datetime.slice(10);

/** Encodes the API's entry (or an entry read back: `decodeEntry` ∘ `encodeEntry` is the identity). */
export function encodeEntry(entry: DecodedEntry, ranking: RankingContext): EncodedEntry {
  // Runs for every entry stored: the usual entry allocates nothing but its result.
  let extra: Extra | null = null;
  let entryDays: number | null = null;
  if (entry.entryDate !== null) {
    const days = entryDaysOf(entry.entryDate, ranking.datetime);
    if (days === null) (extra ??= {}).entryDate = entry.entryDate;
    else entryDays = days - (entry.timeOnChart ?? 0);
  }
  if (entry.rankDate !== ranking.datetime) (extra ??= {}).rankDate = entry.rankDate;
  if (entry.entryState !== '') (extra ??= {}).entryState = entry.entryState;
  if (entry.timeOnChartUnit !== ranking.timeOnChartUnit)
    (extra ??= {}).timeOnChartUnit = entry.timeOnChartUnit;
  if (entry.positionEvolution !== derivedEvolution(entry.position, entry.oldPosition))
    (extra ??= {}).positionEvolution = entry.positionEvolution;
  return {
    oldPosition: entry.oldPosition,
    metric: entry.metric,
    timeOnChart: entry.timeOnChart,
    entryDays,
    extra: extra === null ? null : JSON.stringify(extra),
  };
}

/** A stored row as the API gave it (the song as stored: its uuid, name, credit name and image). */
export type StoredEntryRow = EncodedEntry & { position: number };

/**
 * An entry's fields as the API gave them. Nullable where the schema is (rows stored by older versions may hold
 * NULLs the API's parser now refuses).
 */
export type DecodedEntry = {
  position: number;
  oldPosition: number;
  positionEvolution: number;
  metric: number | null;
  entryState: string;
  entryDate: string | null;
  rankDate: string | null;
  timeOnChart: number | null;
  timeOnChartUnit: string | null;
};

export function decodeEntry(row: StoredEntryRow, ranking: RankingContext): DecodedEntry {
  const extra = row.extra === null ? {} : (JSON.parse(row.extra) as Extra);
  const entryDate =
    'entryDate' in extra
      ? extra.entryDate!
      : row.entryDays === null
        ? null
        : rebuiltEntryDate(row.entryDays + (row.timeOnChart ?? 0), ranking.datetime);
  return {
    position: row.position,
    oldPosition: row.oldPosition,
    positionEvolution: extra.positionEvolution ?? derivedEvolution(row.position, row.oldPosition),
    metric: row.metric,
    entryState: extra.entryState ?? '',
    entryDate,
    rankDate: 'rankDate' in extra ? extra.rankDate! : ranking.datetime,
    timeOnChart: row.timeOnChart,
    timeOnChartUnit: 'timeOnChartUnit' in extra ? extra.timeOnChartUnit! : ranking.timeOnChartUnit,
  };
}

/** SQL of an entry's state and unit, for readers that select them (`e` the entry, `unit` the ranking's unit). */
export const ENTRY_STATE_SQL = `coalesce(e.extra ->> '$.entryState', '')`;
export function entryUnitSql(unit: string): string {
  return `CASE WHEN e.extra IS NULL OR json_type(e.extra, '$.timeOnChartUnit') IS NULL THEN ${unit}
    ELSE e.extra ->> '$.timeOnChartUnit' END`;
}
