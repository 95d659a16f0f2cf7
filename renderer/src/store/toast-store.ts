import { create } from 'zustand';
import type { ErrorShape } from '../../../shared/errors';
import { errorDetail } from '../format/errors';

export type ToastKind = 'success' | 'error' | 'info';
export type Toast = { id: number; kind: ToastKind; title: string; detail?: string };

/** Success and info toasts leave by themselves; errors stay until dismissed, so none is missed. */
export const TOAST_TIMEOUT_MS = 5_000;
const MAX_TOASTS = 5;

type ToastState = {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
};

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set({ toasts: [...get().toasts, { ...toast, id }].slice(-MAX_TOASTS) });
    if (toast.kind !== 'error') setTimeout(() => get().dismiss(id), TOAST_TIMEOUT_MS);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

/** Shorthands for actions' outcomes. */
export const toast = {
  success: (title: string, detail?: string) =>
    useToasts.getState().push({ kind: 'success', title, ...(detail ? { detail } : {}) }),
  info: (title: string, detail?: string) =>
    useToasts.getState().push({ kind: 'info', title, ...(detail ? { detail } : {}) }),
  error: (title: string, error?: ErrorShape | string) =>
    useToasts.getState().push({
      kind: 'error',
      title,
      ...(error ? { detail: typeof error === 'string' ? error : errorDetail(error) } : {}),
    }),
};
