import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../electron/emulator';
import type { EmulatedChart } from '../../electron/emulator/catalogue';
import { pageProblems, screenshot, VIEWPORT } from './support/browser';
import { catalogueSize, pickCharts } from './support/emulator';
import { useE2eSession } from './support/session';
import {
  chartsGrid,
  discoverCharts,
  expectWithinWindow,
  goTo,
  headerCounts,
  rowWithText,
  schedulesGrid,
  searchCharts,
  waitForToast,
} from './support/ui';

/**
 * A schedule Soundcharts refuses (403: not in the plan) needs the operator; one whose server fails (500) is
 * retried on its own. Both say so on every screen and in the header's counts, at 1366 and 1024 px, light and dark.
 */
describe('schedule health', { timeout: 120_000 }, () => {
  const [refused, erroring] = pickDistinct();
  const session = useE2eSession({
    withEmulator: true,
    prepare: ({ page }) => discoverCharts(page, catalogueSize()),
  });
  let emulator: RunningEmulator;
  let page: Page;

  beforeEach(() => {
    ({ emulator, page } = session);
  });

  async function scheduleWithImmediateSync(chart: EmulatedChart): Promise<void> {
    await goTo(page, 'Charts');
    await searchCharts(page, chart.slug);
    await rowWithText(chartsGrid(page), chart.slug)
      .getByRole('link', { name: `Add schedule for ${chart.name}` })
      .click();
    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
    await page.getByLabel('History window (days)').fill('21');
    await page.getByLabel('Sync immediately').check();
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await waitForToast(page, `Schedule created for ${chart.name}`);
    await page.getByRole('heading', { level: 2, name: chart.name, exact: true }).waitFor();
  }

  const healthOf = (row: ReturnType<typeof rowWithText>) => row.locator('.health').first();

  it('shows action required and retrying on the schedule, the Schedules screen and the header', async () => {
    emulator.faults.configure({
      forbidden: { match: refused!.slug },
      serverError: { match: erroring!.slug, status: 500 },
    });

    await scheduleWithImmediateSync(refused!);
    const callout = page.getByRole('alert').filter({ hasText: 'Action required' });
    await callout.waitFor({ timeout: 30_000 });
    expect(await callout.innerText()).toMatch(/plan|forbidden|403/i);
    expect(await page.locator('.screen-header .health').innerText()).toContain('Action required');
    await screenshot(page, 'health-schedule-action-required');

    await scheduleWithImmediateSync(erroring!);
    const retrying = page.locator('.callout[data-health="retrying"]');
    await retrying.waitFor({ timeout: 30_000 });
    expect(await retrying.innerText()).toMatch(/Retry 1 of 3 (runs in|is waiting to start)/);

    await goTo(page, 'Schedules');
    const grid = schedulesGrid(page);
    const refusedRow = rowWithText(grid, refused!.name).filter({
      hasText: refused!.countryName || 'Worldwide',
    });
    const refusedHealth = healthOf(refusedRow.first());
    await expectText(refusedHealth, 'Action required');
    expect(await refusedHealth.getAttribute('title')).toMatch(/plan|forbidden|403/i);
    const erroringHealth = healthOf(rowWithText(grid, erroring!.name).first());
    await expectText(erroringHealth, 'Retrying');

    const counts = headerCounts(page);
    await counts
      .locator('[data-health="action_required"]')
      .filter({ hasText: '1 action required' })
      .waitFor();
    await counts.locator('[data-health="retrying"]').filter({ hasText: '1 retrying' }).waitFor();
    expect(await counts.locator('[data-health="failing"]').count()).toBe(0);

    for (const width of [VIEWPORT.width, 1024]) {
      await page.setViewportSize({ width, height: VIEWPORT.height });
      for (const theme of ['light', 'dark'] as const) {
        await page.getByLabel('Theme').selectOption(theme);
        await expectWithinWindow(counts, `the header counts at ${width} px`);
        await expectWithinWindow(refusedHealth, `the health of ${refused!.name} at ${width} px`);
        await screenshot(page, `health-schedules-${width}-${theme}`);
      }
    }
    await page.setViewportSize(VIEWPORT);
    await page.getByLabel('Theme').selectOption('light');

    // The Charts screen's status filter offers health: the refused chart is the one that needs action.
    await goTo(page, 'Charts');
    await searchCharts(page, '', catalogueSize());
    await page
      .getByRole('combobox', { name: 'Sync status' })
      .selectOption({ label: '⛔ Action required (1)' });
    await page
      .getByRole('status')
      .filter({ hasText: /^1 of \d+ charts$/ })
      .waitFor();
    await expectText(healthOf(rowWithText(chartsGrid(page), refused!.slug)), 'Action required');
    await screenshot(page, 'health-charts-action-required');
    expect(pageProblems(page)).toEqual([]);
  });
});

async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).waitFor({ timeout: 30_000 });
}

/** Two weekly charts, neither slug inside the other (a fault matches the request path by substring). */
function pickDistinct(): [EmulatedChart, EmulatedChart] {
  const charts = pickCharts('weekly', 8);
  for (const a of charts) {
    for (const b of charts) {
      if (a !== b && a.name !== b.name && !a.slug.includes(b.slug) && !b.slug.includes(a.slug)) return [a, b];
    }
  }
  throw new Error('no two weekly charts with distinct slugs and names');
}
