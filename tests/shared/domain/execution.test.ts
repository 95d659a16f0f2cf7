import { describe, expect, it } from 'vitest';
import { wasAlreadyUpToDate, type ExecutionStatus } from '../../../shared/domain/execution';

describe('wasAlreadyUpToDate', () => {
  it.each<{ status: ExecutionStatus; periodsPlanned: number; expected: boolean }>([
    { status: 'completed', periodsPlanned: 0, expected: true },
    { status: 'completed', periodsPlanned: 3, expected: false },
    // Nothing planned yet is not "up to date": it has not planned.
    { status: 'running', periodsPlanned: 0, expected: false },
    { status: 'pending', periodsPlanned: 0, expected: false },
    { status: 'failed', periodsPlanned: 0, expected: false },
    { status: 'cancelled', periodsPlanned: 0, expected: false },
    { status: 'interrupted', periodsPlanned: 0, expected: false },
  ])('$status with $periodsPlanned planned → $expected', ({ status, periodsPlanned, expected }) => {
    expect(wasAlreadyUpToDate({ status, periodsPlanned })).toBe(expected);
  });
});
