import { REST_PREFIX, TOKEN_PARAM } from '../../../shared/contract/channels';
import type { ContractClient } from '../../../shared/contract/client';
import { desktopHost, headlessHost, type HostCapabilities } from './host';
import {
  SocketClient,
  socketContract,
  socketUrl,
  type ConnectionState,
  type TokenRefused,
} from './socket-client';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in a browser on the headless host. */
    chartSync?: ContractClient;
  }
}

export type Connection = {
  client: ContractClient;
  transport: 'desktop' | 'headless';
  /** What the host offers beyond the contract (downloading a file, a save dialog). */
  host: HostCapabilities;
  onState(listener: (state: ConnectionState) => void): () => void;
  state(): ConnectionState;
};

const TOKEN_STORAGE_KEY = 'chart-sync-token';

/**
 * The token arrives once in the URL the host printed. It is kept for this tab only (a reload must still work)
 * and taken out of the address bar so it does not end up in a screenshot or the history.
 */
export function takeToken(win: Window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_PARAM);
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

/** The contract through whichever transport is present: the desktop preload, else the host's WebSocket. */
export function connect(win: Window): Connection | null {
  if (win.chartSync) {
    return {
      client: win.chartSync,
      transport: 'desktop',
      host: desktopHost(win),
      onState: () => () => {},
      state: () => 'open',
    };
  }
  const token = takeToken(win);
  if (!token) return null;
  const socket = new SocketClient(
    socketUrl(win.location, token),
    undefined,
    tokenRefused(win.location, token, (url, init) => win.fetch(url, init)),
  );
  socket.onState((state) => {
    // A reload must not try the refused token again: it would only find the same answer.
    if (state === 'refused') win.sessionStorage.removeItem(TOKEN_STORAGE_KEY);
  });
  return {
    client: socketContract(socket),
    transport: 'headless',
    host: headlessHost(win.location, token),
    onState: (listener) => socket.onState(listener),
    state: () => socket.state,
  };
}

/**
 * Whether the host that served this page refuses the token. A browser is not told why a WebSocket upgrade
 * failed, so after a failed connection the client asks over HTTP: every REST path checks the token first, and
 * 401 is the only answer that means "refused" (a host that is down or restarting answers nothing).
 */
export function tokenRefused(
  location: Pick<Location, 'protocol' | 'host'>,
  token: string,
  fetcher: (url: string, init?: RequestInit) => Promise<Response>,
): TokenRefused {
  return async () => {
    try {
      const answer = await fetcher(`${location.protocol}//${location.host}${REST_PREFIX}`, {
        headers: { Authorization: `Bearer ${token}` },
        cache: 'no-store',
      });
      return answer.status === 401;
    } catch {
      return false;
    }
  };
}
