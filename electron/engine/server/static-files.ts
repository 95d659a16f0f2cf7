import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { contentTypeOf } from './content-types';
import { IMMUTABLE_CACHE_CONTROL, REVALIDATE_CACHE_CONTROL } from './limits';
import { refusedPage, type PageAccess } from './page-access';
import { PAGE_CONTENT_SECURITY_POLICY } from './page-policy';
import { SECURITY_HEADERS, sendText } from './responses';

/** Vite names built assets `<name>-<hash>.<ext>`: those never change, so they may be cached for good. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * Serves the built renderer. The page itself (index.html) opens only as `pageAccess` allows (with the token,
 * see page-access.ts); its assets need no token: they are the same for everyone and hold no data, which is
 * behind the WebSocket and the REST API. Only files inside `rootDir` are ever read.
 */
export function createStaticFiles(
  rootDir: string,
  pageAccess: (request: IncomingMessage, url: URL) => PageAccess,
): (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> {
  const root = resolve(rootDir);
  const page = join(root, 'index.html');
  return async (request, response, url) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
      return;
    }
    const file = await resolveFile(root, url.pathname);
    if (!file) {
      sendText(response, 404, 'Not found.');
      return;
    }
    let accessHeaders: Record<string, string> = {};
    if (file === (await realpath(page).catch(() => page))) {
      const access = pageAccess(request, url);
      if (!access.allowed) {
        sendRefusedPage(
          response,
          access.reason,
          request.headers.host ?? '127.0.0.1',
          request.method === 'HEAD',
        );
        return;
      }
      accessHeaders = { ...access.headers, 'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY };
    }
    const body = await readFile(file);
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      ...accessHeaders,
      'Content-Type': contentTypeOf(file),
      'Content-Length': body.length,
      'Cache-Control': HASHED_ASSET.test(basename(file)) ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

function sendRefusedPage(response: ServerResponse, reason: 'missing' | 'wrong', host: string, head: boolean) {
  const body = Buffer.from(refusedPage(reason, host), 'utf8');
  response.writeHead(401, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'WWW-Authenticate': 'Bearer',
  });
  response.end(head ? undefined : body);
}

/** The regular file a URL path names inside root, or null: traversal, encoded or not, and symlinks out of root. */
async function resolveFile(root: string, pathname: string): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const candidate = join(root, path);
  if (!isInside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(await realpath(root), real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
