import type { IncomingMessage } from 'node:http';
import { TOKEN_PARAM } from '../../../shared/contract/channels';
import { generateToken, tokensMatch } from './token';

/** Whether the page itself (index.html) may be served, and what to say when not. */
export type PageAccess =
  { allowed: true; headers: Record<string, string> } | { allowed: false; reason: 'missing' | 'wrong' };

/**
 * The page opens with the token in its address (`/?token=…`), as the README says; without it, or with a wrong
 * one, the host answers 401 with a page that says which and where the right address comes from, instead of an
 * app that would try to connect forever. The page takes the token out of the address bar, so a reload comes
 * without it: the first load sets a cookie that opens the page again (and nothing else: the WebSocket and the
 * REST API take only the token). Its value is a key of its own, made at each start, never the token.
 */
export function createPageAccess(token: string): (request: IncomingMessage, url: URL) => PageAccess {
  const pageKey = generateToken();
  return (request, url): PageAccess => {
    // Cookies are shared by every port of a host: one per port, so two hosts do not overwrite each other's.
    const cookieName = `chart-sync-page-${request.socket.localPort ?? 0}`;
    const given = url.searchParams.get(TOKEN_PARAM);
    if (given !== null) {
      if (!tokensMatch(given, token)) return { allowed: false, reason: 'wrong' };
      return {
        allowed: true,
        headers: { 'Set-Cookie': `${cookieName}=${pageKey}; Path=/; HttpOnly; SameSite=Strict` },
      };
    }
    const cookie = cookieValue(request.headers.cookie, cookieName);
    return cookie !== null && tokensMatch(cookie, pageKey)
      ? { allowed: true, headers: {} }
      : { allowed: false, reason: 'missing' };
  };
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The 401 page: what is wrong with the address and where the right one comes from. Self-contained. */
export function refusedPage(reason: 'missing' | 'wrong', host: string): string {
  const example = `http://${escapeHtml(host)}/?token=…`;
  const problem =
    reason === 'wrong'
      ? 'The access token in this address is wrong: it is not the one this Chart Sync is using. Chart Sync makes a new token each time it starts, so an address from an earlier start (a bookmark, the history, an old tab) no longer opens it.'
      : 'This address has no access token. Chart Sync makes a new token each time it starts, and opens only with it.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chart Sync: wrong or missing token</title>
<style>
  :root { color-scheme: light dark; }
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; }
  code { font-family: ui-monospace, monospace; }
</style>
</head>
<body>
<main>
<h1>Chart Sync</h1>
<p role="alert">${problem}</p>
<p>Open the address that <code>chart-sync serve</code> (or <code>npm start</code>) printed in its terminal when it started (<code>${example}</code>): it carries the right token.</p>
</main>
</body>
</html>
`;
}
