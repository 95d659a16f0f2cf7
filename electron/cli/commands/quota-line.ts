import type { Engine } from '../../engine/engine';
import { formatCount } from '../format/numbers';
import { formatInstant } from '../format/time';

/** The plan's remaining quota as last reported by Soundcharts, or null before any response reported it. */
export function quotaLine(engine: Engine): string | null {
  const quota = engine.quota.snapshot();
  if (!quota) return null;
  return `Quota: ${formatCount(quota.remaining)} requests remaining (as of ${formatInstant(quota.observedAt)})${rateLimitNote(engine)}`;
}

/** The rate limit in force when the plan's own (team/usage) is known and lower than the configured one. */
function rateLimitNote(engine: Engine): string {
  const { planPerMinute, configuredPerMinute } = engine.client.rateLimiter;
  if (planPerMinute === null || planPerMinute >= configuredPerMinute) return '';
  return `; rate limit ${formatCount(planPerMinute)} requests/minute, the plan's (configured ${formatCount(configuredPerMinute)})`;
}
