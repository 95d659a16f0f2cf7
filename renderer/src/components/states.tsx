import type { ReactNode } from 'react';
import type { ErrorShape } from '../../../shared/errors';

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
      <h2>Something went wrong</h2>
      <p>{error.message}</p>
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
