import { create } from 'zustand';
import { call } from '../transport/api';

type AlertsState = {
  /** Unread alerts, or null until the engine answered. */
  unread: number | null;
  refreshUnread(): Promise<void>;
  setUnread(unread: number): void;
};

let sequence = 0;

/** The bell's unread count: asked once at start and after a reconnection, then pushed by `alerts/changed`. */
export const useAlerts = create<AlertsState>((set) => ({
  unread: null,
  async refreshUnread() {
    const mine = ++sequence;
    const result = await call('alerts/unread-count', {});
    if (mine === sequence && result.ok) set({ unread: result.value.unread });
  },
  setUnread(unread) {
    // A pushed count is newer than any answer still on its way.
    sequence++;
    set({ unread });
  },
}));
