/**
 * Runs `work` when asked, at most once per `intervalMs` and never twice at once: requests that arrive meanwhile
 * (a burst of engine events) are folded into one run at the end of the interval, so the last state is always shown.
 */
export function throttle(
  work: () => Promise<void> | void,
  intervalMs: number,
  now: () => number = Date.now,
): { request(): void; cancel(): void } {
  let lastStart = -Infinity;
  let running = false;
  let wanted = false;
  let timer: NodeJS.Timeout | null = null;
  let cancelled = false;

  const run = async () => {
    timer = null;
    if (cancelled) return;
    wanted = false;
    running = true;
    lastStart = now();
    try {
      await work();
    } finally {
      running = false;
      if (wanted) schedule();
    }
  };
  const schedule = () => {
    if (cancelled || running || timer) return;
    const wait = lastStart + intervalMs - now();
    if (wait <= 0) {
      void run();
      return;
    }
    timer = setTimeout(() => void run(), wait);
    timer.unref?.();
  };
  return {
    request() {
      wanted = true;
      schedule();
    },
    cancel() {
      cancelled = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
