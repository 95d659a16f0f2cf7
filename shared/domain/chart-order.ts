/** Names sort the way people read them: case and accents aside, "Top 10" before "Top 100". */
export const textCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The Charts screen's default order (name, then id so that it is total). The engine picks the first rows in
 * this same order (`charts/list` with `first`), so they are the rows the screen shows before the rest arrive.
 */
export function compareChartsByName(
  a: { name: string; id: number },
  b: { name: string; id: number },
): number {
  return textCollator.compare(a.name, b.name) || a.id - b.id;
}
