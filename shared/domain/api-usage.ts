/** What a Soundcharts request was for, from its path: how the dashboard splits the requests per day. */
export const API_REQUEST_KINDS = ['ranking', 'chart_list', 'metadata', 'audience', 'other'] as const;
export type ApiRequestKind = (typeof API_REQUEST_KINDS)[number];

/**
 * The kind of a Soundcharts request, from its path (query string ignored): a ranking page or a chart's list of
 * ranking dates is `ranking` (what a sync spends), the platforms and a platform's charts `chart_list` (catalogue
 * discovery), a song's metadata `metadata`, its audience `audience`; anything else (team usage) `other`.
 */
export function requestKindOf(path: string): ApiRequestKind {
  const bare = path.split('?', 1)[0]!.replace(/\/+$/, '');
  if (/\/chart\/song\/[^/]+\/(ranking\/|available-rankings$)/.test(bare)) return 'ranking';
  if (/\/chart\/song\/(platforms|by-platform\/[^/]+)$/.test(bare)) return 'chart_list';
  if (/\/song\/[^/]+\/audience\/[^/]+$/.test(bare)) return 'audience';
  if (/\/song\/[^/]+$/.test(bare)) return 'metadata';
  return 'other';
}
