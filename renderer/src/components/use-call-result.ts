import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ErrorShape, Result } from '../../../shared/errors';
import { useResync } from '../transport/api';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: ErrorShape } | { state: 'ready'; value: T };

export type CallResult<T> = {
  data: Loaded<T>;
  /** True while new deps (a new filter) are fetched behind the value still shown; live refreshes stay silent. */
  pending: boolean;
  /**
   * Why the last live refresh failed while the value stays shown (null once one succeeds): the screen says so,
   * so an old value is never taken for a current one.
   */
  refreshError: ErrorShape | null;
  /** Starts over from the loading state: the "Try again" of an error. */
  reload(): void;
  /** Fetches again behind the value shown, for live updates: no flicker, and a passing hiccup keeps the value. */
  refresh(): void;
};

type Mode = 'reload' | 'switch' | 'refresh';

/**
 * Loads one call's result for a screen and keeps it current, fetching again after a reconnection. Only the latest
 * request's answer is applied, so a slow answer to an old filter never overwrites a newer one.
 */
export function useCallResult<T>(load: () => Promise<Result<T>>, deps: DependencyList): CallResult<T> {
  const [data, setData] = useState<Loaded<T>>({ state: 'loading' });
  const [pending, setPending] = useState(false);
  const [refreshError, setRefreshError] = useState<ErrorShape | null>(null);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const sequence = useRef(0);
  const shown = useRef<Loaded<T>>(data);
  shown.current = data;

  const run = useCallback(async (mode: Mode) => {
    const mine = ++sequence.current;
    if (mode === 'reload' || (mode === 'switch' && shown.current.state !== 'ready')) {
      setData({ state: 'loading' });
    } else if (mode === 'switch') {
      setPending(true);
    }
    const result = await latestLoad.current();
    if (mine !== sequence.current) return;
    setPending(false);
    if (result.ok) {
      setRefreshError(null);
      setData({ state: 'ready', value: result.value });
      return;
    }
    // A refresh that fails for a passing reason keeps what is shown, and says so; the next event tries again. A
    // thing that is gone is gone, though, and the screen must say that instead.
    const keep = mode === 'refresh' && shown.current.state === 'ready' && result.error.code !== 'not_found';
    if (keep) {
      setRefreshError(result.error);
      return;
    }
    setRefreshError(null);
    setData({ state: 'error', error: result.error });
  }, []);

  useEffect(() => {
    void run('switch');
    return () => {
      sequence.current++;
    };
    // The caller's deps decide when the call is made again, as with useEffect.
  }, deps);

  const refresh = useCallback(() => void run('refresh'), [run]);
  useResync(refresh);
  return {
    data,
    pending,
    refreshError,
    reload: useCallback(() => void run('reload'), [run]),
    refresh,
  };
}
