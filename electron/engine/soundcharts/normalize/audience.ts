import { parseOffsetDatetime } from '../datetime';
import type { AudienceResponse } from '../schemas/audience';
import type { AudiencePoint } from '../types';

/** One point per plot with a value. */
export function audiencePointsOf(response: AudienceResponse): AudiencePoint[] {
  const points: AudiencePoint[] = [];
  for (const item of response.items) {
    const { date } = parseOffsetDatetime(item.date);
    for (const plot of item.plots) {
      if (plot.value === null) continue;
      points.push({ date, datetime: item.date, value: plot.value, identifier: plot.identifier ?? null });
    }
  }
  return points;
}

/** Windows overlap at their edges and the API's order is not documented: keep one point per key, sorted. */
export function mergeAudiencePoints(batches: readonly (readonly AudiencePoint[])[]): AudiencePoint[] {
  const byKey = new Map<string, AudiencePoint>();
  for (const batch of batches) {
    for (const point of batch) byKey.set(`${point.date}\u0000${point.identifier ?? ''}`, point);
  }
  return [...byKey.values()].sort(
    (a, b) => compare(a.date, b.date) || compare(a.identifier ?? '', b.identifier ?? ''),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
