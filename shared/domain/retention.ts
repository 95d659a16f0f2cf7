import { DAY_MS } from './policies';

/** The instant before which history is pruned: `retentionDays` whole days before now. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}
