import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EmulatedChart } from '../../electron/emulator/catalogue';
import { pageProblems, screenshot } from './support/browser';
import { catalogueSize, pickCharts } from './support/emulator';
import { useE2eSession } from './support/session';
import {
  chartsGrid,
  discoverCharts,
  expectInsideOf,
  expectWithinWindow,
  goTo,
  horizontalOverflow,
  rowWithText,
  schedulesGrid,
  searchCharts,
  showRoute,
  waitForExecutionStatus,
  waitForToast,
} from './support/ui';

/** Every request takes this long: a year of daily rankings then takes minutes, so one sync stays running. */
const SLOW = { minMs: 300, maxMs: 400 };

const WIDTHS = [1024, 1366] as const;
const THEMES = ['light', 'dark'] as const;

/**
 * Every screen in a 1024-px and a 1366-px window, light and dark: nothing scrolls sideways, the row actions and
 * the badges are whole, a year of backfill fits, and a toast never covers a button. Each is photographed.
 */
describe('every screen fits a 1024-px and a 1366-px window', { timeout: 180_000 }, () => {
  const [runningChart, backfillChart] = pickCharts('daily', 2);
  const [cronChart] = pickCharts('weekly', 1);
  const session = useE2eSession({
    withEmulator: true,
    prepare: ({ page }) => discoverCharts(page, catalogueSize()),
  });
  let page: Page;

  beforeEach(() => {
    page = session.page;
  });

  async function createSchedule(
    chart: EmulatedChart,
    settings: { historyWindowDays: number; syncNow: boolean; cron?: string; timeZone?: string },
  ): Promise<void> {
    await goTo(page, 'Charts');
    await searchCharts(page, chart.slug);
    await rowWithText(chartsGrid(page), chart.slug)
      .getByRole('link', { name: `Add schedule for ${chart.name}` })
      .click();
    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
    if (settings.cron) {
      await page.getByLabel('Frequency').selectOption('cron');
      await page.getByLabel('Cron expression').fill(settings.cron);
      await page.getByLabel('Time zone').fill(settings.timeZone ?? 'UTC');
    }
    await page.getByLabel('History window (days)').fill(String(settings.historyWindowDays));
    if (settings.syncNow) await page.getByLabel('Sync immediately').check();
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await waitForToast(page, `Schedule created for ${chart.name}`);
    await page.getByRole('heading', { level: 2, name: chart.name, exact: true }).waitFor();
  }

  /** What each screen must show before it is measured, and what of it must be whole. */
  const SCREENS: { name: string; route: string; ready(page: Page): Promise<void> }[] = [
    {
      name: 'charts',
      route: '#/charts',
      ready: async (p) => {
        await searchCharts(p, '', catalogueSize());
        await chartsGrid(p).getByRole('row').nth(5).waitFor();
      },
    },
    {
      name: 'schedules',
      route: '#/schedules',
      ready: async (p) => {
        const grid = schedulesGrid(p);
        // Its health says Running (a Running badge when the health says something else): whole, in its cell.
        const running = rowWithText(grid, runningChart!.name)
          .locator('[data-health="running"], .badge[data-status="running"]')
          .first();
        await running.waitFor();
        await expectInsideOf(running, running.locator('xpath=ancestor::td[1]'), 'the Running status');
        for (const health of await grid.locator('[data-health]').all()) {
          await expectInsideOf(health, health.locator('xpath=ancestor::td[1]'), 'a schedule health');
        }
        const cron = grid.locator('code', { hasText: '0 6 * * 1' });
        await expectInsideOf(cron, cron.locator('xpath=ancestor::td[1]'), 'the cron expression');
        const zone = grid.locator('.cron-cell .cell-sub');
        await expectInsideOf(zone, zone.locator('xpath=ancestor::td[1]'), 'the time zone of the cron');
        const actions = rowWithText(grid, runningChart!.name).getByRole('button', { name: /^Delete / });
        await expectWithinWindow(actions, 'the Delete button of a schedule');
      },
    },
    {
      name: 'schedule-detail-backfill',
      route: '#/schedules/2',
      ready: async (p) => {
        await p.getByRole('heading', { level: 2, name: backfillChart!.name, exact: true }).waitFor();
        const preview = p.getByRole('region', { name: 'Backfill preview' });
        if ((await preview.count()) === 0) await p.getByRole('button', { name: 'Backfill missing' }).click();
        await preview.getByTestId('backfill-summary').waitFor();
        await preview.scrollIntoViewIfNeeded();
        await expectWithinWindow(preview, 'the backfill preview');
        await expectWithinWindow(preview.getByTestId('backfill-summary'), 'the backfill count and cost');
        await expectWithinWindow(
          preview.getByRole('button', { name: /^Backfill \d+ periods$/ }),
          'the Backfill button',
        );
      },
    },
    {
      name: 'schedule-editor-cron',
      route: '#/schedules/3/edit',
      ready: (p) =>
        p
          .getByRole('region', { name: 'Next runs' })
          .getByRole('listitem')
          .nth(4)
          .waitFor()
          .then(() => undefined),
    },
    {
      name: 'executions',
      route: '#/executions',
      ready: async (p) => {
        const row = await waitForExecutionStatus(p, 1, 'running');
        const cancel = row.getByRole('button', { name: 'Cancel execution 1' });
        await expectWithinWindow(cancel, 'the Cancel button of the running execution');
        await expectInsideOf(cancel, p.locator('.table-scroll'), 'the Cancel button');
        const badge = row.locator('.badge[data-status="running"]');
        await expectInsideOf(badge, badge.locator('xpath=ancestor::td[1]'), 'the Running badge');
      },
    },
    {
      name: 'execution-detail',
      route: '#/executions/1',
      ready: (p) => p.getByRole('heading', { level: 2, name: 'Execution #1' }).waitFor(),
    },
  ];

  it('sets up a running sync, a year to backfill and a cron schedule', async () => {
    session.emulator.faults.configure({ latency: SLOW });
    await createSchedule(runningChart!, { historyWindowDays: 365, syncNow: true });
    await createSchedule(backfillChart!, { historyWindowDays: 365, syncNow: false });
    await createSchedule(cronChart!, {
      historyWindowDays: 30,
      syncNow: false,
      cron: '0 6 * * 1',
      timeZone: 'America/Argentina/Buenos_Aires',
    });
    await goTo(page, 'Executions');
    await waitForExecutionStatus(page, 1, 'running');
  });

  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      it(`lays out every screen at ${width} px, ${theme}`, async () => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: theme });
        // Every screen is measured and photographed even when one is wrong: the photographs show what to fix.
        const problems: string[] = [];
        for (const screen of SCREENS) {
          await showRoute(page, screen.route);
          try {
            await screen.ready(page);
            for (const box of await horizontalOverflow(page)) problems.push(`${screen.name}: ${box}`);
          } catch (error) {
            problems.push(`${screen.name}: ${error instanceof Error ? error.message : String(error)}`);
          }
          await screenshot(page, `layout-${width}-${theme}-${screen.name}`);
        }
        expect(problems, `at ${width} px, ${theme}`).toEqual([]);
      });
    }
  }

  it('keeps toasts off the buttons of the screen, and lets them be dismissed', async () => {
    for (const [index, width] of WIDTHS.entries()) {
      const chart = [backfillChart!, cronChart!][index]!;
      await page.setViewportSize({ width, height: 800 });
      await showRoute(page, '#/schedules');
      await rowWithText(schedulesGrid(page), chart.name)
        .getByRole('button', { name: `Sync now ${chart.name}` })
        .click();
      const toast = await waitForToast(page, 'Sync started');
      // The toasts sit beside the screen, never over it: nothing of the screen, a button least of all, is covered.
      const overlap = (await page.evaluate(`(() => {
        const screen = document.querySelector('main').getBoundingClientRect();
        return [...document.querySelectorAll('.toasts .toast')]
          .map((toast) => toast.getBoundingClientRect())
          .filter((t) => t.left < screen.right && screen.left < t.right && t.top < screen.bottom && screen.top < t.bottom)
          .map((t) => 'a toast at x ' + Math.round(t.left) + '-' + Math.round(t.right) + ', y ' + Math.round(t.top) + '-' + Math.round(t.bottom));
      })()`)) as string[];
      await screenshot(page, `layout-${width}-toast`);
      expect(overlap, `toasts over the screen at ${width} px`).toEqual([]);
      await toast.getByRole('button', { name: 'Dismiss' }).click();
      await toast.waitFor({ state: 'detached' });
    }
  });

  it('logged no errors in the page', () => {
    session.emulator.faults.configure({ latency: null });
    expect(pageProblems(page)).toEqual([]);
  });
});
