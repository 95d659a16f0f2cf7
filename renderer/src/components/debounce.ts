export type Debounced = { (): void; cancel(): void };

/**
 * Calls `fn` once things have been quiet for `ms`: a burst of push events (a bulk action touches hundreds of
 * schedules, every period of a backfill updates its execution) costs one refetch, not one per event.
 */
export function debounce(fn: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return Object.assign(
    () => {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, ms);
    },
    { cancel },
  );
}
