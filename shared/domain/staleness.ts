import { AUDIENCE_MAX_AGE_MS, METADATA_MAX_AGE_MS } from './policies';

/** Never fetched counts as stale; data exactly maxAgeMs old is still fresh. */
export function isStale(fetchedAt: number | null, now: number, maxAgeMs: number): boolean {
  return fetchedAt === null || now - fetchedAt > maxAgeMs;
}

export function isMetadataStale(fetchedAt: number | null, now: number): boolean {
  return isStale(fetchedAt, now, METADATA_MAX_AGE_MS);
}

export function isAudienceStale(fetchedAt: number | null, now: number): boolean {
  return isStale(fetchedAt, now, AUDIENCE_MAX_AGE_MS);
}
