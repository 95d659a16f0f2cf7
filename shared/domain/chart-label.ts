/** What names a chart to a person where its title alone is ambiguous ("Top Songs" exists on many platforms). */
export type ChartIdentity = { name: string; platform: string; countryCode: string; slug: string };

/**
 * "Top Songs · spotify · FR (fr-42)": title, platform, country (or Worldwide) and the slug the CLI and REST
 * accept, so five "Top Songs" in one bulk result are five distinct lines.
 */
export function chartLabel(chart: ChartIdentity): string {
  const country = chart.countryCode.trim() === '' ? 'Worldwide' : chart.countryCode.toUpperCase();
  return `${chart.name} · ${chart.platform} · ${country} (${chart.slug})`;
}
