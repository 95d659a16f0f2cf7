import type { RankingEntryView } from '../../../../shared/views/ranking';
import { timeOnChartText } from '../../../../shared/domain/time-on-chart';

/** How a movement reads in the table: the mark, and the words a screen reader says instead. */
export type MovementMark = { mark: string; label: string; tone: 'up' | 'down' | 'same' | 'new' | 're-entry' };

/** "▲ 3" / "▼ 12" / "=" / "NEW" / "RE", against the chart's previous stored period. */
export function movementMark(
  entry: Pick<RankingEntryView, 'movement' | 'change' | 'previousPosition'>,
): MovementMark {
  switch (entry.movement) {
    case 'up': {
      const n = Math.abs(entry.change ?? 0);
      return { mark: `▲ ${n}`, label: `up ${n} from ${entry.previousPosition ?? '?'}`, tone: 'up' };
    }
    case 'down': {
      const n = Math.abs(entry.change ?? 0);
      return { mark: `▼ ${n}`, label: `down ${n} from ${entry.previousPosition ?? '?'}`, tone: 'down' };
    }
    case 'same':
      return { mark: '=', label: 'same position', tone: 'same' };
    case 'new':
      return { mark: 'NEW', label: 'new entry', tone: 'new' };
    case 're-entry':
      return { mark: 'RE', label: 're-entry', tone: 're-entry' };
  }
}

/** Time on chart in words ('14 weeks'), a dash when Soundcharts did not say. */
export function formatTimeOnChart(value: number | null, unit: string | null): string {
  return value === null ? '—' : timeOnChartText(value, unit);
}

const metricFormat = new Intl.NumberFormat('en');

export function formatMetric(value: number | null): string {
  return value === null ? '—' : metricFormat.format(value);
}

/**
 * Text folded for searching: case, accents and width ignored ("Beyoncé" matches "beyonce", full-width "ＡＢＣ"
 * matches "abc"), CJK left as it is.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The entries whose title, artists or ISRC contain every word of the query; all of them for an empty query. */
export function searchEntries(entries: readonly RankingEntryView[], query: string): RankingEntryView[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = foldForSearch(
      `${entry.song.name} ${entry.song.creditName} ${entry.song.isrc ?? ''} #${entry.position}`,
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** The stored date nearest after (+1) or before (-1) `date` in `dates` (oldest first); null at either end. */
export function neighbourDate(dates: readonly string[], date: string, step: 1 | -1): string | null {
  if (step === 1) return dates.find((d) => d > date) ?? null;
  for (let i = dates.length - 1; i >= 0; i--) if (dates[i]! < date) return dates[i]!;
  return null;
}

/** The first stored date within a period [start, end] (calendar dates): what a coverage cell opens. */
export function storedDateIn(dates: readonly string[], start: string, end: string): string | null {
  return dates.find((d) => d >= start && d <= end) ?? null;
}
