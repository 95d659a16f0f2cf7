import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageProblems, screenshot, VIEWPORT } from './support/browser';
import { catalogueSize, pickCharts } from './support/emulator';
import { useE2eSession } from './support/session';
import {
  chartsGrid,
  discoverCharts,
  expectWithinWindow,
  horizontalOverflow,
  rowWithText,
  searchCharts,
  waitForExecutionStatus,
  waitForToast,
} from './support/ui';

const NARROW = { width: 1024, height: 768 } as const;
/** The lazily loaded chunk that holds uPlot (renderer/src/components/plot/uplot-canvas.tsx). */
const PLOT_CHUNK = /\/assets\/uplot-canvas-[\w-]+\.js$/;

/**
 * The Analytics dashboard on a host with a few syncs behind it: plots, freshness, the quota planner, the range
 * in the URL; the Charts screen never loads the plot library; the schedule editor warns before a schedule that
 * would exhaust the quota.
 */
describe('the Analytics dashboard and the quota planner', { timeout: 120_000 }, () => {
  const charts = pickCharts('weekly', 3);
  const session = useE2eSession({
    withEmulator: true,
    // A plan nearly spent from the first request (the host samples the quota at most once a minute): enough for
    // the catalogue and two small weekly charts with their songs, not for a year of a daily one.
    emulatorQuota: 400,
    prepare: ({ page }) => discoverCharts(page, catalogueSize()),
  });
  let page: Page;
  const requested: string[] = [];

  beforeEach(() => {
    ({ page } = session);
  });

  async function openScreen(name: string, heading = name): Promise<void> {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
  }

  /** Opens the editor for a chart from its row on the Charts screen. */
  async function openEditorFor(chart: { slug: string; name: string }): Promise<void> {
    await openScreen('Charts');
    await searchCharts(page, chart.slug);
    await rowWithText(chartsGrid(page), chart.slug)
      .getByRole('link', { name: `Add schedule for ${chart.name}` })
      .click();
    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
  }

  /** A REST answer of the host (snake_case), with the token of its printed address. */
  async function restValue<T>(path: string): Promise<T> {
    const address = new URL(session.host.url);
    const response = await fetch(new URL(path, address.origin), {
      headers: { Authorization: `Bearer ${address.searchParams.get('token')}` },
    });
    return ((await response.json()) as { value: T }).value;
  }

  /**
   * Request counts are written every USAGE_FLUSH_INTERVAL_MS (the quota sampled with them) and no event says so:
   * waits until the host has stored both.
   */
  async function waitForUsageStored(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [overview, plan] = await Promise.all([
        restValue<{ totals: { requests: number } }>('/api/analytics/'),
        restValue<{ quota: { remaining: number | null } }>('/api/analytics/quota/'),
      ]);
      if (overview.totals.requests > 0 && plan.quota.remaining !== null) return;
      if (Date.now() > deadline) throw new Error('the host stored no request count or quota in a minute');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  const quotaLine = () => page.getByRole('status', { name: 'Quota impact' });

  /** The current screen at both window widths, in both themes. */
  async function screenshotsOf(name: string): Promise<void> {
    const theme = page.getByRole('banner').getByLabel('Theme');
    for (const scheme of ['light', 'dark'] as const) {
      await theme.selectOption(scheme);
      for (const size of [VIEWPORT, NARROW]) {
        await page.setViewportSize(size);
        // uPlot follows its box's width and the theme's colours: let it redraw before the picture.
        await page.locator('.plot-canvas canvas').nth(3).waitFor();
        await screenshot(page, `${name}-${size.width}-${scheme}`);
        expect(await horizontalOverflow(page), `sideways scrolling at ${size.width} px`).toEqual([]);
        // The planner and the lists below the plots.
        await page.getByRole('region', { name: 'Quota planner' }).scrollIntoViewIfNeeded();
        await screenshot(page, `${name}-lower-${size.width}-${scheme}`);
        await page.getByRole('heading', { level: 2, name: 'Analytics' }).scrollIntoViewIfNeeded();
      }
    }
    await page.setViewportSize(VIEWPORT);
    await theme.selectOption('system');
  }

  it('does not load the plot library on the Charts screen', async () => {
    page.on('request', (request) => requested.push(request.url()));
    await page.reload();
    await chartsGrid(page).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^\d+ of \d+ charts$/ })
      .waitFor();
    expect(requested.some((url) => url.includes('/assets/index-'))).toBe(true);
    expect(requested.filter((url) => PLOT_CHUNK.test(url))).toEqual([]);
  });

  it('shows what a new schedule adds to the month in the editor, and syncs two charts', async () => {
    for (const [index, chart] of charts.slice(0, 2).entries()) {
      await openEditorFor(chart);
      await page.getByLabel('History window (days)').fill('30');
      await page.getByLabel('Sync immediately').check();
      await quotaLine()
        .filter({ hasText: /a month/ })
        .waitFor();
      await page.getByRole('button', { name: 'Create schedule' }).click();
      await waitForToast(page, `Schedule created for ${chart.name}`);
      await waitForExecutionStatus(page, index + 1, 'completed', 60_000);
    }
    await waitForUsageStored();
  });

  it('plots the syncs, lists freshness and the plan, and keeps the range in the URL', async () => {
    await openScreen('Analytics');
    const totals = page.getByLabel('Totals of the range');
    await totals.getByText('Executions').waitFor();
    expect(await totals.locator('dt:text-is("Executions") + dd').innerText()).toBe('2');
    await page.locator('.plot-canvas canvas').nth(3).waitFor();
    expect(requested.filter((url) => PLOT_CHUNK.test(url))).toHaveLength(1);
    expect(
      Number((await totals.locator('dt:text-is("Requests") + dd').innerText()).replace(/,/g, '')),
    ).toBeGreaterThan(0);
    expect(
      Number(await totals.locator('dt:text-is("Quota remaining") + dd').innerText()),
    ).toBeLessThanOrEqual(400);
    for (const title of [
      'Executions per day by status',
      'Success rate per day',
      'Duration per day: median and p95 (dashed)',
      'Requests per day and quota remaining',
    ]) {
      await page.getByRole('figure', { name: title }).waitFor();
    }
    expect(await page.getByRole('figure', { name: 'Executions per day by status' }).innerText()).toContain(
      '2 executions ended: 2 completed',
    );

    const freshness = page.getByRole('list', { name: 'Data freshness per chart' });
    expect(await freshness.getByRole('listitem').count()).toBe(2);
    expect(await freshness.getByRole('link', { name: charts[0]!.name }).getAttribute('href')).toBe(
      `#/charts/${charts[0]!.slug}/ranking`,
    );
    const planner = page.getByRole('table', { name: 'Projected requests per schedule' });
    expect(
      await planner
        .getByRole('row')
        .filter({ has: page.getByRole('link') })
        .count(),
    ).toBe(2);
    await planner.getByRole('button', { name: /Per month/ }).click();
    expect(await planner.getByRole('columnheader', { name: /Per month/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await expectWithinWindow(page.getByRole('button', { name: '90 days' }), 'the 90-day preset');
    await screenshotsOf('analytics');

    await page.getByRole('button', { name: '7 days' }).click();
    await page.waitForURL(/#\/analytics\?days=7$/);
    expect(await page.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true');
    const from = page.getByLabel('From');
    await from.fill('1 Jan 2026');
    await from.press('Enter');
    await page.waitForURL(/#\/analytics\?from=2026-01-01&to=\d{4}-\d{2}-\d{2}$/);
    await page.getByText(/^Syncs, requests and data freshness over 1 Jan 2026 – /).waitFor();
    await page.reload();
    expect(await page.getByLabel('From').inputValue()).toBe('1 Jan 2026');
    await page.getByRole('figure', { name: 'Executions per day by status' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('warns before saving a schedule that would exhaust the quota, and saves it when told to', async () => {
    await openEditorFor(charts[2]!);
    // A weekly chart synced every hour with a year of history: 720 runs a month, more than the plan has left.
    await page.getByLabel('Frequency').selectOption('custom');
    await page.getByLabel('Interval in hours').fill('1');
    await page.getByLabel('History window (days)').fill('365');
    await quotaLine()
      .filter({ hasText: /run out by .*, before the billing cycle ends/ })
      .waitFor();
    await quotaLine().scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-editor-quota-line');
    await page.getByRole('button', { name: 'Create schedule' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'This would use up the Soundcharts quota' }).waitFor();
    expect(await dialog.innerText()).toMatch(/This schedule adds about [\d,]+ requests a month/);
    await screenshot(page, 'analytics-editor-quota-warning');
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toContain('#/schedules/new');

    await page.getByRole('button', { name: 'Create schedule' }).click();
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    await waitForToast(page, `Schedule created for ${charts[2]!.name}`);

    await openScreen('Analytics');
    await page.getByRole('table', { name: 'Projected requests per schedule' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: /^At this rate the quota runs out on / })
      .waitFor();
    await screenshot(page, 'analytics-quota-exhausts');
    expect(pageProblems(page)).toEqual([]);
  });

  it('projects to the billing cycle day set in Settings', async () => {
    await openScreen('Settings');
    const day = page.getByLabel('Billing cycle starts on day');
    await day.fill('31');
    await page.getByText('The billing cycle day is between 1 and 28.').waitFor();
    await day.fill('15');
    await page.getByRole('button', { name: 'Save billing day' }).click();
    await waitForToast(page, 'The billing cycle starts on day 15 of each month');
    await page.getByRole('region', { name: 'Billing' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-billing');

    await openScreen('Analytics');
    const cycleEnd = page
      .getByRole('region', { name: 'Quota planner' })
      .locator('dt:text-is("Cycle ends") + dd');
    await cycleEnd.filter({ hasText: /^15 \w{3} \d{4}/ }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
