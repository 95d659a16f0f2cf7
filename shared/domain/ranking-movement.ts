import type { RankingMovement } from '../views/ranking';

/** What the movement of one ranking entry is decided from. */
export type MovementFacts = {
  position: number;
  /** The song's position in the chart's previous stored period, or null when it was not in it. */
  previousStoredPosition: number | null;
  /** The song was in an earlier stored ranking of this chart (any period before this one). */
  seenBefore: boolean;
  /** This is the oldest stored period of the chart: there is nothing stored to compare with. */
  oldestStoredPeriod: boolean;
  /** Soundcharts' own oldPosition (0 = no previous position), used only for the oldest stored period. */
  apiOldPosition: number;
};

export type Movement = {
  previousPosition: number | null;
  movement: RankingMovement;
  /** previousPosition − position (positive = moved up); null for new entries and re-entries. */
  change: number | null;
};

/**
 * The movement of an entry against the chart's previous *stored* period, as the ranking view and the rankings
 * export both show it (see RankingEntryView): `new` when the song was never in a stored ranking of this chart
 * before, `re-entry` when it was but not in the previous stored period. The oldest stored period has nothing to
 * compare with, so Soundcharts' oldPosition stands in (0 = new).
 */
export function rankingMovement(facts: MovementFacts): Movement {
  const previous = facts.oldestStoredPeriod
    ? facts.apiOldPosition > 0
      ? facts.apiOldPosition
      : null
    : facts.previousStoredPosition;
  if (previous === null) {
    const reEntry = !facts.oldestStoredPeriod && facts.seenBefore;
    return { previousPosition: null, movement: reEntry ? 're-entry' : 'new', change: null };
  }
  const change = previous - facts.position;
  return {
    previousPosition: previous,
    movement: change > 0 ? 'up' : change < 0 ? 'down' : 'same',
    change,
  };
}
