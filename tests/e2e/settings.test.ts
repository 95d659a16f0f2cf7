import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../electron/emulator';
import { openPage, pageProblems, screenshot, VIEWPORT } from './support/browser';
import { E2E_SEED } from './support/emulator';
import { useE2eSession } from './support/session';
import { confirmDialog, horizontalOverflow, waitForToast } from './support/ui';

const NARROW = { width: 1024, height: 768 } as const;

/** The Settings screen in Chromium against `chart-sync serve` in demo mode: what is saved survives a reload. */
/** The credentials the second emulator (standing in for Soundcharts) accepts; it turns the sandbox pair away. */
const PAIR = { appId: 'e2e-operator', apiKey: 'e2e-key-7b3c' };

describe('the Settings screen', { timeout: 90_000 }, () => {
  const session = useE2eSession({ withEmulator: false });
  let page: Page;
  let soundcharts: RunningEmulator;

  beforeAll(async () => {
    soundcharts = await startEmulator({ seed: E2E_SEED, credentials: [PAIR], acceptSandbox: false });
  });
  afterAll(async () => {
    await soundcharts?.close();
  });

  beforeEach(() => {
    page = session.page;
  });

  const section = (p: Page, name: string): Locator => p.getByRole('region', { name, exact: true });

  async function openSettings(p: Page): Promise<void> {
    await p.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
    await p.getByRole('heading', { level: 2, name: 'Settings', exact: true }).waitFor();
    await section(p, 'Syncing').waitFor();
  }

  /** The screen's top and its end (reached through the table of contents), at both widths, in both themes. */
  async function screenshots(): Promise<void> {
    const theme = page.getByRole('banner').getByLabel('Theme');
    const contents = page.getByRole('navigation', { name: 'Settings sections' });
    for (const scheme of ['light', 'dark'] as const) {
      await theme.selectOption(scheme);
      for (const size of [VIEWPORT, NARROW]) {
        await page.setViewportSize(size);
        await contents.getByRole('button', { name: 'Connection' }).click();
        expect(await horizontalOverflow(page)).toEqual([]);
        await screenshot(page, `settings-screen-${size.width}-${scheme}`);
        await contents.getByRole('button', { name: 'Notifications' }).click();
        // The contents mark the section being read.
        await contents.locator('button[aria-current="location"]', { hasText: 'Notifications' }).waitFor();
        await screenshot(page, `settings-screen-middle-${size.width}-${scheme}`);
        await contents.getByRole('button', { name: 'Appearance' }).click();
        await contents.locator('button[aria-current="location"]', { hasText: 'Appearance' }).waitFor();
        await screenshot(page, `settings-screen-end-${size.width}-${scheme}`);
      }
    }
    await page.setViewportSize(VIEWPORT);
  }

  it('keeps the theme, desktop and notification settings across a reload and in a new browser', async () => {
    await openSettings(page);
    const appearance = section(page, 'Appearance');
    await appearance.getByRole('radio', { name: /Dark/ }).check();
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });

    const desktop = section(page, 'Desktop app');
    await desktop.getByText('These apply to the installed desktop app').waitFor();
    await desktop.getByRole('checkbox', { name: /Keep syncing in the tray/ }).uncheck();
    await desktop.getByRole('checkbox', { name: /Start at login/ }).check();

    const notifications = section(page, 'Notifications');
    await notifications.getByRole('checkbox', { name: /Slow sync/ }).uncheck();
    await notifications.getByLabel('At most this many notifications a minute').fill('0');
    await notifications.getByText('Notifications per minute is between 1 and 60.').waitFor();
    await notifications.getByLabel('At most this many notifications a minute').fill('12');
    await notifications.getByRole('button', { name: 'Save limit' }).click();
    await waitForToast(page, 'At most 12 notifications a minute');
    // The headless host's browser notifications: their state is said, whatever this browser answers.
    await notifications.getByText(/This browser/).waitFor();

    const syncing = section(page, 'Syncing');
    await syncing.getByLabel('Default history window (days)').fill('90');
    await syncing.getByRole('button', { name: 'Save history window' }).click();
    await waitForToast(page, 'New schedules fetch the last 90 days');
    await syncing.getByLabel('Requests in flight per sync').fill('40');
    await syncing.getByText('Requests in flight is between 1 and 32.').waitFor();
    await syncing.getByLabel('Requests in flight per sync').fill('16');
    await syncing.getByRole('button', { name: 'Save requests in flight' }).click();
    await waitForToast(page, 'Syncs keep up to 16 requests in flight');

    // Recording and notifying are two things: the alert kind stays recorded.
    expect(
      await section(page, 'Alerts')
        .getByRole('checkbox', { name: /Slow sync/ })
        .isChecked(),
    ).toBe(true);

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Settings', exact: true }).waitFor();
    await expectSaved(page);

    // A new browser has nothing cached: the theme comes from the host's stored setting.
    const other = await openPage(session.browser, `${session.host.url}#/settings`, 'light');
    try {
      await other.getByRole('heading', { level: 2, name: 'Settings', exact: true }).waitFor();
      await expectSaved(other);
      expect(pageProblems(other)).toEqual([]);
    } finally {
      await other.context().close();
    }
    await screenshots();
    // Back to the defaults for what follows.
    await page.getByRole('banner').getByLabel('Theme').selectOption('system');
    await section(page, 'Appearance')
      .getByRole('radio', { name: /System/ })
      .waitFor();
    expect(
      await section(page, 'Appearance')
        .getByRole('radio', { name: /System/ })
        .isChecked(),
    ).toBe(true);
    expect(pageProblems(page)).toEqual([]);
  });

  async function expectSaved(p: Page): Promise<void> {
    await p.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    expect(await p.getByRole('banner').getByLabel('Theme').inputValue()).toBe('dark');
    expect(await section(p, 'Appearance').getByRole('radio', { name: /Dark/ }).isChecked()).toBe(true);
    const desktop = section(p, 'Desktop app');
    expect(await desktop.getByRole('checkbox', { name: /Keep syncing in the tray/ }).isChecked()).toBe(false);
    expect(await desktop.getByRole('checkbox', { name: /Start at login/ }).isChecked()).toBe(true);
    const notifications = section(p, 'Notifications');
    expect(await notifications.getByRole('checkbox', { name: /Slow sync/ }).isChecked()).toBe(false);
    expect(await notifications.getByRole('checkbox', { name: /Sync failed/ }).isChecked()).toBe(true);
    expect(await notifications.getByLabel('At most this many notifications a minute').inputValue()).toBe(
      '12',
    );
    expect(await section(p, 'Syncing').getByLabel('Default history window (days)').inputValue()).toBe('90');
    expect(await section(p, 'Syncing').getByLabel('Requests in flight per sync').inputValue()).toBe('16');
  }

  it('shows the demo connection, then saves credentials for another Soundcharts: demo mode ends', async () => {
    await page.reload();
    await openSettings(page);
    const connection = section(page, 'Connection');
    const demoBadge = page.getByRole('banner').getByText('Demo data');
    await demoBadge.waitFor();
    await connection.getByText('Demo mode', { exact: true }).waitFor();
    await connection.getByText('None: Chart Sync runs in demo mode, on its built-in emulator').waitFor();
    expect(await connection.getByRole('note').innerText()).toMatch(/not encrypted/);
    // Nothing typed: the test is of what is in use, the built-in emulator.
    await connection.getByRole('button', { name: 'Test connection' }).click();
    await connection.getByText(/Soundcharts accepted the credentials in use/).waitFor();

    // A wrong key, tested against the API URL as typed (not saved yet): the test says so, clearly.
    await connection.getByLabel('API URL').fill(soundcharts.url);
    const key = connection.getByLabel('API key', { exact: true });
    expect(await key.getAttribute('type')).toBe('password');
    await connection.getByLabel('App id', { exact: true }).fill(PAIR.appId);
    await key.fill('not-the-key');
    await connection.getByRole('button', { name: 'Test connection' }).click();
    const failed = connection
      .getByRole('alert')
      .filter({ hasText: 'The test of the credentials typed above failed' });
    await failed.waitFor();
    expect(await failed.innerText()).toMatch(/rejected|refused/i);
    expect(await failed.innerText()).toContain(soundcharts.url);
    await screenshot(page, 'settings-connection-test-failed');

    await connection.getByRole('button', { name: 'Save API URL' }).click();
    await waitForToast(page, `API URL saved: ${soundcharts.url} is used once credentials are set`);
    await demoBadge.waitFor();

    await key.fill(PAIR.apiKey);
    await connection.getByRole('button', { name: 'Test connection' }).click();
    await connection.getByText(/Soundcharts accepted the credentials typed above/).waitFor();
    expect(await connection.locator('dt:text-is("Plan quota") + dd').innerText()).toMatch(/remaining/);
    expect(await connection.locator('dt:text-is("API URL") + dd').innerText()).toBe(soundcharts.url);
    await screenshot(page, 'settings-connection-tested');

    await connection.getByRole('button', { name: 'Save credentials' }).click();
    await waitForToast(page, 'Credentials saved: demo mode has ended');
    await demoBadge.waitFor({ state: 'detached' });
    await connection.getByText('Soundcharts', { exact: true }).waitFor();
    await connection.getByText('Saved on this machine').waitFor();
    expect(await connection.locator('dt:text-is("App id") + dd').innerText()).toBe(PAIR.appId);
    expect(await connection.getByLabel('ending in 7b3c').innerText()).toBe('•••• 7b3c');
    // The secret is never sent back to the page.
    expect(await key.inputValue()).toBe('');
    expect(await page.content()).not.toContain(PAIR.apiKey);
    await connection.getByRole('button', { name: 'Test connection' }).click();
    await connection.getByText(/Soundcharts accepted the credentials in use/).waitFor();
    await screenshot(page, 'settings-connection-saved');

    // Removing them (after a confirmation) goes back to demo mode.
    await connection.getByRole('button', { name: 'Remove saved credentials…' }).click();
    await confirmDialog(page, 'Remove the saved credentials?', 'Remove credentials');
    await waitForToast(page, 'Saved credentials removed');
    await demoBadge.waitFor();
    await connection.getByText('Demo mode', { exact: true }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
