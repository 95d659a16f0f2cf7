import { useCallback, useLayoutEffect, useRef, type FocusEvent } from 'react';

/** Focus is on the page itself: the element that held it was removed or disabled. */
function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

export type FocusRescueHandlers = {
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
};

/**
 * Keeps keyboard focus from falling to the page when the control holding it goes away: a deleted row, a bulk bar
 * that closes with its selection, a button disabled while its action runs, a "Clear filters" that hides itself.
 * `fallback` says where the focus goes instead. Spread the handlers on the element that holds the controls.
 */
export function useFocusRescue(fallback: () => HTMLElement | null | undefined): FocusRescueHandlers {
  const latest = useRef(fallback);
  latest.current = fallback;
  /** The element focused inside the container, until the focus leaves it for something else. */
  const held = useRef<HTMLElement | null>(null);

  const rescue = useCallback(() => {
    held.current = null;
    if (focusLost()) latest.current()?.focus({ preventScroll: true });
  }, []);

  // Chromium blurs an element as it is removed (handled in onBlur); jsdom and older engines only leave the focus on
  // the page. Either way, after a render, an element that held the focus and is gone means the focus was lost.
  useLayoutEffect(() => {
    if (held.current && !held.current.isConnected) rescue();
  });
  // The container itself going away (a bulk bar closing) takes the focus with it.
  useLayoutEffect(
    () => () => {
      if (held.current) queueMicrotask(rescue);
    },
    [rescue],
  );

  return {
    onFocus: (event) => {
      held.current = event.target;
    },
    onBlur: (event) => {
      const next = event.relatedTarget as Node | null;
      if (next) {
        if (!event.currentTarget.contains(next)) held.current = null;
        return;
      }
      // No new focus: a click on the page's background, another window, or the element being disabled or
      // removed. Which one it was is known once the change that caused it is committed.
      const target = event.target;
      queueMicrotask(() => {
        if (target.isConnected && !target.matches(':disabled')) {
          if (held.current === target) held.current = null;
        } else rescue();
      });
    },
  };
}
