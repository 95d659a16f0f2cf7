import { useConfirmStore } from '../store/confirm-store';
import { useModalDialog } from './use-modal-dialog';

/**
 * The one confirmation dialog, a native modal <dialog>: focus trapped, Escape cancels. Answering gives the focus
 * back to the control that asked, before the code awaiting the answer resumes (it may disable or remove that very
 * control, which could then no longer take it).
 */
export function ConfirmDialog() {
  const request = useConfirmStore((s) => s.request);
  const answer = useConfirmStore((s) => s.answer);
  const { ref, close } = useModalDialog(request !== null);

  const finish = (ok: boolean) => {
    close();
    answer(ok);
  };

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
