/** The headless host's own numbers: transport limits, not sync policy, so they live beside the server. */

/** Where `chart-sync serve` listens unless told otherwise (`--port 0` takes any free port). */
export const DEFAULT_SERVER_PORT = 5757;
/** Loopback only: the token is the only lock, so the host must never be reachable from the network. */
export const LOOPBACK_HOST = '127.0.0.1';

/** Bytes of randomness in a token (256 bits), encoded base64url so it travels in a URL unescaped. */
export const TOKEN_BYTES = 32;

/** The largest WebSocket message accepted; every contract input is a few hundred bytes. */
export const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;
/** The largest REST request body accepted. */
export const MAX_REST_BODY_BYTES = 64 * 1024;
/**
 * A socket whose unsent data grows past this is not reading (a frozen tab): it is dropped rather than let the
 * events pile up in the host's memory. The page reconnects and reloads what it shows.
 */
export const MAX_SOCKET_BUFFERED_BYTES = 16 * 1024 * 1024;
/** Pings find sockets whose peer vanished without closing (a suspended laptop), so they do not linger. */
export const SOCKET_HEARTBEAT_MS = 30_000;

/** Hashed build assets never change under the same name: browsers may keep them for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** index.html names the current assets, so it is always revalidated. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';
