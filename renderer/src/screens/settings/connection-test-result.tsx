import type { ErrorShape } from '../../../../shared/errors';
import type { ConnectionTestView } from '../../../../shared/views/connection';
import { formatCount } from '../../format/numbers';

export type TestOutcome =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'passed'; value: ConnectionTestView; typed: boolean }
  | { state: 'failed'; error: ErrorShape; typed: boolean };

const count = (n: number | null) => (n === null ? 'not reported' : formatCount(n));

/** The plan's quota in one line: "1,200 used of 10,000 (8,800 left)"; what Soundcharts leaves out is said. */
export function quotaLine(quota: ConnectionTestView['quota']): string {
  if (quota.used === null && quota.limit === null && quota.remaining === null) return 'Not reported';
  const parts: string[] = [];
  if (quota.used !== null) parts.push(`${formatCount(quota.used)} used`);
  if (quota.limit !== null)
    parts.push(`${quota.used === null ? 'A plan of' : 'of'} ${formatCount(quota.limit)}`);
  const head = parts.join(' ');
  const left = quota.remaining === null ? null : `${formatCount(quota.remaining)} remaining`;
  return head ? (left ? `${head} (${left})` : head) : left!;
}

export function rateLimitLine(rateLimit: ConnectionTestView['rateLimit']): string {
  if (rateLimit.limit === null) return 'Not reported';
  const left = rateLimit.remaining === null ? '' : ` (${count(rateLimit.remaining)} left this minute)`;
  return `${formatCount(rateLimit.limit)} requests a minute${left}`;
}

/** What "Test connection" found, in a live region that is always there, so the answer is read out. */
export function ConnectionTestResult({ outcome }: { outcome: TestOutcome }) {
  const which = (typed: boolean) => (typed ? 'the credentials typed above' : 'the credentials in use');
  return (
    <div className={`connection-test connection-test-${outcome.state}`} aria-live="polite">
      {outcome.state === 'testing' && <p className="muted">Testing the connection…</p>}
      {outcome.state === 'passed' && (
        <>
          <p className="connection-test-title">
            <span aria-hidden="true">✔ </span>Soundcharts accepted {which(outcome.typed)} (
            {formatCount(outcome.value.latencyMs)} ms)
          </p>
          <dl className="settings-facts connection-test-facts">
            <dt>Plan quota</dt>
            <dd>{quotaLine(outcome.value.quota)}</dd>
            <dt>Rate limit</dt>
            <dd>{rateLimitLine(outcome.value.rateLimit)}</dd>
            <dt>API URL</dt>
            <dd className="connection-url">{outcome.value.apiUrl}</dd>
          </dl>
        </>
      )}
      {outcome.state === 'failed' && (
        <div role="alert">
          <p className="connection-test-title">
            <span aria-hidden="true">✖ </span>The test of {which(outcome.typed)} failed
          </p>
          <p>{outcome.error.message}</p>
        </div>
      )}
    </div>
  );
}
