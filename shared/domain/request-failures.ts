/**
 * An execution's failed request attempts as one phrase, most frequent reason first: "503 ×38, timeout ×3". The
 * same words in the CLI, the UI and the REST answers' readers, so operators compare like with like.
 */
export function describeRequestFailures(failures: Readonly<Record<string, number>>): string {
  return Object.entries(failures)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, count]) => `${REASON_LABELS[reason] ?? reason} ×${count}`)
    .join(', ');
}

/** Reasons that are not an HTTP status, in the operator's words. */
const REASON_LABELS: Record<string, string> = {
  rate_limit: 'rate limit (429)',
  quota: 'quota (429)',
  reset: 'connection reset',
  cut_short: 'answer cut short',
  refused: 'connection refused',
  malformed: 'not JSON',
  invalid_body: 'unexpected body',
  inconsistent: 'pages not adding up',
};

/** "312 requests, 41 failed (503 ×38, timeout ×3)", or "312 requests" when none failed. */
export function requestSummary(execution: {
  requestsMade: number;
  requestsFailed: number;
  requestFailures: Readonly<Record<string, number>>;
}): string {
  const made = `${execution.requestsMade.toLocaleString('en-US')} request${execution.requestsMade === 1 ? '' : 's'}`;
  if (execution.requestsFailed === 0) return made;
  const reasons = describeRequestFailures(execution.requestFailures);
  return `${made}, ${execution.requestsFailed.toLocaleString('en-US')} failed${reasons ? ` (${reasons})` : ''}`;
}
