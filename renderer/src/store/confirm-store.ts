import { create } from 'zustand';

export type ConfirmRequest = {
  title: string;
  message: string;
  confirmLabel: string;
  /** The button that backs out ("Cancel" when absent), e.g. "Go back" when the action is a save. */
  cancelLabel?: string;
  /** Destructive actions get a red button and focus starts on Cancel. */
  danger?: boolean;
};

type ConfirmState = {
  request: (ConfirmRequest & { resolve: (ok: boolean) => void }) | null;
  answer(ok: boolean): void;
};

export const useConfirmStore = create<ConfirmState>((set, get) => ({
  request: null,
  answer(ok) {
    get().request?.resolve(ok);
    set({ request: null });
  },
}));

/** Asks the operator before a destructive or costly action; resolves false on Cancel or Escape. */
export function confirm(request: ConfirmRequest): Promise<boolean> {
  useConfirmStore.getState().request?.resolve(false);
  return new Promise((resolve) => useConfirmStore.setState({ request: { ...request, resolve } }));
}
