const integer = new Intl.NumberFormat('en');

export function formatCount(n: number): string {
  return integer.format(n);
}

/** Success rate as shown: whole percent, "—" before the first run. */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate)}%`;
}

/** Colour band of a success rate: the original admin's green / orange / red. */
export type RateBand = 'good' | 'warn' | 'bad' | 'none';
export const RATE_GOOD_MIN = 90;
export const RATE_WARN_MIN = 70;

export function rateBand(rate: number | null): RateBand {
  if (rate === null) return 'none';
  if (rate >= RATE_GOOD_MIN) return 'good';
  if (rate >= RATE_WARN_MIN) return 'warn';
  return 'bad';
}

/** "1 chart", "1,204 charts": a count with its noun, plural by the English rule the app's nouns follow. */
export function formatCountOf(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
