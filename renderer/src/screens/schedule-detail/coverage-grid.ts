import type { ChartFrequency } from '../../../../shared/domain/frequency';
import type { CoveragePeriod, CoverageState } from '../../../../shared/views/schedule-detail';

export type CoverageCell = {
  key: string;
  state: CoverageState;
  /** 0-based column: the day of the month, the ISO week or the month, so rows line up like a calendar. */
  column: number;
  /** The period's dates as a person reads them, for the tooltip. */
  label: string;
  /** The period's first and last calendar dates (inclusive): where its stored ranking is looked for. */
  start: string;
  end: string;
};
export type CoverageRow = { key: string; label: string; cells: CoverageCell[] };
export type CoverageLayout = { columns: number; rows: CoverageRow[] };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export const COVERAGE_STATE_LABEL: Record<CoverageState, string> = {
  synced: 'Synced',
  missing: 'Missing',
  failed: 'Failed',
  pending: 'Pending',
};

/** What a cell's tooltip adds to its state, where the word alone does not say it. */
const STATE_NOTE: Partial<Record<CoverageState, string>> = { pending: 'not ended yet' };

/** "23 Nov 2026: pending (not ended yet)": a cell's tooltip and accessible name. */
export function cellDescription(cell: Pick<CoverageCell, 'label' | 'state'>): string {
  const note = STATE_NOTE[cell.state];
  return `${cell.label}: ${COVERAGE_STATE_LABEL[cell.state].toLowerCase()}${note ? ` (${note})` : ''}`;
}

type Civil = { year: number; month: number; day: number };

/** Calendar dates are read as text, never through Date in local time, so the machine's zone cannot shift them. */
function civilOf(date: string): Civil {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return { year, month, day };
}

function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "24 Nov 2026". */
export function formatDay(date: string): string {
  const { year, month, day } = civilOf(date);
  return `${day} ${monthName(month)} ${year}`;
}

/** "3 Nov – 9 Nov 2026", with both years when the range spans two. */
function formatRange(start: string, end: string): string {
  const a = civilOf(start);
  const b = civilOf(end);
  const from = a.year === b.year ? `${a.day} ${monthName(a.month)}` : formatDay(start);
  return `${from} – ${formatDay(end)}`;
}

export function periodLabel(
  frequency: ChartFrequency,
  period: Pick<CoveragePeriod, 'key' | 'start' | 'end'>,
): string {
  switch (frequency) {
    case 'daily':
      return formatDay(period.start);
    case 'weekly': {
      const week = Number(period.key.split('-W')[1]);
      return `Week ${week} (${formatRange(period.start, period.end)})`;
    }
    case 'monthly': {
      const { year, month } = civilOf(period.start);
      return `${monthName(month)} ${year}`;
    }
  }
}

/**
 * Lays the history window out as a calendar: a daily chart gets one row per month (a column per day of the
 * month), a weekly chart one row per ISO week-year (a column per week), a monthly one a row per year. Periods
 * come oldest first and rows keep that order.
 */
export function coverageLayout(
  frequency: ChartFrequency,
  periods: readonly CoveragePeriod[],
): CoverageLayout {
  const rows: CoverageRow[] = [];
  const byKey = new Map<string, CoverageRow>();
  for (const period of periods) {
    const start = civilOf(period.start);
    let rowKey: string;
    let rowLabel: string;
    let column: number;
    if (frequency === 'daily') {
      rowKey = period.start.slice(0, 7);
      rowLabel = `${monthName(start.month)} ${start.year}`;
      column = start.day - 1;
    } else if (frequency === 'weekly') {
      // The ISO week-year, not the calendar year: 2020-W53 ends in January 2021 and belongs to 2020's row.
      const [weekYear = '', week = '1'] = period.key.split('-W');
      rowKey = weekYear;
      rowLabel = weekYear;
      column = Number(week) - 1;
    } else {
      rowKey = String(start.year);
      rowLabel = rowKey;
      column = start.month - 1;
    }
    let row = byKey.get(rowKey);
    if (!row) {
      row = { key: rowKey, label: rowLabel, cells: [] };
      byKey.set(rowKey, row);
      rows.push(row);
    }
    row.cells.push({
      key: period.key,
      state: period.state,
      column,
      label: periodLabel(frequency, period),
      start: period.start,
      end: period.end,
    });
  }
  const columns = frequency === 'daily' ? 31 : frequency === 'weekly' ? 53 : 12;
  return { columns, rows };
}
