import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../electron/emulator';
import { pageProblems, screenshot } from './support/browser';
import { catalogueSize, pickCharts } from './support/emulator';
import { useE2eSession } from './support/session';
import {
  cellsByColumn,
  chartsGrid,
  discoverCharts,
  executionRow,
  fact,
  goTo,
  headerCounts,
  rowWithText,
  searchCharts,
  waitForExecutionStatus,
  waitForToast,
} from './support/ui';

/** Slow enough that the sync is seen running, with its progress bar, before it is let go. */
const SLOW = { minMs: 300, maxMs: 400 };

/**
 * The operator's main path on a host of their own Soundcharts (here: a test's emulator): discover the
 * catalogue, pick a chart, schedule it with an immediate sync, and watch that sync run and complete.
 */
describe('adding a chart with an immediate sync', { timeout: 90_000 }, () => {
  const [chart] = pickCharts('weekly', 1);
  const session = useE2eSession({ withEmulator: true });
  let emulator: RunningEmulator;
  let page: Page;

  beforeEach(() => {
    ({ emulator, page } = session);
  });

  it('starts empty, not in demo mode, and discovers the catalogue', async () => {
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    await headerCounts(page)
      .filter({ hasText: /^\d+ active\s*\d+ running$/ })
      .waitFor();
    expect(await page.getByText('Demo data', { exact: true }).count()).toBe(0);
    await screenshot(page, 'sync-flow-no-charts');
    await discoverCharts(page, catalogueSize());
    await screenshot(page, 'sync-flow-charts');
  });

  it('schedules the chart from its row, in the editor, syncing immediately', async () => {
    await searchCharts(page, chart!.slug);
    const row = rowWithText(chartsGrid(page), chart!.slug);
    expect(await row.locator('[data-health]').getAttribute('data-health')).toBe('not_scheduled');
    await row.getByRole('link', { name: `Add schedule for ${chart!.name}` }).click();

    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
    const picker = page.getByRole('combobox', { name: 'Chart' });
    // The chart of the row is chosen, and its own publishing frequency suggested.
    expect(await picker.inputValue()).toBe(`${chart!.name} · ${chart!.platform} · ${chart!.countryName}`);
    expect(await page.getByLabel('Frequency').inputValue()).toBe('weekly');
    await page.getByLabel('History window (days)').fill('90');
    await page.getByLabel('Sync immediately').check();
    await screenshot(page, 'sync-flow-editor');

    emulator.faults.configure({ latency: SLOW });
    await page.getByRole('button', { name: 'Create schedule' }).click();
    const created = await waitForToast(page, `Schedule created for ${chart!.name}`);
    expect(await created.innerText()).toContain('Sync started (execution #1).');
  });

  it("shows the sync running on the schedule's page, with a progress bar", async () => {
    await page.getByRole('heading', { level: 2, name: chart!.name, exact: true }).waitFor();
    const history = page.getByRole('region', { name: 'Execution history' });
    const row = await waitForExecutionStatus(page, 1, 'running');
    expect((await cellsByColumn(row)).Trigger).toBe('Immediate');
    const bar = history.getByRole('progressbar', { name: 'Progress of execution 1' });
    await bar.waitFor();
    // Weekly periods of a 90-day window: about thirteen, planned before the first is fetched.
    await history.getByText(/^\d+ \/ 1[234] periods$/).waitFor();
    expect(Number(await bar.getAttribute('aria-valuemax'))).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'sync-flow-running');
  });

  it('completes, with its counts on the schedule and in the executions', async () => {
    emulator.faults.configure({ latency: null });
    const row = await waitForExecutionStatus(page, 1, 'completed');
    const history = await cellsByColumn(row);
    expect(history.Status).toBe('Completed');
    const [historySynced, historyPlanned] = history.Periods!.split(' / ').map(Number);
    expect(historySynced).toBe(historyPlanned);
    expect(await row.getByRole('progressbar').count()).toBe(0);
    const statistics = page.getByRole('region', { name: 'Statistics' });
    await statistics.getByText('100%').waitFor();
    expect(await fact(statistics, 'Executions')).toBe('1 in all: 1 successful, 0 failed');
    await screenshot(page, 'sync-flow-schedule-completed');
    // Every period the sync planned is stored; the week in progress (not published yet) counts as missing.
    expect(Number(await page.getByTestId('coverage-synced').innerText())).toBe(historyPlanned);
    expect(Number(await page.getByTestId('coverage-missing').innerText())).toBeLessThanOrEqual(1);
    expect(await page.getByTestId('coverage-failed').innerText()).toBe('0');

    await goTo(page, 'Executions');
    const listed = await waitForExecutionStatus(page, 1, 'completed');
    const cells = await cellsByColumn(listed);
    expect([cells.ID, cells.Status, cells.Trigger]).toEqual(['#1', 'Completed', 'Immediate']);
    expect(cells.Chart).toContain(chart!.name);
    const [done, planned] = cells.Periods!.split(' / ').map(Number);
    expect(planned).toBeGreaterThanOrEqual(12);
    expect(done).toBe(planned);
    // Every period was new: one ranking created per period, none updated.
    expect(cells.Rankings).toBe(`${planned} / 0`);
    await screenshot(page, 'sync-flow-executions');

    await executionRow(page, 1).getByRole('link', { name: 'Execution 1', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Execution #1' }).waitFor();
    const results = page.getByRole('region', { name: 'Results' });
    expect(await fact(results, 'Periods synced')).toBe(String(planned));
    expect(await fact(results, 'Periods failed')).toBe('0');
    expect(Number(await fact(results, 'Tracks created'))).toBeGreaterThan(0);
    await screenshot(page, 'sync-flow-execution-detail');
  });

  it('shows the chart as scheduled and synced on the Charts screen', async () => {
    await goTo(page, 'Charts');
    await searchCharts(page, chart!.slug);
    const row = rowWithText(chartsGrid(page), chart!.slug);
    await row.locator('[data-health="on_time"]').waitFor();
    expect(await row.locator('[data-health]').innerText()).toMatch(/On time/);
    // Synced: the last sync is a time now, not "Never"; the quick link leads to the schedule.
    expect((await cellsByColumn(row))['Last sync']).not.toBe('Never');
    expect(await row.getByRole('link', { name: `View schedule of ${chart!.name}` }).count()).toBe(1);
    expect(pageProblems(page)).toEqual([]);
  });
});
