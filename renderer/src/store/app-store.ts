import { create } from 'zustand';
import type { ErrorShape } from '../../../shared/errors';
import type { AppStatus } from '../../../shared/views/app-status';
import { call } from '../transport/api';
import type { ConnectionState } from '../transport/socket-client';

export type Theme = 'light' | 'dark' | 'system';
const THEME_STORAGE_KEY = 'chart-sync-theme';

type AppState = {
  status: AppStatus | null;
  statusError: ErrorShape | null;
  connection: ConnectionState;
  theme: Theme;
  refreshStatus(): Promise<void>;
  setConnection(state: ConnectionState): void;
  setTheme(theme: Theme): void;
};

function storedTheme(): Theme {
  const value = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Numbers each status request: several may be in flight (one per engine event) and only the newest may land. */
let statusSeq = 0;

/** The engine's status (demo mode, counts) and the shell's own state: connection and theme. */
export const useApp = create<AppState>((set) => ({
  status: null,
  statusError: null,
  connection: 'connecting',
  theme: storedTheme(),
  async refreshStatus() {
    const seq = ++statusSeq;
    const result = await call('app/status', {});
    if (seq !== statusSeq) return;
    if (result.ok) set({ status: result.value, statusError: null });
    else set({ statusError: result.error });
  },
  setConnection(connection) {
    set({ connection });
  },
  setTheme(theme) {
    globalThis.localStorage?.setItem(THEME_STORAGE_KEY, theme);
    set({ theme });
  },
}));
