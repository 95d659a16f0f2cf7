/** What a Soundcharts request was for, from its path: how the dashboard splits the requests per day. */
export const API_REQUEST_KINDS = ['ranking', 'chart_list', 'metadata', 'audience', 'other'] as const;
export type ApiRequestKind = (typeof API_REQUEST_KINDS)[number];
