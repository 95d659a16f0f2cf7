import { useCallback, useLayoutEffect, useRef } from 'react';
import { useConfirmStore } from '../store/confirm-store';

/**
 * The one confirmation dialog, a native modal <dialog>: focus trapped, Escape cancels. Answering gives the focus
 * back to the control that asked, before the code awaiting the answer resumes (it may disable or remove that very
 * control, which could then no longer take it).
 */
export function ConfirmDialog() {
  const request = useConfirmStore((s) => s.request);
  const answer = useConfirmStore((s) => s.answer);
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  if (request && opener.current === null) opener.current = document.activeElement;

  /** Closes the dialog and puts the focus back where it was, if nothing else has taken it. */
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

  const finish = (ok: boolean) => {
    close();
    answer(ok);
  };

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (request && dialog && !dialog.open) dialog.showModal?.();
    // A request answered elsewhere (another confirm() replaced it, or the store was reset).
    if (!request && (opener.current || dialog?.open)) close();
  }, [request, close]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        finish(false);
      }}
    >
      {request && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            finish(true);
          }}
        >
          <h2 id="confirm-title">{request.title}</h2>
          <p>{request.message}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => finish(false)} autoFocus={request.danger}>
              {request.cancelLabel ?? 'Cancel'}
            </button>
            <button
              type="submit"
              className={request.danger ? 'danger' : 'primary'}
              autoFocus={!request.danger}
            >
              {request.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
