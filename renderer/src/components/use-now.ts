import { useSyncExternalStore } from 'react';

/** Relative times ("5 minutes ago") move on their own: one shared clock ticks for every component. */
const TICK_MS = 15_000;
/**
 * The snapshot is the current second, read at each render: a clock kept from the last tick would be up to 15 s
 * old, and a sync that just finished would read "in 12 seconds". Whole seconds keep the snapshot stable
 * between the reads of one render.
 */
const SNAPSHOT_MS = 1_000;
const currentSecond = () => Math.floor(Date.now() / SNAPSHOT_MS) * SNAPSHOT_MS;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, currentSecond);
}
