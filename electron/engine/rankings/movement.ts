import type { RankingMovement } from '../../../shared/views/ranking';

export type MovementFacts = {
  position: number;
  /** Position in the chart's previous stored period; null when the song was not in it. */
  previousStored: number | null;
  /** Whether the chart has a stored period before this one at all. */
  hasPreviousPeriod: boolean;
  /** Whether the song is in any stored ranking of the chart before this one. */
  seenBefore: boolean;
  /** The API's own previous position (0 = none) and entry state, for the oldest stored period. */
  apiOldPosition: number;
  apiEntryState: string;
};

export type Movement = { movement: RankingMovement; previousPosition: number | null; change: number | null };

/**
 * Movement against the previous *stored* period (what the operator can open and compare), not the API's own
 * previous position, which may name a period that was never stored. Only the oldest stored period, with
 * nothing stored to compare with, falls back to what Soundcharts said (0 = new).
 */
export function movementOf(facts: MovementFacts): Movement {
  const previous = facts.hasPreviousPeriod
    ? facts.previousStored
    : facts.apiOldPosition > 0
      ? facts.apiOldPosition
      : null;
  if (previous === null) {
    const reentered = facts.hasPreviousPeriod ? facts.seenBefore : /re-?entry/i.test(facts.apiEntryState);
    return { movement: reentered ? 're-entry' : 'new', previousPosition: null, change: null };
  }
  const change = previous - facts.position;
  return {
    movement: change > 0 ? 'up' : change < 0 ? 'down' : 'same',
    previousPosition: previous,
    change,
  };
}
