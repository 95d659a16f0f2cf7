import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EmulatedChart } from '../../electron/emulator/catalogue';
import type { RunningEmulator } from '../../electron/emulator';
import { pageProblems, screenshot } from './support/browser';
import { catalogueSize, pickCharts } from './support/emulator';
import { useE2eSession } from './support/session';
import {
  cellsByColumn,
  chartsGrid,
  confirmDialog,
  discoverCharts,
  executionRow,
  expectWithinWindow,
  fact,
  goTo,
  rowWithText,
  searchCharts,
  waitForExecutionStatus,
  waitForToast,
} from './support/ui';

/** Every request takes this long: a year of daily rankings then takes minutes, time enough to cancel it. */
const SLOW = { minMs: 300, maxMs: 400 };

/**
 * Syncs that do not complete: one the operator cancels halfway, and one Soundcharts refuses (403, the endpoint
 * is not in the plan), whose readable error is shown in the list, on the execution and on its schedule.
 */
describe('cancelling a sync, and a sync that fails', { timeout: 90_000 }, () => {
  const [longChart] = pickCharts('daily', 1);
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

  /** From the chart's row on the Charts screen: a schedule with these settings, synced at once. */
  async function scheduleWithImmediateSync(chart: EmulatedChart, historyWindowDays: number): Promise<void> {
    await goTo(page, 'Charts');
    await searchCharts(page, chart.slug);
    await rowWithText(chartsGrid(page), chart.slug)
      .getByRole('link', { name: `Add schedule for ${chart.name}` })
      .click();
    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
    await page.getByLabel('History window (days)').fill(String(historyWindowDays));
    await page.getByLabel('Sync immediately').check();
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await waitForToast(page, `Schedule created for ${chart.name}`);
    await page.getByRole('heading', { level: 2, name: chart.name, exact: true }).waitFor();
  }

  it('cancels a running sync from the Executions screen', async () => {
    emulator.faults.configure({ latency: SLOW });
    await scheduleWithImmediateSync(longChart!, 365);

    await goTo(page, 'Executions');
    const row = await waitForExecutionStatus(page, 1, 'running');
    // Under way: some periods stored, most of the year still to fetch.
    const bar = row.getByRole('progressbar', { name: 'Progress of execution 1' });
    await bar.getByText(/^[1-9]\d* \/ 36\d periods$/).waitFor();
    await screenshot(page, 'cancel-running');
    await expectWithinWindow(row.getByRole('button', { name: 'Cancel execution 1' }), 'the Cancel button');

    await row.getByRole('button', { name: 'Cancel execution 1' }).click();
    await confirmDialog(page, 'Cancel execution #1?', 'Cancel execution');
    await waitForToast(page, 'Execution #1 cancelled');
    const cancelled = await waitForExecutionStatus(page, 1, 'cancelled');
    const cells = await cellsByColumn(cancelled);
    expect(cells.Status).toBe('Cancelled');
    const [synced, planned] = cells.Periods!.split(' / ').map(Number);
    expect(synced).toBeGreaterThan(0);
    expect(synced).toBeLessThan(planned!);
    // A cancelled execution can be run again; it cannot be cancelled twice.
    expect(await cancelled.getByRole('button', { name: 'Retry execution 1' }).count()).toBe(1);
    expect(await cancelled.getByRole('button', { name: 'Cancel execution 1' }).count()).toBe(0);
    expect(await cancelled.getByRole('progressbar').count()).toBe(0);
    await screenshot(page, 'cancel-cancelled');

    await cancelled.getByRole('link', { name: 'Execution 1', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Execution #1' }).waitFor();
    const results = page.getByRole('region', { name: 'Results' });
    expect(await fact(results, 'Periods synced')).toBe(String(synced));
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByRole('cell', { name: 'Cancelled', exact: true })
      .waitFor();
    await screenshot(page, 'cancel-execution-detail');
    emulator.faults.configure({ latency: null });
  });

  it('shows why a sync that Soundcharts refused failed', async () => {
    emulator.faults.configure({ forbidden: { match: refusedChart!.slug } });
    await scheduleWithImmediateSync(refusedChart!, 30);

    // On the schedule: the failed execution, and a call for the operator's attention (retrying cannot help).
    const history = page.getByRole('region', { name: 'Execution history' });
    const failed = await waitForExecutionStatus(page, 2, 'failed');
    const error = (await cellsByColumn(failed)).Error!;
    expect(error).toMatch(/not included in your (current )?plan|forbidden|403/i);
    expect(await history.getByRole('row').count()).toBe(2);
    const attention = page.getByRole('alert').filter({ hasText: 'Action required' });
    await attention.waitFor();
    await screenshot(page, 'failure-schedule');

    await goTo(page, 'Executions');
    const listed = await waitForExecutionStatus(page, 2, 'failed');
    const cells = await cellsByColumn(listed);
    expect(cells.Status).toBe('Failed');
    expect(cells.Chart).toContain(refusedChart!.name);
    expect(cells.Error).toBe(error);
    await screenshot(page, 'failure-executions');
    expect(await listed.getByRole('button', { name: 'Retry execution 2' }).count()).toBe(1);

    await listed.getByRole('link', { name: 'Execution 2', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Execution #2' }).waitFor();
    const callout = page.getByRole('note');
    expect(await callout.innerText()).toContain(error);
    expect(await fact(page.getByRole('region', { name: 'Results' }), 'Periods synced')).toBe('0');
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByRole('cell', { name: 'Failed', exact: true })
      .waitFor();
    await screenshot(page, 'failure-execution-detail');
    expect(pageProblems(page)).toEqual([]);
  });

  it("keeps the executions' row actions within a 1366-px window", async () => {
    await goTo(page, 'Executions');
    for (const id of [2, 1]) {
      const retry = executionRow(page, id).getByRole('button', { name: `Retry execution ${id}` });
      await expectWithinWindow(retry, `the Retry button of execution ${id}`);
    }
  });
});
