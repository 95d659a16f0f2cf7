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
  horizontalOverflow,
  rowWithText,
  searchCharts,
  waitForExecutionStatus,
  waitForToast,
} from './support/ui';

const NARROW = { width: 1024, height: 768 } as const;
/** Slow enough that "refreshing…" is seen before the audience lands. */
const SLOW = { minMs: 500, maxMs: 600 };
const COVER =
  '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="#8e6bd8"/></svg>';

/**
 * The stored data on screen: a chart synced without its history, its newest ranking opened from the coverage
 * grid, a missing period fetched from its cell, the ranking's dates walked, a song with its position and
 * audience plots (the audience landing live, then refreshed by hand), and the songs list.
 */
describe('rankings, songs and audience on screen', { timeout: 120_000 }, () => {
  const [chart] = pickCharts('daily', 1);
  const session = useE2eSession({
    withEmulator: true,
    prepare: ({ page }) => discoverCharts(page, catalogueSize()),
  });
  let emulator: RunningEmulator;
  let page: Page;

  beforeEach(async () => {
    ({ emulator, page } = session);
    // The emulator's cover images live on a host that does not resolve (.invalid): a grey square stands in.
    await page.route('https://assets.emulator.invalid/**', (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: COVER }),
    );
  });

  /** The current screen at both window widths, in both themes; nothing scrolls sideways, the nav is whole. */
  async function screenshotsOf(name: string): Promise<void> {
    const theme = page.getByRole('banner').getByLabel('Theme');
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await theme.selectOption(scheme);
      for (const size of [VIEWPORT, NARROW]) {
        await page.setViewportSize(size);
        await expectWithinWindow(
          page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }),
          `the last navigation link at ${size.width} px`,
        );
        for (const box of await horizontalOverflow(page)) problems.push(`${name} at ${size.width}: ${box}`);
        await screenshot(page, `${name}-${size.width}-${scheme}`);
      }
    }
    await page.setViewportSize(VIEWPORT);
    await theme.selectOption('system');
    expect(problems).toEqual([]);
  }

  const rankingGrid = () => page.getByRole('grid', { name: `Ranking of ${chart!.name}` });
  const rankingDate = () => page.getByTestId('ranking-date');

  it("opens the newest period's ranking from its coverage cell", async () => {
    await goTo(page, 'Charts');
    await searchCharts(page, chart!.slug);
    await rowWithText(chartsGrid(page), chart!.slug)
      .getByRole('link', { name: `Add schedule for ${chart!.name}` })
      .click();
    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
    await page.getByLabel('History window (days)').fill('10');
    await page.getByLabel('Sync historical data').uncheck();
    await page.getByLabel('Sync immediately').check();
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await waitForToast(page, `Schedule created for ${chart!.name}`);
    await waitForExecutionStatus(page, 1, 'completed');
    await page.getByTestId('coverage-synced').filter({ hasText: /^1$/ }).waitFor();

    const coverage = page.getByRole('group', { name: /^Coverage:/ });
    const synced = coverage.getByRole('button', { name: /: synced$/ });
    expect(await synced.count()).toBe(1);
    const label = (await synced.getAttribute('aria-label'))!.replace(/: synced$/, '');
    // Keyboard: the grid is one tab stop whose arrow keys walk the periods; Enter opens the one focused.
    await synced.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: chart!.name, exact: true }).waitFor();
    expect(page.url()).toMatch(/#\/charts\/\d+\/ranking\?date=\d{4}-\d{2}-\d{2}$/);
    expect(await rankingDate().innerText()).toBe(label);
    await rankingGrid().waitFor();
    expect(await rankingGrid().getAttribute('aria-rowcount')).toBe(String(chart!.maxResultsCount + 1));
    // The oldest stored period has nothing to compare with: Soundcharts' own movement is shown.
    const first = rankingGrid().getByRole('row').nth(1);
    expect(await first.locator('td').first().innerText()).toBe('1');
    expect(await page.getByRole('button', { name: /Previous/ }).isDisabled()).toBe(true);
    await screenshotsOf('ranking');
    expect(pageProblems(page)).toEqual([]);
  });

  it('offers to fetch a missing period from its cell, and fetches it with a backfill', async () => {
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: chart!.name, exact: true }).waitFor();
    const coverage = page.getByRole('group', { name: /^Coverage:/ });
    const missing = coverage.getByRole('button', { name: /: missing$/ });
    const gaps = await missing.count();
    expect(gaps).toBeGreaterThanOrEqual(8);
    await missing.first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^Fetch \d+ \w+ \d{4}\?$/ }).waitFor();
    expect(await dialog.innerText()).toContain('fetches every missing period of the history window');
    await screenshot(page, 'coverage-fetch-confirm');
    await dialog.getByRole('button', { name: /^Fetch \d+ periods$/ }).click();
    await waitForToast(page, /^Backfill started: execution #2/);
    await waitForExecutionStatus(page, 2, 'completed', 60_000);
    // Live: the grid fills in as the backfill stores each period.
    await page.waitForFunction(
      `Number(document.querySelector('[data-testid="coverage-synced"]').textContent) >= ${gaps}`,
    );
    expect(pageProblems(page)).toEqual([]);
  });

  it('walks the stored dates of a ranking and searches it', async () => {
    await page
      .getByRole('link', { name: `Ranking of ${chart!.name}` })
      .first()
      .click();
    await rankingGrid().waitFor();
    const picker = page.getByRole('combobox', { name: 'Stored date' });
    const dates = await picker
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(dates.length).toBeGreaterThanOrEqual(9);
    expect(await picker.inputValue()).toBe(dates[0]);
    expect(await page.getByRole('button', { name: /Next/ }).isDisabled()).toBe(true);

    // The URL changes at once; the picker once that date's ranking is shown.
    const shows = async (date: string) => {
      await page.waitForURL(new RegExp(`date=${date}$`));
      await page.locator(`select[aria-label="Stored date"]:has(option[value="${date}"]:checked)`).waitFor();
      await page.locator('section.ranking-screen[aria-busy="false"]').waitFor();
    };
    await page.getByRole('button', { name: /Previous/ }).click();
    await shows(dates[1]!);
    // [ and ] move a period from anywhere but a text field.
    await page.locator('body').press('[');
    await shows(dates[2]!);
    await page.locator('body').press(']');
    await shows(dates[1]!);
    await picker.selectOption(dates.at(-1)!);
    await shows(dates.at(-1)!);
    expect(await page.getByRole('button', { name: /Previous/ }).isDisabled()).toBe(true);

    // Movement against the previous stored period: a ranking after the first has marks of its own.
    await picker.selectOption(dates[0]!);
    await shows(dates[0]!);
    const marks = await rankingGrid().locator('.movement [aria-hidden]').allInnerTexts();
    expect(marks.every((mark) => /^(▲ \d+|▼ \d+|=|NEW|RE)$/.test(mark))).toBe(true);

    const title = await rankingGrid().getByRole('row').nth(3).getByRole('link').innerText();
    await page.getByRole('searchbox', { name: 'Search this ranking' }).fill(title);
    await page
      .getByRole('status')
      .filter({ hasText: /^\d+ of \d+ entries$/ })
      .waitFor();
    expect(await rankingGrid().getByRole('link', { name: title, exact: true }).count()).toBeGreaterThan(0);
    expect(pageProblems(page)).toEqual([]);
  });

  it('opens a song with its position plot and its audience, which lands live and refreshes by hand', async () => {
    const link = rankingGrid().getByRole('row').nth(1).getByRole('link');
    const title = await link.innerText();
    emulator.faults.configure({ latency: SLOW });
    await link.click();
    await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
    const audience = page.getByRole('list', { name: 'Audience per platform' });
    // Opening the view queued a fetch of every platform: each says so until its data lands.
    await audience.getByText('refreshing…').first().waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Refreshing \d+ platforms?…$/ })
      .waitFor();
    emulator.faults.configure({ latency: null });
    const spotify = page.getByTestId('audience-status-spotify');
    await spotify.filter({ hasText: /^fetched/ }).waitFor({ timeout: 60_000 });
    await audience.locator('[data-platform="spotify"] .uplot canvas').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Refreshing/ })
      .waitFor({ state: 'detached', timeout: 60_000 });

    const positions = page.getByRole('figure', { name: 'Position over time' });
    await positions.locator('.uplot canvas').first().waitFor();
    const charts = page.getByRole('table', { name: /Charts the song appears on/ });
    expect(await charts.getByRole('row').count()).toBe(2);
    expect(await charts.innerText()).toContain(chart!.name);
    await page
      .getByTestId('metadata-freshness')
      .filter({ hasText: /^Fetched/ })
      .waitFor({ timeout: 60_000 });
    await screenshotsOf('song');
    await page.getByRole('region', { name: 'Audience' }).scrollIntoViewIfNeeded();
    await screenshotsOf('song-audience');

    emulator.faults.configure({ latency: SLOW });
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await waitForToast(page, /^Fetching the audience on /);
    await spotify.filter({ hasText: 'refreshing…' }).waitFor();
    emulator.faults.configure({ latency: null });
    await spotify.filter({ hasText: /^fetched/ }).waitFor({ timeout: 60_000 });
    expect(pageProblems(page)).toEqual([]);
  });

  it('lists the songs, searched and sorted, in the URL', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Songs' }).click();
    await page.getByRole('heading', { level: 2, name: 'Songs', exact: true }).waitFor();
    const grid = page.getByRole('grid', { name: 'Songs' });
    await grid.getByRole('row').nth(5).waitFor();
    const title = await grid.getByRole('row').nth(2).getByRole('link').innerText();
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('best_peak');
    await page.waitForURL(/#\/songs\?sort=best_peak$/);
    await screenshotsOf('songs');
    await page.getByRole('searchbox', { name: 'Search songs' }).fill(title);
    await page.waitForURL(/[?&]q=/);
    await grid.getByRole('link', { name: title, exact: true }).first().waitFor();
    await grid.getByRole('link', { name: title, exact: true }).first().click();
    await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
