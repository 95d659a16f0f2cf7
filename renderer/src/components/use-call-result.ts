import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ErrorShape, Result } from '../../../shared/errors';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: ErrorShape } | { state: 'ready'; value: T };

export type CallResult<T> = {
  data: Loaded<T>;
  /** True while new deps (a new filter) are fetched behind the value still shown; live refreshes stay silent. */
  pending: boolean;
  /** Starts over from the loading state: the "Try again" of an error. */
  reload(): void;
  /** Fetches again behind the value shown, for live updates: no flicker, and a passing hiccup keeps the value. */
  refresh(): void;
};

type Mode = 'reload' | 'switch' | 'refresh';

/**
 * Loads one call's result for a screen and keeps it current. Only the latest request's answer is applied, so a
 * slow answer to an old filter never overwrites a newer one.
 */
export function useCallResult<T>(load: () => Promise<Result<T>>, deps: DependencyList): CallResult<T> {
  const [data, setData] = useState<Loaded<T>>({ state: 'loading' });
  const [pending, setPending] = useState(false);
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
      setData({ state: 'ready', value: result.value });
      return;
    }
    // A refresh that fails for a passing reason keeps what is shown; the next event tries again. A thing that
    // is gone is gone, though, and the screen must say so.
    const keep = mode === 'refresh' && shown.current.state === 'ready' && result.error.code !== 'not_found';
    if (!keep) setData({ state: 'error', error: result.error });
  }, []);

  useEffect(() => {
    void run('switch');
    return () => {
      sequence.current++;
    };
    // The caller's deps decide when the call is made again, as with useEffect.
  }, deps);

  return {
    data,
    pending,
    reload: useCallback(() => void run('reload'), [run]),
    refresh: useCallback(() => void run('refresh'), [run]),
  };
}
