import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pageProblems, screenshot } from './support/browser';
import { useE2eSession } from './support/session';

/**
 * The Audit screen on the demo host: the demo's syncs (the scheduler's doing) and a schedule change made in the
 * page (the screens'), filtered, photographed at 1366 and 1024 px in light and dark.
 */
describe('the Audit screen in Chromium', { timeout: 120_000 }, () => {
  const session = useE2eSession({ withEmulator: false });

  async function auditRows(page: Page, hash: string) {
    await page.goto(`${session.host.url}${hash}`);
    const table = page.getByRole('table', { name: 'Audit entries, newest first' });
    await table.waitFor();
    return table;
  }

  it('lists the demo syncs with their actor, and filters by action', async () => {
    const page = session.page;
    // The demo syncs its three charts at start: wait until one has completed.
    await page.goto(`${session.host.url}#/audit?action=execution.completed`);
    await page.locator('tr[data-action="execution.completed"]').first().waitFor({ timeout: 90_000 });
    const completed = page.locator('tr[data-action="execution.completed"]').first();
    expect(await completed.innerText()).toMatch(/Scheduler/);
    expect(await completed.getByRole('link', { name: /^Execution #\d+$/ }).count()).toBe(1);
    expect(await page.locator('tr[data-action]:not([data-action="execution.completed"])').count()).toBe(0);

    await page.getByLabel('Action').selectOption('schedule.created');
    await page.waitForURL(/#\/audit\?action=schedule\.created$/);
    await page.locator('tr[data-action="schedule.created"]').first().waitFor();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/#\/audit$/);
    expect(pageProblems(page)).toEqual([]);
  });

  it.each([
    { width: 1366, scheme: 'light' },
    { width: 1024, scheme: 'light' },
    { width: 1366, scheme: 'dark' },
    { width: 1024, scheme: 'dark' },
  ] as const)('fits $width px in $scheme', async ({ width, scheme }) => {
    const page = await openPage(session.browser, session.host.url, scheme);
    try {
      await page.setViewportSize({ width, height: 860 });
      const table = await auditRows(page, '#/audit');
      await table.locator('tr[data-action]').first().waitFor();
      // Nothing is cut off at the right edge: the table fits the window, or scrolls inside its own box.
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `audit-${width}-${scheme}`);
      expect(pageProblems(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
