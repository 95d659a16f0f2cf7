import type { ReactNode } from 'react';
import type { ErrorShape } from '../../../shared/errors';
import { errorNextStep, errorTitle } from '../format/errors';

/** An empty list says why it is empty and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ErrorShape; onRetry?: () => void }) {
  return (
    <div className="error-state" role="alert">
      <h2>{errorTitle(error.code)}</h2>
      <p>{error.message}</p>
      {errorNextStep(error.code) && <p className="muted">{errorNextStep(error.code)}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/**
 * A refresh that failed while the last data stays on screen: said, so stale data is never taken for current,
 * with Try again.
 */
export function RefreshError({ what, error, onRetry }: { what: string; error: ErrorShape; onRetry(): void }) {
  return (
    <div className="inline-error" role="alert">
      <span>
        Could not refresh {what}: {error.message}
      </span>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
