import { useEffect, useMemo, useRef } from 'react';
import { debounce } from './debounce';

/**
 * A stable function that calls the latest `fn` once things have been quiet for `ms` (see `debounce`); a call
 * still waiting when the component unmounts is dropped.
 */
export function useDebouncedCallback(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const debounced = useMemo(() => debounce(() => latest.current(), ms), [ms]);
  useEffect(() => debounced.cancel, [debounced]);
  return debounced;
}

/** How long live screens wait after the last push event before they refetch. */
export const LIVE_REFETCH_DEBOUNCE_MS = 250;
