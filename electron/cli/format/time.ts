const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Within this of now an instant reads "now": the CLI's own run takes about that long. */
const NOW_TOLERANCE_MS = 30 * SECOND;
/** Placeholder of a missing value in tables. */
export const NONE = '—';

/** "in 5 min", "3 h ago", "now", "just now": the unit that keeps the number small, as the original admin showed. */
export function formatRelative(at: number, now: number): string {
  const delta = at - now;
  if (Math.abs(delta) < NOW_TOLERANCE_MS) return delta < 0 ? 'just now' : 'now';
  const span = formatSpan(Math.abs(delta));
  return delta > 0 ? `in ${span}` : `${span} ago`;
}

/** Rounded to whole units, the largest that fits: "45 s", "12 min", "5 h", "3 d". */
export function formatSpan(ms: number): string {
  if (ms < MINUTE) return `${Math.round(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / DAY)} d`;
}

/** Local wall-clock time, sortable and unambiguous: "2026-11-20 06:00". */
export function formatInstant(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "in 5 h (2026-11-20 06:00)", or the placeholder when there is no instant. */
export function formatWhen(at: number | null, now: number): string {
  return at === null ? NONE : `${formatRelative(at, now)} (${formatInstant(at)})`;
}

/** An execution's duration: "850 ms", "12.3 s", "2 min 5 s", "1 h 3 min". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return NONE;
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) return `${(ms / SECOND).toFixed(1)} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ${Math.floor((ms % MINUTE) / SECOND)} s`;
  return `${Math.floor(ms / HOUR)} h ${Math.floor((ms % HOUR) / MINUTE)} min`;
}
