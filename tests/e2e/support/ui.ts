import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Ways to reach the screens' parts by what an operator (or a screen reader) sees: roles, accessible names and
 * visible text. Data attributes are used only for states the screens expose as such (`data-status`).
 */

export type ScreenName = 'Charts' | 'Schedules' | 'Executions';

/** Follows a link of the navigation bar and waits for the screen's heading. */
export async function goTo(page: Page, screen: ScreenName): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen }).click();
  await page.getByRole('heading', { level: 2, name: screen, exact: true }).waitFor();
}

/** A toast with this text (title or detail), waited for; returns it, e.g. to read its detail. */
export async function waitForToast(page: Page, text: string | RegExp): Promise<Locator> {
  const toast = page.locator('.toasts').locator('.toast').filter({ hasText: text });
  await toast.first().waitFor();
  return toast.first();
}

/** The header's counts: active schedules, each health state that needs a look, running syncs. */
export function headerCounts(page: Page): Locator {
  return page.getByLabel('Schedule health');
}

export function chartsGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Charts' });
}

export function schedulesGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Sync schedules' });
}

/**
 * The rows of a grid with an element whose whole text is `text`. Charts of the same name exist on many
 * platforms and in many countries, so a slug (shown under the name on the Charts screen) is the one
 * unambiguous handle.
 */
export function rowWithText(grid: Locator, text: string): Locator {
  return grid.getByRole('row').filter({ has: grid.page().getByText(text, { exact: true }) });
}

/** On an empty host: Discover charts, then the grid with the whole catalogue. */
export async function discoverCharts(page: Page, expected: number): Promise<void> {
  await page.getByRole('heading', { name: 'No charts yet' }).waitFor();
  await page.getByRole('button', { name: 'Discover charts' }).click();
  await waitForToast(page, `Discovered ${expected} charts`);
  await chartsGrid(page).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: `${expected} of ${expected} charts` })
    .waitFor();
}

/** Narrows the Charts screen to the charts matching `text` (a slug: exactly one). */
export async function searchCharts(page: Page, text: string, expectedRows = 1): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search charts by name, slug or country' }).fill(text);
  await page
    .getByRole('status')
    .filter({ hasText: new RegExp(`^${expectedRows} of \\d+ charts$`) })
    .waitFor();
}

export async function searchSchedules(page: Page, text: string, expectedRows: number): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search schedules by chart, platform or country' }).fill(text);
  await page
    .getByRole('status')
    .filter({ hasText: new RegExp(`^${expectedRows} of \\d+ schedules?$`) })
    .waitFor();
}

/** The row of one execution in an executions table (the Executions screen or a schedule's history). */
export function executionRow(page: Page, id: number): Locator {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `Execution ${id}`, exact: true }) });
}

/** Waits until the execution's row says this status (`data-status` is the engine's word: completed, failed…). */
export async function waitForExecutionStatus(
  page: Page,
  id: number,
  status: 'pending' | 'running' | 'completed' | 'failed' | 'cancelled',
  timeout = 30_000,
): Promise<Locator> {
  const row = executionRow(page, id);
  await row.and(page.locator(`[data-status="${status}"]`)).waitFor({ timeout });
  return row;
}

/** The cells of a table row as text, trimmed and with runs of whitespace made one space. */
export async function cellTexts(row: Locator): Promise<string[]> {
  // td, not a role: cells are `cell` in a table and `gridcell` in a grid.
  const cells = await row.locator(':scope > td').allInnerTexts();
  return cells.map((text) => text.replace(/\s+/g, ' ').trim());
}

/**
 * A table row's cells by their column headers ("Status", "Periods"…), so that a test states what it reads
 * and survives columns being added or moved. Sort arrows are left out of the header names.
 */
export async function cellsByColumn(row: Locator): Promise<Record<string, string>> {
  const table = row.locator('xpath=ancestor::table[1]');
  const headers = (await table.locator(':scope > thead > tr > th').allInnerTexts()).map((text) =>
    text.replace(/[▲▼]/g, '').replace(/\s+/g, ' ').trim(),
  );
  const cells = await cellTexts(row);
  if (cells.length !== headers.length) {
    throw new Error(`a row of ${cells.length} cells under ${headers.length} headers: ${headers.join(' | ')}`);
  }
  return Object.fromEntries(headers.map((header, index) => [header, cells[index]!]));
}

/** The confirmation dialog: checks its title, then presses the button that confirms. */
export async function confirmDialog(page: Page, title: string | RegExp, confirmLabel: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: title }).waitFor();
  await dialog.getByRole('button', { name: confirmLabel, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The text of a `<dd>` by its `<dt>` in a card of facts (schedule detail, execution detail). */
export async function fact(scope: Locator, term: string): Promise<string> {
  const text = await scope
    .locator('dt', { hasText: new RegExp(`^${escapeRegExp(term)}$`) })
    .locator('xpath=following-sibling::dd[1]')
    .innerText();
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The element lies wholly inside the window, without scrolling sideways: the screens are laid out for a
 * 1366-px window, and an action an operator has to scroll to find is as good as missing.
 */
export async function expectWithinWindow(element: Locator, what: string): Promise<void> {
  const box = await element.boundingBox();
  const window = element.page().viewportSize();
  expect(box, `${what} is not rendered`).not.toBeNull();
  const right = Math.round(box!.x + box!.width);
  expect(
    box!.x >= 0 && right <= window!.width,
    `${what} spans x ${Math.round(box!.x)}–${right} of a ${window!.width}-px window`,
  ).toBe(true);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Goes to a route by its hash, as a link would (the page keeps its token and its connection). */
export async function showRoute(page: Page, hash: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}

/**
 * `inner` lies wholly inside `outer` (a cell, a scroll box) and shows all its text: nothing of it is clipped,
 * cut with an ellipsis or scrolled away.
 */
export async function expectInsideOf(inner: Locator, outer: Locator, what: string): Promise<void> {
  const [box, frame] = await Promise.all([inner.first().boundingBox(), outer.first().boundingBox()]);
  expect(box, `${what} is not rendered`).not.toBeNull();
  expect(frame, `what holds ${what} is not rendered`).not.toBeNull();
  const inside =
    box!.x >= frame!.x - 0.5 &&
    box!.y >= frame!.y - 0.5 &&
    box!.x + box!.width <= frame!.x + frame!.width + 0.5 &&
    box!.y + box!.height <= frame!.y + frame!.height + 0.5;
  const spans = (b: { x: number; y: number; width: number; height: number }) =>
    `x ${Math.round(b.x)}–${Math.round(b.x + b.width)}, y ${Math.round(b.y)}–${Math.round(b.y + b.height)}`;
  expect(inside, `${what} spans ${spans(box!)}, outside its box at ${spans(frame!)}`).toBe(true);
  // Nor is its own text cut short (an ellipsis): a block's content fits its width.
  const cut = await inner.first().evaluate((element) => {
    const box = element as unknown as { clientWidth: number; scrollWidth: number };
    return box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1;
  });
  expect(cut, `the text of ${what} is cut short`).toBe(false);
}

/** How long a layout may take to follow a new viewport: plots redraw for a new width on their resize callback. */
const LAYOUT_SETTLE_MS = 3_000;

/**
 * What scrolls sideways on the page: the page itself, or any box in it that scrolls or clips horizontally and
 * holds more than its width. Text cut with an ellipsis on purpose (`text-overflow: ellipsis`) is not counted.
 * Asked again until nothing overflows or LAYOUT_SETTLE_MS passed: right after a resize, a plot still has its
 * previous width for a frame or two (seen once: the song screen at 1024 px, just after 1366), and what still
 * overflows after that does so for good.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  const deadline = Date.now() + LAYOUT_SETTLE_MS;
  for (;;) {
    const found = await overflowNow(page);
    if (found.length === 0 || Date.now() > deadline) return found;
    await page.waitForTimeout(100);
  }
}

function overflowNow(page: Page): Promise<string[]> {
  // Run in the page, which the test's own type checking (no DOM library) does not see: hence a string.
  return page.evaluate(`(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push('the page: ' + root.scrollWidth + ' > ' + root.clientWidth);
    for (const element of document.querySelectorAll('body *')) {
      if (element.clientWidth === 0 || element.scrollWidth <= element.clientWidth + 1) continue;
      const style = getComputedStyle(element);
      if (style.overflowX === 'visible' || style.textOverflow === 'ellipsis') continue;
      if (element.closest('.visually-hidden')) continue;
      const name = element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ').join('.') : '');
      found.push(name + ': ' + element.scrollWidth + ' > ' + element.clientWidth);
    }
    return found;
  })()`);
}
