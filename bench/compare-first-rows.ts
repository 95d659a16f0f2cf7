/**
 * The Charts screen's first rows, this checkout against another (e.g. a worktree of main), loads interleaved
 * (A B, B A, …) in one browser: on a machine shared with other work, two runs one after the other see different
 * loads, while interleaved loads share it. Both checkouts must be built (`npx electron-vite build`).
 *
 *   npx tsx bench/compare-first-rows.ts /path/to/other/checkout [loads per checkout, default 8]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/e2e/support/browser';
import * as ours from './measures/charts-screen';

const [otherRoot, loadsText = '8'] = process.argv.slice(2);
if (!otherRoot) throw new Error('Usage: npx tsx bench/compare-first-rows.ts <other checkout> [loads]');
const other = (await import(
  pathToFileURL(resolve(otherRoot, 'bench/measures/charts-screen.ts')).href
)) as typeof ours;
if (typeof other.startHost !== 'function')
  throw new Error(`${otherRoot}'s charts-screen.ts exports no startHost`);

type Side = 'other' | 'ours';
const dirs = {
  other: mkdtempSync(join(tmpdir(), 'chart-sync-ab-')),
  ours: mkdtempSync(join(tmpdir(), 'chart-sync-ab-')),
};
await ours.seed(dirs.other);
await ours.seed(dirs.ours);
const hosts = { other: await other.startHost(dirs.other), ours: await ours.startHost(dirs.ours) };
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
const firstRows: Record<Side, number[]> = { other: [], ours: [] };
try {
  for (let i = 0; i < Number(loadsText); i++) {
    const order: Side[] = i % 2 === 0 ? ['other', 'ours'] : ['ours', 'other'];
    for (const side of order)
      firstRows[side].push((await ours.firstRowsAfterNavigation(browser, hosts[side].url)).ms);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const side of ['other', 'ours'] as const) {
    const all = firstRows[side].map((ms) => ms.toFixed(0)).join(', ');
    console.log(`${side.padEnd(5)} first rows: median ${median(firstRows[side]).toFixed(0)} ms (${all})`);
  }
} finally {
  await browser.close();
  await other.stopHost(hosts.other.child);
  await ours.stopHost(hosts.ours.child);
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
}
