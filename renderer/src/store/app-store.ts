import { create } from 'zustand';
import type { ErrorShape } from '../../../shared/errors';
import type { ThemeSetting } from '../../../shared/schemas/settings-input';
import type { AppStatus } from '../../../shared/views/app-status';
import { call } from '../transport/api';
import type { ConnectionState } from '../transport/socket-client';
import { toast } from './toast-store';

export type Theme = ThemeSetting;
const THEME_STORAGE_KEY = 'chart-sync-theme';

type AppState = {
  status: AppStatus | null;
  statusError: ErrorShape | null;
  connection: ConnectionState;
  /** The stored setting `theme`, as last heard from the engine (or chosen here and being saved). */
  theme: Theme;
  refreshStatus(): Promise<void>;
  setConnection(state: ConnectionState): void;
  /** The operator chose a theme: shown at once, saved as the setting; put back if the engine refuses. */
  setTheme(theme: Theme): Promise<void>;
  /** The engine's setting (settings/changed): followed, and cached for the next first paint. */
  followTheme(theme: Theme): void;
  /** Reads the setting (once connected, again after a reconnection); a choice made meanwhile wins. */
  loadTheme(): Promise<void>;
};

/**
 * The theme cached from the last run, so the first paint is already in it: the setting itself comes from the
 * engine a moment later, and a flash of the other theme on every start would be worse than none.
 */
function cachedTheme(): Theme {
  const value = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

function cacheTheme(theme: Theme): void {
  globalThis.localStorage?.setItem(THEME_STORAGE_KEY, theme);
}

/** Numbers each status request: several may be in flight (one per engine event) and only the newest may land. */
let statusSeq = 0;
/** Numbers theme choices: a refusal puts back the theme only if no newer choice was made meanwhile. */
let themeSeq = 0;

/** The engine's status (demo mode, counts) and the shell's own state: connection and theme. */
export const useApp = create<AppState>((set, get) => ({
  status: null,
  statusError: null,
  connection: 'connecting',
  theme: cachedTheme(),
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
  async setTheme(theme) {
    const seq = ++themeSeq;
    const before = get().theme;
    get().followTheme(theme);
    const result = await call('settings/update', { theme });
    if (result.ok || seq !== themeSeq) return;
    get().followTheme(before);
    toast.error('Could not save the theme', result.error);
  },
  followTheme(theme) {
    cacheTheme(theme);
    set({ theme });
  },
  async loadTheme() {
    const seq = themeSeq;
    const result = await call('settings/get', {});
    if (result.ok && seq === themeSeq) get().followTheme(result.value.theme);
  },
}));
