import type { BackoffPolicy } from './policies';

/**
 * Delay before retry number `attempt` (1-based): exponential growth capped at maxDelayMs, with "equal jitter"
 * (half fixed, half random) so that retries of many clients spread out but never collapse to zero.
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  const exponential = policy.baseDelayMs * policy.factor ** (attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  const half = capped / 2;
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(half + half * r);
}
