import { describe, expect, it } from 'vitest';
import { openPage, pageProblems, screenshot } from './support/browser';
import { useE2eSession } from './support/session';

/**
 * The access token in Chromium (defect 6.5): the printed address opens the app and survives a reload; a wrong
 * token, in the address or in a tab left open while the host restarted, says so and how to get the right one,
 * instead of "Disconnected: reconnecting…" over "Loading charts…" forever.
 */
describe('the access token in Chromium', { timeout: 90_000 }, () => {
  const session = useE2eSession({ withEmulator: false });

  it('opens with the printed address and reloads without the token in the address bar', async () => {
    const { page } = session;
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('says the token in the address is wrong, and where the right address comes from', async () => {
    const url = new URL(session.host.url);
    url.searchParams.set('token', 'from-an-earlier-start');
    const page = await openPage(session.browser, url.href);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/token in this address is wrong/);
    expect(await page.locator('main').innerText()).toMatch(/chart-sync serve \(or npm start\) printed/);
    await screenshot(page, 'token-wrong-in-address');
    // The refusal itself, which Chromium also logs; nothing else (no script ran, nothing retried).
    expect(pageProblems(page)).toEqual([
      `HTTP 401: ${url.href}`,
      `console error: Failed to load resource: the server responded with a status of 401 (Unauthorized) (${url.href})`,
    ]);
    await page.context().close();
  });

  it('stops reconnecting when the host refuses the token the tab kept, and says how to get the new one', async () => {
    const page = await openPage(session.browser, session.host.url);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    // What a tab holds after the host restarted with a new token: the old one, kept for reloads.
    // (As text: this file is type-checked for Node, without the DOM's globals.)
    await page.evaluate(`sessionStorage.setItem('chart-sync-token', 'from-an-earlier-start')`);
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/refused this page's access token/);
    expect(await page.getByText(/reconnecting|Loading charts/).count()).toBe(0);
    await screenshot(page, 'token-refused-in-open-tab');
    // Nothing retries: the token is no longer kept, and no other request follows the one that asked.
    expect(await page.evaluate(`sessionStorage.getItem('chart-sync-token')`)).toBeNull();
    const refusals = pageProblems(page).filter((p) => p.startsWith('HTTP 401'));
    expect(refusals).toEqual([`HTTP 401: ${new URL('/api/', session.host.url).href}`]);
    await page.context().close();
  });
});
