import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { contentTypeOf } from './content-types';
import { IMMUTABLE_CACHE_CONTROL, REVALIDATE_CACHE_CONTROL } from './limits';
import { SECURITY_HEADERS, sendText } from './responses';

/** Vite names built assets `<name>-<hash>.<ext>`: those never change, so they may be cached for good. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * Serves the built renderer. Static files need no token: they are the same for everyone and hold no data;
 * the data is behind the WebSocket and the REST API, which do. Only files inside `rootDir` are ever read.
 */
export function createStaticFiles(
  rootDir: string,
): (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> {
  const root = resolve(rootDir);
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
    const body = await readFile(file);
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Content-Length': body.length,
      'Cache-Control': HASHED_ASSET.test(basename(file)) ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
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
