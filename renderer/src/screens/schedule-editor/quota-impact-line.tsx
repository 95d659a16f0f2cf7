import { useEffect, useRef, useState } from 'react';
import type { CallInput } from '../../../../shared/contract/calls';
import type { ErrorShape } from '../../../../shared/errors';
import type { QuotaImpactView } from '../../../../shared/views/analytics';
import { call } from '../../transport/api';
import { QUOTA_IMPACT_DEBOUNCE_MS } from './quota-impact';

type ImpactState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; value: QuotaImpactView }
  | { state: 'error'; error: ErrorShape };

/**
 * What the form as it stands would cost, asked again (debounced) as fields change; only the latest answer is
 * shown, so a slow answer about an older form never replaces a newer one.
 */
export function useQuotaImpact(request: CallInput<'analytics/quota-impact'> | null): ImpactState {
  const [impact, setImpact] = useState<ImpactState>({ state: 'idle' });
  const key = request === null ? null : JSON.stringify(request);
  const latest = useRef(0);
  useEffect(() => {
    const mine = ++latest.current;
    if (key === null) {
      setImpact({ state: 'idle' });
      return;
    }
    setImpact((shown) => (shown.state === 'ready' ? shown : { state: 'loading' }));
    const timer = setTimeout(() => {
      void call('analytics/quota-impact', JSON.parse(key) as CallInput<'analytics/quota-impact'>).then(
        (result) => {
          if (mine !== latest.current) return;
          setImpact(
            result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error },
          );
        },
      );
    }, QUOTA_IMPACT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return impact;
}

/** The editor's line under the form: what this new or changed schedule adds to the month's requests. */
export function QuotaImpactLine({ impact }: { impact: ImpactState }) {
  const warn = impact.state === 'ready' && impact.value.exhaustsBeforeCycleEnd;
  return (
    <p
      className={`quota-impact${warn ? ' quota-impact-warn' : ''}`}
      role="status"
      aria-live="polite"
      aria-label="Quota impact"
    >
      <span className="quota-impact-label">Quota: </span>
      {impact.state === 'idle' && (
        <span className="muted">Fill in the fields to see the requests this schedule adds per month.</span>
      )}
      {impact.state === 'loading' && <span className="muted">Working out the requests it adds…</span>}
      {impact.state === 'error' && (
        <span className="muted">Could not project the requests: {impact.error.message}</span>
      )}
      {impact.state === 'ready' && (
        <span>
          {warn && <span aria-hidden="true">⚠ </span>}
          {impact.value.message}
        </span>
      )}
    </p>
  );
}
