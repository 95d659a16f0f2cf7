/**
 * How every list is searched, on screen and on the command line alike: accents and case ignored, every word of the
 * query required.
 */

/** Lower-cased, accents stripped: "Música" is found by "musica". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every whitespace-separated word of the query must appear: "spotify fr" narrows instead of widening. */
export function searchTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}

/** The fields of a chart that a search looks in. */
type SearchableChart = {
  name: string;
  slug: string;
  platform: string;
  countryName: string;
  countryCode: string;
};

/** What a chart is found by: its name, slug, country (name and code) and platform. */
export function chartSearchText(chart: SearchableChart): string {
  return foldText([chart.name, chart.slug, chart.countryName, chart.countryCode, chart.platform].join('\n'));
}

/**
 * What a schedule is found by: its chart's fields and its frequency as the list shows it (each surface words it its
 * own way: "Every 6 h" on screen, "every 6 h" in a terminal).
 */
export function scheduleSearchText(chart: SearchableChart, shownFrequency: string): string {
  return `${chartSearchText(chart)}\n${foldText(shownFrequency)}`;
}
