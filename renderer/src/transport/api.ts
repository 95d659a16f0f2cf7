import { useEffect, useRef } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { ContractClient } from '../../../shared/contract/client';
import type { EngineEvents, EventName } from '../../../shared/contract/events';
import type { Result } from '../../../shared/errors';

let current: ContractClient | null = null;

/** Set once at start-up (main.tsx) or by a test with a fake client. */
export function setClient(client: ContractClient | null): void {
  current = client;
}

const NOT_CONNECTED = {
  ok: false as const,
  error: { code: 'internal' as const, message: 'Not connected to Chart Sync yet.' },
};

/** Calls the engine; never throws: a transport failure comes back as an error Result like any other. */
export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
  if (!current) return NOT_CONNECTED;
  try {
    // Indexing the map by a generic name loses the pairing of input and output; the contract type restores it.
    const fn = current[name] as unknown as (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
    return await fn(input);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** Subscribes outside React (stores); returns the unsubscribe. */
export function subscribe<K extends EventName>(
  name: K,
  listener: (payload: EngineEvents[K]) => void,
): () => void {
  return current ? current.on(name, listener) : () => {};
}

/** Subscribes a component to a push event for as long as it is mounted; the latest handler is always called. */
export function useEvent<K extends EventName>(name: K, handler: (payload: EngineEvents[K]) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribe(name, (payload) => latest.current(payload)), [name]);
}

/**
 * Why views fetch again: `reconnect`, the connection came back after a drop (what the engine pushed meanwhile
 * is lost) or now leads to another database; `external-change`, another process changed the database and the
 * engine has announced the charts and schedules it changed with their own events, so lists of those patch
 * their rows and only the other views fetch again.
 */
export type ResyncReason = 'reconnect' | 'external-change';

const resyncListeners = new Set<{ onExternalChange: boolean; run: () => void }>();

/** Every live view fetches again (lists the engine patches skip an external change). */
export function resync(reason: ResyncReason = 'reconnect'): void {
  for (const listener of [...resyncListeners]) {
    if (reason === 'reconnect' || listener.onExternalChange) listener.run();
  }
}

/**
 * Runs the latest `handler` after each reconnection, and after another process's change unless the view
 * patches itself from the engine's events (`onExternalChange: false`), for as long as the component is mounted.
 */
export function useResync(handler: () => void, { onExternalChange = true } = {}): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = { onExternalChange, run: () => latest.current() };
    resyncListeners.add(listener);
    return () => {
      resyncListeners.delete(listener);
    };
  }, [onExternalChange]);
}
