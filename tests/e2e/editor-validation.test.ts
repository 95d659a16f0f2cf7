import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageProblems, screenshot } from './support/browser';
import { catalogueSize, pickCharts } from './support/emulator';
import { useE2eSession } from './support/session';
import { discoverCharts, fact, goTo, waitForToast } from './support/ui';

/**
 * The schedule editor checks what is typed as it is typed, with the engine's own rules: a problem is said
 * under its field (and read out with it), Save is refused while any is left, and a valid cron expression shows
 * its next five runs in its time zone.
 */
describe('the schedule editor validates as the operator types', { timeout: 90_000 }, () => {
  const [chart] = pickCharts('weekly', 1);
  const session = useE2eSession({
    withEmulator: true,
    prepare: ({ page }) => discoverCharts(page, catalogueSize()),
  });
  let page: Page;

  beforeEach(() => {
    page = session.page;
  });

  const save = () => page.getByRole('button', { name: 'Create schedule' });
  const saveProblem = () => page.locator('.editor-actions').getByRole('alert');
  const nextRuns = () => page.getByRole('region', { name: 'Next runs' });

  /** The message under a field: the field is marked invalid and described by it, so it is read out with it. */
  async function problemOf(field: Locator): Promise<string> {
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId, `aria-describedby="${describedBy}"`).toBeDefined();
    return (await page.locator(`[id="${errorId}"]`).innerText()).trim();
  }

  async function expectValid(field: Locator): Promise<void> {
    await field.and(page.locator(':not([aria-invalid])')).waitFor();
    expect(await field.getAttribute('aria-describedby')).not.toMatch(/-error/);
  }

  it('refuses to save without a chart, and says so at the chart field', async () => {
    await goTo(page, 'Schedules');
    await page.getByRole('link', { name: 'New schedule' }).click();
    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
    await save().click();
    const picker = page.getByRole('combobox', { name: 'Chart' });
    await picker.and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await problemOf(picker)).toBe('Choose the chart to schedule.');
    expect(await saveProblem().innerText()).toContain('Choose the chart to schedule.');
    // The focus is sent to the field to fix.
    await picker.and(page.locator(':focus')).waitFor();

    await picker.fill(chart!.slug);
    await page.getByRole('listbox', { name: 'Charts' }).getByRole('option').first().click();
    expect(await picker.inputValue()).toBe(`${chart!.name} · ${chart!.platform} · ${chart!.countryName}`);
    await expectValid(picker);
  });

  it('says under the interval field that 0 hours is not an interval', async () => {
    await page.getByLabel('Frequency').selectOption('custom');
    const hours = page.getByLabel('Interval in hours');
    await hours.fill('0');
    await hours.and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await problemOf(hours)).toMatch(/at least 1 hour|between 1 and/);
    await nextRuns()
      .getByText(/No runs to show yet/)
      .waitFor();
    await screenshot(page, 'editor-custom-hours-invalid');

    await hours.fill('6');
    await expectValid(hours);
    expect(await nextRuns().getByRole('listitem').count()).toBe(5);
  });

  it('says under the cron field that minute 61 does not exist', async () => {
    await page.getByLabel('Frequency').selectOption('cron');
    const cron = page.getByLabel('Cron expression');
    await cron.fill('61 * * * *');
    await cron.and(page.locator('[aria-invalid="true"]')).waitFor();
    const problem = await problemOf(cron);
    // In our words, naming the field at fault and what it allows.
    expect(problem).toBe('Cron expression "61 * * * *": the minute field allows 0 to 59, not 61.');
    await nextRuns()
      .getByText(/No runs to show yet/)
      .waitFor();
    await screenshot(page, 'editor-cron-invalid');

    // Save is refused while it is wrong: the problem is repeated by the button, and nothing is created.
    await save().click();
    expect(await saveProblem().innerText()).toContain('"61 * * * *"');
    await cron.and(page.locator(':focus')).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).count()).toBe(1);
  });

  it('shows the next five runs of a valid cron expression', async () => {
    const cron = page.getByLabel('Cron expression');
    await cron.fill('0 6 * * 1');
    await expectValid(cron);
    const runs = nextRuns().getByRole('listitem');
    await runs.nth(4).waitFor();
    expect(await runs.count()).toBe(5);
    // Mondays at 06:00 in the zone of the schedule (the operator's, UTC, until another is chosen).
    for (const run of await runs.allInnerTexts()) expect(run).toMatch(/^Mon \d+ \w+ \d{4}, 06:00/);
    await nextRuns().getByText("Times in the schedule's zone, UTC.").waitFor();
  });

  it('says under the time zone field that an unknown zone is not a zone', async () => {
    const zone = page.getByLabel('Time zone');
    await zone.fill('Mars/Olympus_Mons');
    await zone.and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await problemOf(zone)).toBe(
      `"Mars/Olympus_Mons" is not a known IANA time zone; use a name such as 'Europe/Paris'.`,
    );
    await page.getByLabel('History window (days)').fill('0');
    await save().click();
    // Two problems: the first is said by the button, which counts the rest.
    expect(await saveProblem().innerText()).toMatch(/Mars\/Olympus_Mons.*\(1 more below\.\)/);
    expect(await problemOf(page.getByLabel('History window (days)'))).toBe(
      'History window must be at least 1 day.',
    );
    await screenshot(page, 'editor-time-zone-invalid');
  });

  it('saves once everything is fixed, with the runs it showed', async () => {
    const zone = page.getByLabel('Time zone');
    await zone.fill('Europe/Paris');
    await expectValid(zone);
    await page.getByLabel('History window (days)').fill('30');
    await expectValid(page.getByLabel('History window (days)'));
    await nextRuns().getByText("Times in the schedule's zone, Europe/Paris.").waitFor();
    const runs = await nextRuns().getByRole('listitem').allInnerTexts();
    expect(runs).toHaveLength(5);
    for (const run of runs) expect(run).toMatch(/^Mon \d+ \w+ \d{4}, 06:00/);
    expect(await saveProblem().count()).toBe(0);
    await screenshot(page, 'editor-cron-valid');

    await save().click();
    await waitForToast(page, `Schedule created for ${chart!.name}`);
    await page.getByRole('heading', { level: 2, name: chart!.name, exact: true }).waitFor();
    const configuration = page.getByRole('region', { name: 'Configuration' });
    const frequency = await fact(configuration, 'Frequency');
    expect(frequency).toContain('0 6 * * 1');
    expect(frequency).toContain('Europe/Paris');
    expect(await fact(configuration, 'History window')).toMatch(/30 days/);
    expect(pageProblems(page)).toEqual([]);
  });
});
