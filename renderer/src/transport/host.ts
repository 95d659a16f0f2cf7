import { REST_PREFIX, TOKEN_PARAM } from '../../../shared/contract/channels';
import { navigate } from '../routing/use-route';

/**
 * What the page can do with a file beyond the contract, which depends on the host that serves it. The browser on
 * the headless host can download an export's file over HTTP; the desktop app reads the file where it was written,
 * and its native save dialog and "show in folder" belong to the Electron shell: they stay null until its preload
 * exposes them (`window.chartSyncHost`), and the screens then say where the file is instead.
 */
export type HostCapabilities = {
  /** The address of a finished export's file, streamed by the host (browser only). */
  exportFileUrl: ((exportId: number) => string) | null;
  /** The desktop's native "Save as" dialog: the chosen absolute path, or null when the operator cancelled. */
  chooseSaveFile: ((suggestedName: string) => Promise<string | null>) | null;
};

/**
 * What the desktop shell's preload exposes beside the contract (`window.chartSyncHost`). `onNavigate` is how main
 * opens a screen (a notification or the tray's alerts item was clicked): it hands an in-app href (`#/alerts`).
 */
export type DesktopHost = Partial<Pick<HostCapabilities, 'chooseSaveFile'>> & {
  onNavigate?: (listener: (href: string) => void) => () => void;
};

declare global {
  interface Window {
    chartSyncHost?: DesktopHost;
  }
}

const NO_HOST: HostCapabilities = { exportFileUrl: null, chooseSaveFile: null };
let current: HostCapabilities = NO_HOST;

/** Set once at start-up (main.tsx), or by a test. */
export function setHost(host: HostCapabilities | null): void {
  current = host ?? NO_HOST;
}

export function host(): HostCapabilities {
  return current;
}

/**
 * The headless host's capabilities. A download is a plain link the browser streams to disk (nothing is held in
 * the page's memory), so it carries the token as `?token=`, which every REST path takes as well as the header.
 */
export function headlessHost(location: Pick<Location, 'protocol' | 'host'>, token: string): HostCapabilities {
  const base = `${location.protocol}//${location.host}${REST_PREFIX}`;
  return {
    exportFileUrl: (id) => `${base}exports/${id}/file?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
    chooseSaveFile: null,
  };
}

/**
 * The desktop app's capabilities: only what its shell exposes. The screens main asks for are shown by the router,
 * for the page's lifetime (called once, at start-up).
 */
export function desktopHost(
  win: Pick<Window, 'chartSyncHost'>,
  openScreen: (href: string) => void = navigate,
): HostCapabilities {
  win.chartSyncHost?.onNavigate?.(openScreen);
  return { exportFileUrl: null, chooseSaveFile: win.chartSyncHost?.chooseSaveFile ?? null };
}

/**
 * The installed desktop app (its preload exposes the contract or the host's extras), not a browser on the headless
 * host: settings that only the desktop shell acts on (tray, login item) say so on the headless host.
 */
export function isDesktopApp(win: Pick<Window, 'chartSync' | 'chartSyncHost'> = window): boolean {
  return win.chartSync !== undefined || win.chartSyncHost !== undefined;
}
