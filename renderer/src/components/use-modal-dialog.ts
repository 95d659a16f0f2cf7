import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A native modal <dialog> shown while `open` is true: focus trapped, and on closing the focus goes back to the
 * control that opened it, before the code that closed it resumes (that code may disable or remove the very
 * control, which could then no longer take it). Returns the ref for the <dialog> and `close`, which hides it
 * and restores the focus if nothing else has taken it.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  if (open && opener.current === null) opener.current = document.activeElement;

  const close = useCallback(() => {
    const dialog = ref.current;
    // Closing restores the focus natively while it is still inside the dialog; not every engine does.
    if (dialog?.open) dialog.close();
    const back = opener.current;
    opener.current = null;
    const active = document.activeElement;
    const lost = active === null || active === document.body || (dialog?.contains(active) ?? false);
    if (lost && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }, []);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal?.();
    // Closed elsewhere (the store was reset, or another request replaced this one).
    if (!open && (opener.current || dialog?.open)) close();
  }, [open, close]);

  return { ref, close };
}
