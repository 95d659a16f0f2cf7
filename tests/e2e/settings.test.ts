import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { openPage, pageProblems, screenshot, VIEWPORT } from './support/browser';
import { useE2eSession } from './support/session';
import { horizontalOverflow, waitForToast } from './support/ui';

const NARROW = { width: 1024, height: 768 } as const;

/** The Settings screen in Chromium against `chart-sync serve` in demo mode: what is saved survives a reload. */
describe('the Settings screen', { timeout: 90_000 }, () => {
  const session = useE2eSession({ withEmulator: false });
  let page: Page;

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
        await screenshot(page, `settings-screen-middle-${size.width}-${scheme}`);
        await contents.getByRole('button', { name: 'Appearance' }).click();
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
  }
});
