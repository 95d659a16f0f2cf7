import { groupDigits } from '../domain/group-digits';

/**
 * How an error names what it was sent: enough to recognise it, never a pasted megabyte. A 60,000-character field
 * name or a list nested 20,000 deep used to come back whole in the message (120 KB and 40 KB answers).
 */

/** How much of a name or value an error quotes back. */
export const QUOTED_VALUE_MAX = 60;
/** How many levels of a field path an error names before it elides the middle. */
const PATH_SEGMENTS_MAX = 8;

/** At most QUOTED_VALUE_MAX characters, the ellipsis included (so the CLI's own cap never cuts it again). */
function cut(text: string): string {
  return text.length <= QUOTED_VALUE_MAX ? text : `${text.slice(0, QUOTED_VALUE_MAX - 1)}…`;
}

/** A name as sent, quoted: `"chart_id"`, or `"kkkk…" (60,000 characters)` when it is long. */
export function quotedName(name: string): string {
  if (name.length <= QUOTED_VALUE_MAX) return JSON.stringify(name);
  return `${JSON.stringify(cut(name))} (${groupDigits(name.length)} characters)`;
}

/** A field's path, "changes.cron_expression"; a deep one keeps its ends: "a.0.0.0.…(19,994 levels)….0.0". */
export function fieldPath(path: readonly PropertyKey[]): string {
  const segments = path.map((segment) => cut(String(segment)));
  if (segments.length <= PATH_SEGMENTS_MAX) return segments.join('.');
  const head = segments.slice(0, PATH_SEGMENTS_MAX - 2);
  const tail = segments.slice(-2);
  const hidden = segments.length - head.length - tail.length;
  const levels = `${groupDigits(hidden)} level${hidden === 1 ? '' : 's'}`;
  return [...head, `…(${levels})…`, ...tail].join('.');
}
