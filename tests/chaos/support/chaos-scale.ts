/**
 * The chaos suite runs twice over: reduced inside `npm test` (one kill, one fault rate, a few hundred fuzz cases,
 * so CI stays within its budget) and in full as `npm run test:chaos` (20 kills, 10/30/50 % of every fault, thousands
 * of fuzz cases). `scripts/test-chaos.mjs` sets CHART_SYNC_CHAOS=full; nothing else does.
 */
export const CHAOS_FULL = process.env.CHART_SYNC_CHAOS === 'full';

/** `reduced` inside `npm test`, `full` under `npm run test:chaos`. */
export function chaosScale<T>(reduced: T, full: T): T {
  return CHAOS_FULL ? full : reduced;
}

/** A vitest timeout that grows with the scale: the full runs take minutes, not seconds. */
export function chaosTimeout(reducedMs: number, fullMs: number): number {
  return chaosScale(reducedMs, fullMs);
}
