/**
 * The screens and their addresses. Routing is by URL hash, so the same bundle works from the desktop app's
 * file:// page and from the headless host without server-side routes.
 */
export type Route =
  | { screen: 'charts' }
  | { screen: 'schedules' }
  | { screen: 'schedule-new'; chartId: number | null }
  | { screen: 'schedule-detail'; id: number }
  | { screen: 'schedule-edit'; id: number }
  | { screen: 'executions'; filter: Record<string, string> }
  | { screen: 'execution-detail'; id: number }
  | { screen: 'alerts'; filter: Record<string, string> }
  | { screen: 'settings' }
  | { screen: 'audit'; filter: Record<string, string> }
  /** A chart's stored ranking: `chart` is its id or slug; `date` null = the latest stored. */
  | { screen: 'ranking'; chart: string; date: string | null }
  | { screen: 'songs'; filter: Record<string, string> }
  | { screen: 'song'; uuid: string }
  | { screen: 'analytics'; filter: Record<string, string> }
  | { screen: 'exports' }
  | { screen: 'not-found'; path: string };

const positiveInt = (text: string | undefined): number | null =>
  text !== undefined && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null;

/** Parses a hash such as `#/schedules/12/edit` or `#/executions?status=failed`. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/charts';
  const [path = '', query = ''] = raw.split('?', 2);
  const params = Object.fromEntries(new URLSearchParams(query));
  const parts = path.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0 || (first === 'charts' && parts.length === 1)) return { screen: 'charts' };
  if (first === 'charts' && second !== undefined && third === 'ranking' && parts.length === 3) {
    const date = params.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : null;
    return { screen: 'ranking', chart: decodeSegment(second), date };
  }
  if (first === 'songs') {
    if (parts.length === 1) return { screen: 'songs', filter: params };
    if (second !== undefined && parts.length === 2) return { screen: 'song', uuid: decodeSegment(second) };
  }
  if (first === 'analytics' && parts.length === 1) return { screen: 'analytics', filter: params };
  if (first === 'exports' && parts.length === 1) return { screen: 'exports' };
  if (first === 'schedules') {
    if (parts.length === 1) return { screen: 'schedules' };
    if (second === 'new' && parts.length === 2) {
      return { screen: 'schedule-new', chartId: positiveInt(params.chartId) };
    }
    const id = positiveInt(second);
    if (id !== null && parts.length === 2) return { screen: 'schedule-detail', id };
    if (id !== null && third === 'edit' && parts.length === 3) return { screen: 'schedule-edit', id };
  }
  if (first === 'executions') {
    if (parts.length === 1) return { screen: 'executions', filter: params };
    const id = positiveInt(second);
    if (id !== null && parts.length === 2) return { screen: 'execution-detail', id };
  }
  if (first === 'alerts' && parts.length === 1) return { screen: 'alerts', filter: params };
  if (first === 'settings' && parts.length === 1) return { screen: 'settings' };
  if (first === 'audit' && parts.length === 1) return { screen: 'audit', filter: params };
  return { screen: 'not-found', path };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A chart's ranking at a date (the latest stored when `date` is null). */
export function rankingHref(chart: number | string, date: string | null = null): string {
  return hrefOf({ screen: 'ranking', chart: String(chart), date });
}

/** A chart's execution history, whether it has a schedule or not (executions outlive their schedule). */
export function chartExecutionsHref(chartId: number): string {
  return hrefOf({ screen: 'executions', filter: { chartId: String(chartId) } });
}

/**
 * Where an execution's chart links: its schedule while it has one, else the chart's executions (the schedule
 * was deleted, the history stays).
 */
export function executionHomeHref(execution: { scheduleId: number | null; chartId: number }): string {
  return execution.scheduleId === null
    ? chartExecutionsHref(execution.chartId)
    : hrefOf({ screen: 'schedule-detail', id: execution.scheduleId });
}

/** The hash of a route: the one way links are written, so they always parse back. */
export function hrefOf(route: Exclude<Route, { screen: 'not-found' }>): string {
  switch (route.screen) {
    case 'charts':
      return '#/charts';
    case 'schedules':
      return '#/schedules';
    case 'schedule-new':
      return route.chartId === null ? '#/schedules/new' : `#/schedules/new?chartId=${route.chartId}`;
    case 'schedule-detail':
      return `#/schedules/${route.id}`;
    case 'schedule-edit':
      return `#/schedules/${route.id}/edit`;
    case 'executions': {
      const query = new URLSearchParams(route.filter).toString();
      return query ? `#/executions?${query}` : '#/executions';
    }
    case 'execution-detail':
      return `#/executions/${route.id}`;
    case 'alerts': {
      const query = new URLSearchParams(route.filter).toString();
      return query ? `#/alerts?${query}` : '#/alerts';
    }
    case 'settings':
      return '#/settings';
    case 'audit': {
      const query = new URLSearchParams(route.filter).toString();
      return query ? `#/audit?${query}` : '#/audit';
    }
    case 'ranking': {
      const path = `#/charts/${encodeURIComponent(route.chart)}/ranking`;
      return route.date === null ? path : `${path}?date=${route.date}`;
    }
    case 'songs': {
      const query = new URLSearchParams(route.filter).toString();
      return query ? `#/songs?${query}` : '#/songs';
    }
    case 'song':
      return `#/songs/${encodeURIComponent(route.uuid)}`;
    case 'analytics': {
      const query = new URLSearchParams(route.filter).toString();
      return query ? `#/analytics?${query}` : '#/analytics';
    }
    case 'exports':
      return '#/exports';
  }
}
