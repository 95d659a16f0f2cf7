import { useEffect, useMemo, useRef } from 'react';

/**
 * A stable function that calls the latest `fn` once things have been quiet for `ms`: a burst of push events
 * (every period of a backfill updates its execution) costs one refetch, not one per event.
 */
export function useDebouncedCallback(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useMemo(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        latest.current();
      }, ms);
    },
    [ms],
  );
}

/** How long live screens wait after the last push event before they refetch. */
export const LIVE_REFETCH_DEBOUNCE_MS = 250;
