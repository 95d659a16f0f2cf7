import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { STOPPED_NOTICE } from '../../electron/cli/commands/serve';
import { openPage, pageProblems, screenshot } from './support/browser';
import { useE2eSession } from './support/session';
import {
  cellsByColumn,
  chartsGrid,
  executionRow,
  fact,
  goTo,
  rowWithText,
  schedulesGrid,
  searchCharts,
  waitForExecutionStatus,
} from './support/ui';

/**
 * The demo: `chart-sync serve` with no credentials runs on its built-in emulator with three demo schedules
 * (a daily, a weekly and a monthly chart), each synced at once. Every screen is photographed here.
 */
describe('the demo host in Chromium', { timeout: 90_000 }, () => {
  const session = useE2eSession({ withEmulator: false });
  let page: Page;

  beforeEach(() => {
    page = session.page;
  });

  it('says it runs on demo data and lists the catalogue', async () => {
    const badge = page.getByText('Demo data', { exact: true });
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toMatch(/No Soundcharts credentials are set/);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();

    await chartsGrid(page).waitFor();
    const count = await page
      .getByRole('status')
      .filter({ hasText: /^\d+ of \d+ charts$/ })
      .innerText();
    const [shown, total] = count.match(/\d+/g)!.map(Number);
    expect(total).toBeGreaterThan(100);
    expect(shown).toBe(total);
    // The sandbox chart is one of the demo's schedules, so the Charts screen says it is scheduled.
    await searchCharts(page, 'global-28');
    const sandbox = rowWithText(chartsGrid(page), 'global-28');
    await sandbox.locator('[data-health]:not([data-health="not_scheduled"])').waitFor();
    expect(await sandbox.getByRole('link', { name: 'View schedule of Top Songs' }).count()).toBe(1);
    await searchCharts(page, '', total);
    await screenshot(page, 'demo-charts');
  });

  it("lists the demo's three schedules, each synced once to completion", async () => {
    await goTo(page, 'Executions');
    // Three immediate syncs, one per demo schedule, newest first: all three complete.
    for (const id of [1, 2, 3]) await waitForExecutionStatus(page, id, 'completed', 60_000);
    const table = page.getByRole('table', { name: 'Executions, newest first' });
    expect(await table.getByRole('row').count()).toBe(1 + 3);
    for (const id of [1, 2, 3]) {
      const cells = await cellsByColumn(executionRow(page, id));
      expect(cells.Trigger).toBe('Immediate');
      expect(cells.Status).toBe('Completed');
      // Periods synced of planned: all of them.
      const [synced, planned] = cells.Periods!.split(' / ').map(Number);
      expect(planned).toBeGreaterThan(0);
      expect(synced).toBe(planned);
    }
    await screenshot(page, 'demo-executions');

    await goTo(page, 'Schedules');
    await page.getByRole('status').filter({ hasText: '3 of 3 schedules' }).waitFor();
    const grid = schedulesGrid(page);
    const frequencies: string[] = [];
    // The rows of schedules (not the header): each links to its schedule.
    const rows = grid.getByRole('row').filter({ has: page.getByRole('link') });
    for (const row of await rows.all()) {
      const cells = await cellsByColumn(row);
      frequencies.push(cells.Frequency!);
      // Synced once, on schedule since.
      expect(cells.Status).toMatch(/On time/);
    }
    expect(frequencies.sort()).toEqual(['Daily', 'Monthly', 'Weekly']);
    const daily = grid.getByRole('row').filter({ hasText: 'Daily' });
    expect(await daily.getByRole('link', { name: 'Top Songs', exact: true }).count()).toBe(1);
    // Each ran once, successfully.
    await grid.getByRole('row').filter({ hasText: '1 total' }).nth(2).waitFor();
    await screenshot(page, 'demo-schedules');
  });

  it("shows a schedule's configuration, statistics, coverage and history", async () => {
    await schedulesGrid(page).getByRole('link', { name: 'Top Songs', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Top Songs' }).waitFor();
    const configuration = page.getByRole('region', { name: 'Configuration' });
    expect(await fact(configuration, 'Frequency')).toMatch(/daily/i);
    expect(await fact(configuration, 'History window')).toMatch(/30 days/);
    expect(await fact(configuration, 'Created by')).toBe('demo');
    const statistics = page.getByRole('region', { name: 'Statistics' });
    expect(await fact(statistics, 'Success rate')).toMatch(/100/);
    expect(Number((await fact(statistics, 'Rankings stored')).replace(/\D/g, ''))).toBeGreaterThan(0);
    const synced = Number(await page.getByTestId('coverage-synced').innerText());
    expect(synced).toBeGreaterThanOrEqual(28);
    await page
      .getByRole('region', { name: 'Execution history' })
      .getByRole('row')
      .and(page.locator('[data-status="completed"]'))
      .waitFor();
    await screenshot(page, 'demo-schedule-detail');
  });

  it("opens a schedule's editor with its settings, and the editor of a new schedule", async () => {
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Edit schedule: Top Songs' }).waitFor();
    expect(await page.getByLabel('History window (days)').inputValue()).toBe('30');
    expect(await page.getByLabel('Frequency').inputValue()).toBe('daily');
    await page
      .getByRole('list')
      .filter({ has: page.locator('time') })
      .getByRole('listitem')
      .nth(4)
      .waitFor();
    await screenshot(page, 'demo-schedule-editor');
    // Nothing changed: Cancel goes straight back to the schedule.
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Top Songs' }).waitFor();

    await goTo(page, 'Schedules');
    await page.getByRole('link', { name: 'New schedule' }).click();
    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
    await page.getByRole('combobox', { name: 'Chart' }).waitFor();
    await screenshot(page, 'demo-schedule-new');
  });

  it('shows one execution in full', async () => {
    await goTo(page, 'Executions');
    await page.getByRole('link', { name: 'Execution 1', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Execution #1' }).waitFor();
    const results = page.getByRole('region', { name: 'Results' });
    const planned = await fact(results, 'Periods planned');
    expect(await fact(results, 'Periods synced')).toBe(planned);
    expect(await fact(results, 'Periods failed')).toBe('0');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('cell', { name: 'Completed', exact: true }).waitFor();
    await screenshot(page, 'demo-execution-detail');
  });

  it('follows a dark system theme', async () => {
    const dark = await openPage(session.browser, `${session.host.url}#/schedules`, 'dark');
    try {
      await schedulesGrid(dark).waitFor();
      await dark.getByRole('status').filter({ hasText: '3 of 3 schedules' }).waitFor();
      const background = (await dark.evaluate('getComputedStyle(document.body).backgroundColor')) as string;
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!, `body background ${background}`).toBeLessThan(3 * 80);
      await screenshot(dark, 'demo-schedules-dark');
      expect(pageProblems(dark)).toEqual([]);
    } finally {
      await dark.context().close();
    }
  });

  it('logged no errors in the page', () => {
    expect(pageProblems(page)).toEqual([]);
  });

  it('stops cleanly on Ctrl-C', async () => {
    await page.context().close();
    const result = await session.host.stop();
    expect(result.stderr).toContain(STOPPED_NOTICE);
    expect(result.code).toBe(0);
  });
});
