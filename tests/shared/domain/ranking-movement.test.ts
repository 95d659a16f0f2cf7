import { describe, expect, it } from 'vitest';
import { rankingMovement, type MovementFacts } from '../../../shared/domain/ranking-movement';

const base: MovementFacts = {
  position: 5,
  previousStoredPosition: null,
  seenBefore: false,
  oldestStoredPeriod: false,
  apiOldPosition: 0,
};

describe('rankingMovement: against the previous stored period', () => {
  it.each([
    {
      name: 'moved up',
      facts: { previousStoredPosition: 9, seenBefore: true },
      expected: { previousPosition: 9, movement: 'up', change: 4 },
    },
    {
      name: 'moved down',
      facts: { previousStoredPosition: 2, seenBefore: true },
      expected: { previousPosition: 2, movement: 'down', change: -3 },
    },
    {
      name: 'same place',
      facts: { previousStoredPosition: 5, seenBefore: true },
      expected: { previousPosition: 5, movement: 'same', change: 0 },
    },
    {
      name: 'never seen: new',
      facts: {},
      expected: { previousPosition: null, movement: 'new', change: null },
    },
    {
      name: 'seen earlier, not in the previous period: re-entry',
      facts: { seenBefore: true },
      expected: { previousPosition: null, movement: 're-entry', change: null },
    },
    {
      name: "the API's oldPosition is ignored once a previous period is stored",
      facts: { apiOldPosition: 1 },
      expected: { previousPosition: null, movement: 'new', change: null },
    },
    {
      name: "oldest stored period: the API's oldPosition stands in",
      facts: { oldestStoredPeriod: true, apiOldPosition: 3 },
      expected: { previousPosition: 3, movement: 'down', change: -2 },
    },
    {
      name: 'oldest stored period, oldPosition 0: new (never a re-entry)',
      facts: { oldestStoredPeriod: true, apiOldPosition: 0, seenBefore: true },
      expected: { previousPosition: null, movement: 'new', change: null },
    },
  ] as { name: string; facts: Partial<MovementFacts>; expected: unknown }[])(
    '$name',
    ({ facts, expected }) => {
      expect(rankingMovement({ ...base, ...facts })).toEqual(expected);
    },
  );
});
