import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageProblems, screenshot } from './support/browser';
import { catalogueSize, pickCharts } from './support/emulator';
import { useE2eSession } from './support/session';
import {
  cellsByColumn,
  chartsGrid,
  confirmDialog,
  discoverCharts,
  expectWithinWindow,
  goTo,
  headerCounts,
  rowWithText,
  schedulesGrid,
  searchCharts,
  searchSchedules,
  waitForToast,
} from './support/ui';

/**
 * The original admin's bulk actions: charts put on the sync schedule, synced and taken off it in one go from
 * the Charts screen; schedules deactivated and deleted in one go from the Schedules screen.
 */
describe('bulk actions on charts and schedules', { timeout: 90_000 }, () => {
  // Monthly charts: about twelve periods in the default year of history, so their syncs are quick.
  const charts = pickCharts('monthly', 3);
  const slugs = charts.map((chart) => chart.slug);
  const session = useE2eSession({
    withEmulator: true,
    prepare: ({ page }) => discoverCharts(page, catalogueSize()),
  });
  let page: Page;

  beforeEach(() => {
    page = session.page;
  });

  const chartsBar = () => page.getByRole('region', { name: 'Actions on selected charts' });
  const schedulesBar = () => page.getByRole('region', { name: 'Actions on selected schedules' });

  /** Ticks each chart's row, one search at a time: the selection outlives the search. */
  async function selectCharts(selected: readonly string[]): Promise<void> {
    for (const slug of selected) {
      await searchCharts(page, slug);
      await rowWithText(chartsGrid(page), slug).getByRole('checkbox').check();
    }
    await searchCharts(page, '', catalogueSize());
    await chartsBar()
      .getByText(`${selected.length} chart${selected.length === 1 ? '' : 's'} selected`)
      .waitFor();
  }

  /** The Charts screen narrowed by its Sync status filter ('' for any status). */
  async function showChartsWithStatus(status: string, count: number): Promise<void> {
    await page.getByRole('search', { name: 'Filter charts' }).getByLabel('Sync status').selectOption(status);
    await page
      .getByRole('status')
      .filter({ hasText: `${count} of ${catalogueSize()} charts` })
      .waitFor();
  }

  it('adds the selected charts to the sync schedule', async () => {
    await selectCharts(slugs);
    await screenshot(page, 'bulk-charts-selected');
    await chartsBar().getByRole('button', { name: 'Add to sync schedule' }).click();
    await waitForToast(page, 'Added to the sync schedule: 3 charts');
    // Every chart went through: nothing stays selected.
    await chartsBar().waitFor({ state: 'detached' });

    // Scheduled, not synced yet.
    await showChartsWithStatus('never_synced', 3);
    for (const slug of slugs) {
      const row = rowWithText(chartsGrid(page), slug);
      await row.locator('[data-health="never_synced"]').waitFor();
      expect((await cellsByColumn(row))['Sync status']).toMatch(/Never synced/);
    }
    await headerCounts(page).getByText('3 active', { exact: true }).waitFor();
    await screenshot(page, 'bulk-charts-added');
  });

  it('syncs them all now', async () => {
    await chartsGrid(page).getByRole('checkbox', { name: 'Select all 3 matching charts' }).check();
    await chartsBar().getByText('3 charts selected').waitFor();
    await chartsBar().getByRole('button', { name: 'Sync now' }).click();
    await waitForToast(page, 'Sync started: 3 charts');

    await goTo(page, 'Schedules');
    await page.getByRole('status').filter({ hasText: '3 of 3 schedules' }).waitFor();
    // Each schedule has run once, successfully (the executions column reads "1 total, 1 ok · 0 failed").
    const done = schedulesGrid(page)
      .getByRole('row')
      .filter({ hasText: /1 total\s*1 ok · 0 failed/ });
    await done.nth(2).waitFor({ timeout: 45_000 });
    for (const row of await done.all()) expect((await cellsByColumn(row)).Success).toBe('100%');
  });

  it('deactivates the selected schedules', async () => {
    await schedulesGrid(page).getByRole('checkbox', { name: 'Select all 3 matching schedules' }).check();
    await schedulesBar().getByText('3 schedules selected').waitFor();
    await schedulesBar().getByRole('button', { name: 'Deactivate' }).click();
    await waitForToast(page, 'Deactivated: 3 schedules');
    const inactive = schedulesGrid(page)
      .getByRole('row')
      .filter({ has: page.locator('[data-health="paused"]') });
    await inactive.nth(2).waitFor();
    for (const row of await inactive.all()) {
      const cells = await cellsByColumn(row);
      expect(cells.Status).toMatch(/^⏸ Paused/);
      expect(cells['Next sync']).toBe('Paused');
    }
    await headerCounts(page).getByText('0 active', { exact: true }).waitFor();
    await screenshot(page, 'bulk-schedules-deactivated');
    const lastRow = inactive.nth(2);
    await expectWithinWindow(
      lastRow.getByRole('button', { name: /^Delete / }),
      "a schedule row's Delete button",
    );
  });

  it('deletes the selected schedules once confirmed', async () => {
    // Whatever the deactivation left selected, only two schedules are chosen now, by their charts' slugs.
    if (await schedulesBar().isVisible())
      await schedulesBar().getByRole('button', { name: 'Clear selection' }).click();
    for (const slug of slugs.slice(0, 2)) {
      await searchSchedules(page, slug, 1);
      await schedulesGrid(page)
        .getByRole('row')
        .filter({ has: page.getByRole('link') })
        .getByRole('checkbox')
        .check();
    }
    await searchSchedules(page, '', 3);
    await schedulesBar().getByText('2 schedules selected').waitFor();
    await schedulesBar().getByRole('button', { name: 'Delete' }).click();
    await screenshot(page, 'bulk-schedules-confirm-delete');
    await confirmDialog(page, 'Delete 2 schedules?', 'Delete');
    await waitForToast(page, 'Deleted: 2 schedules');
    await page.getByRole('status').filter({ hasText: '1 of 1 schedules' }).waitFor();
    const remaining = schedulesGrid(page)
      .getByRole('row')
      .filter({ has: page.getByRole('link') });
    expect(await remaining.count()).toBe(1);
    expect((await cellsByColumn(remaining)).Chart).toContain(charts[2]!.name);
  });

  it('takes the last chart off the schedule from the Charts screen, once confirmed', async () => {
    await goTo(page, 'Charts');
    // Its schedule is inactive now, and the Charts screen says so.
    await showChartsWithStatus('paused', 1);
    const row = rowWithText(chartsGrid(page), slugs[2]!);
    await row.locator('[data-health="paused"]').waitFor();
    await row.getByRole('checkbox').check();
    await chartsBar().getByRole('button', { name: 'Remove from sync schedule' }).click();
    await confirmDialog(page, 'Remove 1 chart from the sync schedule?', 'Remove from schedule');
    await waitForToast(page, 'Removed from the sync schedule: 1 chart');

    await showChartsWithStatus('', catalogueSize());
    for (const slug of slugs) {
      await searchCharts(page, slug);
      const row = rowWithText(chartsGrid(page), slug);
      await row.locator('[data-health="not_scheduled"]').waitFor();
      expect((await cellsByColumn(row))['Sync status']).toBe('Not scheduled');
    }
    await goTo(page, 'Schedules');
    await page.getByRole('heading', { name: 'No charts are scheduled yet' }).waitFor();
    await screenshot(page, 'bulk-schedules-empty');
    expect(pageProblems(page)).toEqual([]);
  });
});
