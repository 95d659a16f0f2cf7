import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../electron/emulator';
import { pageProblems, screenshot, VIEWPORT } from './support/browser';
import { catalogueSize, pickCharts } from './support/emulator';
import { useE2eSession } from './support/session';
import {
  chartsGrid,
  discoverCharts,
  expectWithinWindow,
  goTo,
  rowWithText,
  searchCharts,
  waitForExecutionStatus,
  waitForToast,
} from './support/ui';

const NARROW = { width: 1024, height: 768 } as const;

/** A sync Soundcharts refuses (403) fails for good at once: the bell counts it, the Alerts screen lists it. */
describe('alerts: the bell, the Alerts screen and the Settings screen', { timeout: 90_000 }, () => {
  const [refusedChart] = pickCharts('weekly', 1);
  const session = useE2eSession({
    withEmulator: true,
    prepare: ({ page }) => discoverCharts(page, catalogueSize()),
  });
  let emulator: RunningEmulator;
  let page: Page;

  beforeEach(() => {
    ({ emulator, page } = session);
  });

  const bell = (p: Page) => p.getByRole('banner').getByRole('link', { name: /^Alerts: / });

  async function openScreen(name: 'Alerts' | 'Settings'): Promise<void> {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
  }

  /** The current screen at both window widths, in both themes. */
  async function screenshotsOf(name: string): Promise<void> {
    const theme = page.getByRole('banner').getByLabel('Theme');
    for (const scheme of ['light', 'dark'] as const) {
      await theme.selectOption(scheme);
      for (const size of [VIEWPORT, NARROW]) {
        await page.setViewportSize(size);
        await screenshot(page, `${name}-${size.width}-${scheme}`);
      }
    }
    await page.setViewportSize(VIEWPORT);
    await theme.selectOption('system');
  }

  it('shows a failing sync in the bell and on the Alerts screen, and marking it read clears the bell', async () => {
    expect(await bell(page).getAttribute('aria-label')).toBe('Alerts: none unread');
    emulator.faults.configure({ forbidden: { match: refusedChart!.slug } });

    await goTo(page, 'Charts');
    await searchCharts(page, refusedChart!.slug);
    await rowWithText(chartsGrid(page), refusedChart!.slug)
      .getByRole('link', { name: `Add schedule for ${refusedChart!.name}` })
      .click();
    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
    await page.getByLabel('History window (days)').fill('30');
    await page.getByLabel('Sync immediately').check();
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await waitForToast(page, `Schedule created for ${refusedChart!.name}`);
    await waitForExecutionStatus(page, 1, 'failed');

    await page.getByRole('banner').getByRole('link', { name: 'Alerts: 1 unread' }).waitFor();
    await bell(page).click();
    await page.getByRole('heading', { level: 2, name: 'Alerts', exact: true }).waitFor();
    expect(page.url()).toContain('#/alerts?unread=1');
    const list = page.getByRole('list', { name: 'Alerts' });
    const row = list.getByRole('listitem').filter({ hasText: 'Sync failed' });
    await row.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    expect(await row.innerText()).toContain(refusedChart!.slug);
    await expectWithinWindow(row.getByRole('button', { name: 'Mark read' }), 'the Mark read button');
    await screenshotsOf('alerts');

    await row.getByRole('button', { name: 'Mark read' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Alerts: none unread' }).waitFor();
    await page.getByRole('heading', { name: 'No alerts match' }).waitFor();

    // Read alerts stay listed without the unread filter, and lead to their execution.
    await page.getByRole('link', { name: 'Show all alerts' }).click();
    await list.getByRole('listitem').filter({ hasText: 'Sync failed' }).waitFor();
    await list.getByRole('link', { name: 'Open the execution' }).click();
    await page.getByRole('heading', { level: 2, name: 'Execution #1' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('turns an alert kind off and sets the quota threshold on the Settings screen', async () => {
    await openScreen('Settings');
    // Recorded (the Alerts section), not notified (Notifications has a checkbox of the same name).
    const recorded = (p: Page) => p.getByRole('region', { name: 'Alerts', exact: true });
    const toggle = recorded(page).getByRole('checkbox', { name: /Slow sync/ });
    await toggle.uncheck();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Settings', exact: true }).waitFor();
    expect(
      await recorded(page)
        .getByRole('checkbox', { name: /Slow sync/ })
        .isChecked(),
    ).toBe(false);

    await page.getByLabel('Requests remaining').fill('-5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The quota-low request count cannot be negative.').waitFor();
    await page.getByLabel('Requests remaining').fill('2500');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForToast(page, 'Quota threshold saved');
    await screenshotsOf('settings');
    await recorded(page)
      .getByRole('checkbox', { name: /Slow sync/ })
      .check();
    expect(pageProblems(page)).toEqual([]);
  });
});
