import { useEffect } from 'react';
import { hrefOf } from '../routing/routes';
import { navigate } from '../routing/use-route';

const GO_TO: Record<string, string> = {
  c: hrefOf({ screen: 'charts' }),
  s: hrefOf({ screen: 'schedules' }),
  e: hrefOf({ screen: 'executions', filter: {} }),
};
/** "g" then a letter must follow within this long, as in mail and issue-tracker apps. */
const SEQUENCE_MS = 1_500;

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** g c / g s / g e switch screens; "/" focuses the screen's search box. Never while typing in a field. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    let gAt = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-search]');
        if (search) {
          event.preventDefault();
          search.focus();
        }
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
