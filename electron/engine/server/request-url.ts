import type { IncomingMessage } from 'node:http';

/**
 * The URL of a request, or null when its target is not one. The target is a path ("/ws?token=…"), which is
 * not resolved against a base: `new URL('//', base)` reads "//" as an empty host name and throws, and a throw in
 * the upgrade listener would bring the host down, for any page that opens `ws://127.0.0.1:<port>//`.
 */
export function requestUrl(request: IncomingMessage): URL | null {
  const target = request.url ?? '/';
  try {
    return target.startsWith('/') ? new URL(`http://localhost${target}`) : new URL(target);
  } catch {
    return null;
  }
}
