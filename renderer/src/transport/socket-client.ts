import { CALL_NAMES } from '../../../shared/contract/call-names';
import { TOKEN_PARAM, WEBSOCKET_PATH } from '../../../shared/contract/channels';
import type { ContractCalls, ContractClient, SocketMessage } from '../../../shared/contract/client';
import type { EventName } from '../../../shared/contract/events';
import type { ErrorShape, Result } from '../../../shared/errors';

/** `refused`: the host refused the token (it makes a new one at each start); no use trying again. */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'refused';

/** Asks the host whether it refuses the token: true only when it says so (not when it cannot be reached). */
export type TokenRefused = () => Promise<boolean>;

/** Waits between reconnection attempts: quick at first (a host restart), then every few seconds. */
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000] as const;

const DISCONNECTED: ErrorShape = {
  code: 'internal',
  message: 'Lost the connection to Chart Sync. It reconnects by itself; try again in a moment.',
};

const CLOSED: ErrorShape = { code: 'internal', message: 'The connection to Chart Sync was closed.' };

const REFUSED: ErrorShape = {
  code: 'unauthorized',
  message:
    "Chart Sync refused this page's access token: it makes a new token each time it starts. Open the address " +
    'that chart-sync serve (or npm start) printed in its terminal.',
};

type Pending = (result: Result<unknown>) => void;
type Listener = (payload: unknown) => void;

/**
 * The contract over the headless host's WebSocket. Calls made while the socket is (re)connecting wait for it;
 * a call in flight when the socket drops fails with a readable error rather than hanging, since the host may
 * or may not have run it.
 */
export class SocketClient {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private attempt = 0;
  private closedByUs = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pending = new Map<number, Pending>();
  /** Calls not yet sent, waiting for the socket to open. */
  private readonly queued: { id: number; message: string }[] = [];
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  state: ConnectionState = 'connecting';

  constructor(
    private readonly url: string,
    private readonly createSocket: (url: string) => WebSocket = (u) => new WebSocket(u),
    /** Asked when a socket closes without having opened: the browser does not say that the token was refused. */
    private readonly tokenRefused?: TokenRefused,
  ) {
    this.open();
  }

  call(name: string, input: unknown): Promise<Result<unknown>> {
    if (this.state === 'refused') return Promise.resolve({ ok: false, error: REFUSED });
    if (this.closedByUs) return Promise.resolve({ ok: false, error: CLOSED });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const message = JSON.stringify({ type: 'call', id, name, input: input ?? {} });
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(message);
      else this.queued.push({ id, message });
    });
  }

  on(name: EventName, listener: Listener): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Closes for good: no reconnection (even one already waiting), and calls not yet sent fail. */
  close(): void {
    this.closedByUs = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    for (const { id } of this.queued.splice(0)) {
      this.pending.get(id)?.({ ok: false, error: CLOSED });
      this.pending.delete(id);
    }
    this.socket?.close();
  }

  private open(): void {
    const socket = this.createSocket(this.url);
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.attempt = 0;
      // Calls made while connecting go first, in the order made: a state listener's calls come after them.
      for (const { message } of this.queued.splice(0)) socket.send(message);
      this.setState('open');
    });
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', () => {
      const waiting = new Set(this.queued.map((q) => q.id));
      for (const [id, resolve] of this.pending) {
        if (waiting.has(id)) continue;
        this.pending.delete(id);
        resolve({ ok: false, error: DISCONNECTED });
      }
      this.setState('closed');
      if (this.closedByUs) return;
      if (opened || !this.tokenRefused) {
        this.reconnectLater();
        return;
      }
      void this.tokenRefused()
        .catch(() => false)
        .then((refused) => {
          if (this.closedByUs) return;
          if (refused) this.refuse();
          else this.reconnectLater();
        });
    });
  }

  private reconnectLater(): void {
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt++, RECONNECT_DELAYS_MS.length - 1)];
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.setState('connecting');
      this.open();
    }, delay);
  }

  /** The token will never be accepted: stop for good, and every call waiting or to come says why. */
  private refuse(): void {
    this.closedByUs = true;
    for (const { id } of this.queued.splice(0)) {
      this.pending.get(id)?.({ ok: false, error: REFUSED });
      this.pending.delete(id);
    }
    this.setState('refused');
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: SocketMessage;
    try {
      message = JSON.parse(data) as SocketMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.result);
    } else if (message.type === 'event') {
      for (const listener of this.listeners.get(message.name) ?? []) listener(message.payload);
    }
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

/** The socket client seen through the contract's types. */
export function socketContract(client: SocketClient): ContractClient {
  const calls = Object.fromEntries(
    CALL_NAMES.map((name) => [name, (input: unknown) => client.call(name, input)]),
  ) as unknown as ContractCalls;
  return { ...calls, on: (name, listener) => client.on(name, listener as Listener) };
}

/** The WebSocket address of the host that served this page, with the page's token. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WEBSOCKET_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}
