import { nextRuns, scheduleIntervalMs, type ScheduleTiming } from './next-sync';
import { HEALTH_CRON_SAMPLE_RUNS } from './policies';

/**
 * The interval health measures "no success for N intervals" against, from `since` (the last success, or the
 * schedule's creation). Fixed frequencies have one. A cron schedule's gaps vary (a weekday cron runs a day apart,
 * then three days across the weekend), so it is the longest gap from `since` through its next
 * HEALTH_CRON_SAMPLE_RUNS runs: measured against the shortest, Monday morning would call Friday's sync overdue
 * although no slot was missed.
 */
export function healthIntervalMs(timing: ScheduleTiming, since: number): number {
  if (timing.frequency !== 'cron') return scheduleIntervalMs(timing, since);
  const runs = nextRuns(timing, since, HEALTH_CRON_SAMPLE_RUNS);
  let previous = since;
  let longest = 0;
  for (const run of runs) {
    longest = Math.max(longest, run - previous);
    previous = run;
  }
  return longest;
}
