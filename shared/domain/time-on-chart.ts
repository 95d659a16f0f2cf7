/**
 * Time on chart in words. Soundcharts counts it in days (DOC) or weeks (WOC), months (MOC) presumably; other
 * units are shown as given, since the API does not list them.
 */
export function timeOnChartText(value: number, unit: string | null): string {
  const code = (unit ?? '').toUpperCase();
  const words: Record<string, string> = {
    DOC: 'day',
    DAY: 'day',
    DAYS: 'day',
    WOC: 'week',
    WEEK: 'week',
    WEEKS: 'week',
    MOC: 'month',
    MONTH: 'month',
    MONTHS: 'month',
  };
  const word = words[code];
  if (word) return `${value} ${word}${value === 1 ? '' : 's'}`;
  return unit ? `${value} ${unit}` : String(value);
}
