import { describe, expect, it } from 'vitest';
import { describeRequestFailures, requestSummary } from '../../../shared/domain/request-failures';

describe('describeRequestFailures', () => {
  it.each<{ failures: Record<string, number>; expected: string }>([
    { failures: {}, expected: '' },
    { failures: { '503': 0 }, expected: '' },
    { failures: { '503': 38, timeout: 3 }, expected: '503 ×38, timeout ×3' },
    // Most frequent first, ties in a stable order.
    { failures: { timeout: 3, '503': 38 }, expected: '503 ×38, timeout ×3' },
    { failures: { timeout: 2, '502': 2 }, expected: '502 ×2, timeout ×2' },
    // Reasons that are not a status, in the operator's words.
    { failures: { rate_limit: 4, quota: 1 }, expected: 'rate limit (429) ×4, quota (429) ×1' },
    { failures: { reset: 1, cut_short: 5 }, expected: 'answer cut short ×5, connection reset ×1' },
    { failures: { malformed: 2, inconsistent: 1 }, expected: 'not JSON ×2, pages not adding up ×1' },
    // A reason an older version recorded and this one does not know stays readable.
    { failures: { something_new: 1 }, expected: 'something_new ×1' },
  ])('$failures → "$expected"', ({ failures, expected }) => {
    expect(describeRequestFailures(failures)).toBe(expected);
  });
});

describe('requestSummary', () => {
  it.each<{ made: number; failed: number; failures: Record<string, number>; expected: string }>([
    { made: 1, failed: 0, failures: {}, expected: '1 request' },
    { made: 1_312, failed: 0, failures: {}, expected: '1,312 requests' },
    {
      made: 312,
      failed: 41,
      failures: { '503': 38, timeout: 3 },
      expected: '312 requests, 41 failed (503 ×38, timeout ×3)',
    },
    // A count without reasons (an execution recorded before reasons were kept).
    { made: 10, failed: 2, failures: {}, expected: '10 requests, 2 failed' },
  ])('$made made, $failed failed → "$expected"', ({ made, failed, failures, expected }) => {
    expect(requestSummary({ requestsMade: made, requestsFailed: failed, requestFailures: failures })).toBe(
      expected,
    );
  });
});
