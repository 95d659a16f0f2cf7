import { useEffect } from 'react';
import { focusSearchBox } from '../components/search-toolbar';
import { hrefOf } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { useConfirmStore } from '../store/confirm-store';

const GO_TO: Record<string, string> = {
  c: hrefOf({ screen: 'charts' }),
  s: hrefOf({ screen: 'schedules' }),
  e: hrefOf({ screen: 'executions', filter: {} }),
  a: hrefOf({ screen: 'alerts', filter: {} }),
  t: hrefOf({ screen: 'settings' }),
  l: hrefOf({ screen: 'audit', filter: {} }),
  o: hrefOf({ screen: 'songs', filter: {} }),
  d: hrefOf({ screen: 'analytics', filter: {} }),
  x: hrefOf({ screen: 'exports' }),
};
/** "g" then a letter must follow within this long, as in mail and issue-tracker apps. */
const SEQUENCE_MS = 1_500;

export function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** A modal dialog waits for an answer: a shortcut would change the screen behind it, and the answer act on that. */
export function dialogOpen(): boolean {
  return useConfirmStore.getState().request !== null || document.querySelector('dialog[open]') !== null;
}

/**
 * g c / g s / g e / g a / g t switch screens; "/" focuses the screen's search box. Never while typing in a field, nor while
 * a dialog is open.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    let gAt = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || dialogOpen()) return;
      if (event.key === '/') {
        if (focusSearchBox()) event.preventDefault();
        return;
      }
      if (event.key === 'g') {
        gAt = Date.now();
        return;
      }
      const target = GO_TO[event.key];
      if (target && Date.now() - gAt < SEQUENCE_MS) {
        gAt = 0;
        navigate(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
