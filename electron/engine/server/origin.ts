import type { IncomingMessage } from 'node:http';

/** The names this machine answers to on loopback: the whole 127.0.0.0/8 block, as startServer listens on any. */
const LOOPBACK_NAMES = new Set(['localhost', '[::1]']);
const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * The Host header must name loopback. A page on another site whose name was made to resolve to 127.0.0.1 (DNS
 * rebinding) sends its own name here, and is refused before anything else is looked at.
 */
export function isLoopbackHost(request: IncomingMessage): boolean {
  const host = request.headers.host;
  if (!host) return false;
  try {
    const { hostname } = new URL(`http://${host}`);
    return LOOPBACK_NAMES.has(hostname) || LOOPBACK_IPV4.test(hostname);
  } catch {
    return false;
  }
}

/**
 * Browsers send Origin on WebSocket upgrades and cross-site requests; a page of another site must not drive the
 * engine even if it learnt the token. No Origin (curl, scripts) is allowed: the token still applies.
 */
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    // Both through URL, so an explicit default port (":80") compares equal to none.
    return url.protocol === 'http:' && url.host === new URL(`http://${request.headers.host ?? ''}`).host;
  } catch {
    return false;
  }
}
