import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_TOKEN, http, useServer } from './support';

describe('the renderer over HTTP', () => {
  const { server, rendererRoot } = useServer();
  const get = (path: string, headers: Record<string, string> = {}) =>
    http(server().port, 'GET', path, { headers });

  it('serves index.html at / with the token, revalidated on each load, and lets the tab reload it', async () => {
    const answer = await get(`/?token=${TEST_TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<title>Chart Sync</title>');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    // The token travels in this page's URL: it must never leak as a Referer, and the page is never framed.
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    // The page takes the token out of the address bar; a cookie that opens only the page lets a reload work.
    const [cookie] = answer.headers['set-cookie'] ?? [];
    expect(cookie).toMatch(
      new RegExp(`^chart-sync-page-${server().port}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`),
    );
    expect(cookie).not.toContain(TEST_TOKEN);
    const pair = cookie!.split(';')[0]!;
    expect((await get('/', { Cookie: pair })).status).toBe(200);
    expect((await get('/index.html', { Cookie: `other=1; ${pair}` })).text).toContain('Chart Sync');
    // The cookie opens the page, never the data.
    expect((await get('/api/sync/schedules/', { Cookie: pair })).status).toBe(401);
  });

  it('sends the page its Content-Security-Policy as a header, the same policy as the page\u2019s <meta>', async () => {
    const answer = await get(`/?token=${TEST_TOKEN}`);
    expect(answer.status).toBe(200);
    // A meta tag is read only once the page parses it; the header covers the page from its first byte.
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      readFileSync('renderer/index.html', 'utf8'),
    );
    expect(meta).not.toBeNull();
    expect(answer.headers['content-security-policy']).toBe(meta![1]);
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers 401 at / without the token, saying where the address with the token comes from', async () => {
    const missing = await get('/');
    expect(missing.status).toBe(401);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.text).toMatch(/no access token/);
    expect(missing.text).toMatch(/<code>chart-sync serve<\/code>.*<code>npm start<\/code>/s);
    expect(missing.text).toContain(`http://127.0.0.1:${server().port}/?token=`);
    expect(missing.text).not.toContain(TEST_TOKEN);
    expect((await get('/index.html')).status).toBe(401);
    expect((await get('/', { Cookie: `chart-sync-page-${server().port}=stale` })).status).toBe(401);
    // Assets hold no data and need no token.
    expect((await get('/assets/index-qQxP-fCM.js')).status).toBe(200);
  });

  it('answers 401 at /?token=<wrong token>, saying the token is wrong and how to get the right one', async () => {
    const wrong = await get('/?token=from-an-earlier-start');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toMatch(/token in this address is wrong/);
    expect(wrong.text).toMatch(/new token each time it starts/);
    expect(wrong.text).toMatch(/<code>chart-sync serve<\/code>.*<code>npm start<\/code>/s);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('serves assets with their content type; hashed ones are cached for good', async () => {
    const script = await get('/assets/index-qQxP-fCM.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const style = await get('/assets/index-BtM3-X_X.css');
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(style.headers['cache-control']).toContain('immutable');
    const icon = await get('/assets/icon.svg');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect((await get('/assets/font.woff2')).headers['content-type']).toBe('font/woff2');
    expect((await get('/assets/data.bin')).headers['content-type']).toBe('application/octet-stream');
  });

  it('answers HEAD without a body and refuses other methods (405 with Allow)', async () => {
    const head = await http(server().port, 'HEAD', '/assets/index-qQxP-fCM.js');
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    const post = await http(server().port, 'POST', '/index.html', { body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers 404 for anything that is not a file of the build', async () => {
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
    expect((await get('/assets/')).status).toBe(404);
    expect((await get('/%E0%A4%A')).status).toBe(404);
  });

  it('reads a target starting with "//" as a path, and answers 400 for one that is not a path', async () => {
    // Read against a base URL, "//" is an empty host name: that parse threw, and the page got a 500.
    expect((await get('//')).status).toBe(401);
    expect((await get('//a:b')).status).toBe(404);
    const notAPath = await get('*');
    expect(notAPath.status).toBe(400);
    expect(notAPath.text).toContain('not a path');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/..%5c..%5csecret.txt',
    '/index.html%00.js',
    '//etc/passwd',
  ])('never reads outside the build: %s', async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain('do not serve');
  });

  it('does not follow a symlink out of the build', async () => {
    symlinkSync(join(rendererRoot(), 'secret.txt'), join(rendererRoot(), 'renderer', 'assets', 'link.txt'));
    const answer = await get('/assets/link.txt');
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain('do not serve');
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    const answer = await get('/', { Host: `evil.example:${server().port}` });
    expect(answer.status).toBe(403);
    expect((await get(`/?token=${TEST_TOKEN}`, { Host: `localhost:${server().port}` })).status).toBe(200);
  });
});
