/**
 * How long the dashboard waits after the last event before it asks again: a sync emits an update per state
 * change and the overview reads every execution of the range, so a burst is answered once.
 */
export const ANALYTICS_REFETCH_DEBOUNCE_MS = 1_000;
