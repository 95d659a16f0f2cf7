import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/engine/config/data-dir';
import { pageProblems, screenshot, VIEWPORT } from './support/browser';
import { Catalogue } from '../../electron/emulator/catalogue';
import { catalogueSize, E2E_SEED, pickCharts } from './support/emulator';
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

/** RFC 4180 read back: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * Exports from the UI against the real engine: a synced chart's rankings to CSV from the Charts selection (the
 * file is there, re-read and compared with the database, and downloaded through the browser), a long export
 * cancelled from the list (no file left), and the engine's refusal of a file shown under its field.
 */
describe('exports: the New export dialog, the Exports screen and the file', { timeout: 240_000 }, () => {
  // A small daily chart for the CSV; a daily chart of 200 entries with a year of history for the one cancelled.
  const [small] = pickCharts('daily', 1);
  const big = new Catalogue(E2E_SEED)
    .charts()
    .filter((chart) => chart.frequency === 'daily' && chart.slug !== 'global-28')
    .sort((a, b) => b.maxResultsCount - a.maxResultsCount || a.slug.localeCompare(b.slug))[0]!;
  const session = useE2eSession({
    withEmulator: true,
    // A year of a daily chart is 730 requests: at the default 1,200 a minute that alone would take 40 s.
    hostArgs: ['--rate-limit', '5000'],
    prepare: ({ page }) => discoverCharts(page, catalogueSize()),
  });
  let page: Page;

  beforeEach(() => {
    page = session.page;
  });

  const dialog = () => page.getByRole('dialog', { name: 'New export' });
  const exportRow = (id: number): Locator => page.locator(`[data-export-id="${id}"]`);
  const waitForExport = (id: number, status: string, timeout = 60_000) =>
    page.locator(`[data-export-id="${id}"][data-status="${status}"]`).waitFor({ timeout });

  async function schedule(slug: string, name: string, days: number, execution: number): Promise<void> {
    await goTo(page, 'Charts');
    await searchCharts(page, slug);
    await rowWithText(chartsGrid(page), slug)
      .getByRole('link', { name: `Add schedule for ${name}` })
      .click();
    await page.getByRole('heading', { level: 2, name: 'New sync schedule' }).waitFor();
    await page.getByLabel('History window (days)').fill(String(days));
    await page.getByLabel('Sync immediately').check();
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await waitForToast(page, `Schedule created for ${name}`);
    await waitForExecutionStatus(page, execution, 'completed', 150_000);
  }

  /** The current screen at both window widths, in both themes. */
  async function screenshotsOf(name: string): Promise<void> {
    const theme = page.getByRole('banner').getByLabel('Theme');
    for (const scheme of ['light', 'dark'] as const) {
      await theme.selectOption(scheme);
      for (const size of [VIEWPORT, NARROW]) {
        await page.setViewportSize(size);
        expect(await horizontalOverflow(page), `${name} at ${size.width} px`).toEqual([]);
        await screenshot(page, `${name}-${size.width}-${scheme}`);
      }
    }
    await page.setViewportSize(VIEWPORT);
    await theme.selectOption('system');
  }

  it('exports a synced chart’s rankings to CSV from the Charts selection; the file holds the database’s rows', async () => {
    await schedule(small!.slug, small!.name, 30, 1);

    await goTo(page, 'Charts');
    await searchCharts(page, small!.slug);
    await rowWithText(chartsGrid(page), small!.slug)
      .getByRole('checkbox', { name: `Select ${small!.name}` })
      .check();
    await page
      .getByRole('region', { name: 'Actions on selected charts' })
      .getByRole('button', { name: 'Export rankings…' })
      .click();
    const d = dialog();
    await d.waitFor();
    expect(await d.getByLabel('Dataset').inputValue()).toBe('rankings');
    await d.getByRole('button', { name: new RegExp(`^Remove ${small!.name} · `) }).waitFor();
    expect(await d.getByRole('radio', { name: 'CSV' }).isChecked()).toBe(true);
    await d.getByText(`${join(session.host.dataDir, 'exports')}`, { exact: true }).waitFor();
    await screenshotsOf('export-dialog');

    await d.getByRole('button', { name: 'Start export' }).click();
    await waitForToast(page, 'Export #1 started');
    await page.getByRole('heading', { level: 2, name: 'Exports', exact: true }).waitFor();
    expect(await d.isVisible()).toBe(false);
    await waitForExport(1, 'completed');
    const row = exportRow(1);
    const text = await row.innerText();
    expect(text).toContain('Rankings · CSV');
    expect(text).toContain(`chart ${small!.slug} · all dates`);
    expect(text).toContain('by Screens');
    const shownRows = Number(/([\d,]+) rows/.exec(text)![1]!.replace(/,/g, ''));

    // The file is where the row says, in the exports folder beside the database, and holds the database's rows.
    const file = await row.locator('.export-file code').innerText();
    expect(dirname(file)).toBe(join(session.host.dataDir, 'exports'));
    expect(existsSync(file)).toBe(true);
    const [header, ...lines] = parseCsv(readFileSync(file, 'utf8'));
    expect(lines).toHaveLength(shownRows);
    const column = (name: string) => {
      const index = header!.indexOf(name);
      expect(index, `the CSV has a ${name} column`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const database = new Database(join(session.host.dataDir, DATABASE_FILE_NAME), { readonly: true });
    try {
      const stored = database
        .prepare(
          `SELECT r.ranking_date AS date, e.position, s.name AS title
             FROM chart_ranking_entries e
             JOIN chart_rankings r ON r.id = e.ranking_id
             JOIN charts c ON c.id = r.chart_id
             JOIN songs s ON s.id = e.song_id
            WHERE c.slug = ?
            ORDER BY r.ranking_date DESC, e.position`,
        )
        .all(small!.slug) as { date: string; position: number; title: string }[];
      expect(stored.length).toBe(shownRows);
      const top = stored[0]!;
      const line = lines.find(
        (cells) => cells[column('ranking_date')] === top.date && cells[column('position')] === '1',
      );
      expect(line, `a row for position 1 on ${top.date}`).toBeDefined();
      expect(line![column('chart_slug')]).toBe(small!.slug);
      expect(line![column('title')]).toBe(top.title);
    } finally {
      database.close();
    }

    // In the browser the finished file downloads from the host (a link it streams), byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: `Download ${basename(file)}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(basename(file));
    expect(readFileSync(await download.path()).equals(readFileSync(file))).toBe(true);
    await expectWithinWindow(row.getByRole('button', { name: /^Copy the path/ }), 'Copy path');
    await screenshotsOf('exports');
    expect(pageProblems(page)).toEqual([]);
  });

  it('cancels a running export from the list, and no file is left', async () => {
    await schedule(big.slug, big.name, 365, 2);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Exports' }).click();
    await page.getByRole('heading', { level: 2, name: 'Exports', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New export' }).click();
    const d = dialog();
    await d.getByLabel('Dataset').selectOption('rankings');
    await d.getByRole('radio', { name: 'Excel (XLSX)' }).check();
    expect(await d.getByRole('checkbox', { name: 'BOM for Excel' }).count()).toBe(0);
    await d.getByRole('button', { name: 'Start export' }).click();
    await waitForToast(page, 'Export #2 started');
    const row = exportRow(2);
    await row.getByRole('progressbar', { name: 'Progress of export #2' }).waitFor();
    await screenshot(page, 'exports-running');
    await row.getByRole('button', { name: 'Cancel' }).click();
    await waitForExport(2, 'cancelled');
    expect(await row.getByRole('progressbar').count()).toBe(0);
    expect(await row.getByRole('link', { name: /^Download/ }).count()).toBe(0);
    // Neither the file nor its temporary: the exports folder holds only the first export's file.
    const folder = join(session.host.dataDir, 'exports');
    expect(readdirSync(folder).filter((name) => name.endsWith('.xlsx') || name.endsWith('.partial'))).toEqual(
      [],
    );
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the engine’s refusal of the file under its field, and starts nothing', async () => {
    await page.getByRole('button', { name: 'New export' }).click();
    const d = dialog();
    await d.getByRole('radio', { name: 'Another file' }).check();
    const out = d.getByLabel('Path of the file');
    await out.fill('/no-such-folder-for-chart-sync/rankings.csv');
    await d.getByRole('button', { name: 'Start export' }).click();
    const problem = d.getByText(/^The folder \/no-such-folder-for-chart-sync does not exist/);
    await problem.waitFor();
    expect(await out.getAttribute('aria-invalid')).toBe('true');
    expect(await out.getAttribute('aria-describedby')).toContain(await problem.getAttribute('id'));
    await screenshotsOf('export-dialog-refused');
    await d.getByRole('button', { name: 'Cancel' }).click();
    await d.waitFor({ state: 'hidden' });
    expect(await page.locator('[data-export-id]').count()).toBe(2);
    expect(pageProblems(page)).toEqual([]);
  });
});
