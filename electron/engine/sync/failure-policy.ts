/**
 * What an execution does about an error, by the error's code: the one place this is decided.
 * - attention: only the operator can fix it (credentials, plan, quota, base URL): stop at once, no retry, flag it;
 * - retry: it may pass (network, server, a garbled body): retry the execution with backoff;
 * - fail: retrying cannot help (the chart or date does not exist, a request we built badly).
 * Rate-limit 429s never get here as failures: the client waits them out without spending a retry.
 */
export type FailureAction = 'attention' | 'retry' | 'fail';

const ACTIONS: Record<string, FailureAction> = {
  auth: 'attention',
  forbidden: 'attention',
  quota_exhausted: 'attention',
  // A host that does not resolve, a TLS failure: a wrong base URL or a broken proxy, for the operator to fix.
  network: 'attention',
  transient: 'retry',
  server_error: 'retry',
  rate_limited: 'retry',
  malformed_response: 'retry',
  worker_crashed: 'retry',
  not_found: 'fail',
  invalid_request: 'fail',
};

export function failureAction(code: string): FailureAction {
  return ACTIONS[code] ?? 'retry';
}

/** Errors after which no further period of the same sync can succeed: stop fetching at once. */
export function stopsTheSync(code: string): boolean {
  return failureAction(code) === 'attention';
}
