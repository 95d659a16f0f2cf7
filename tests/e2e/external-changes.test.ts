import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/engine/config/data-dir';
import { openDatabase, type AppDatabase } from '../../electron/engine/db/open-database';
import { ScheduleService } from '../../electron/engine/schedules/schedule-service';
import { EXTERNAL_CHANGE_CHECK_MS } from '../../shared/domain/policies';
import { pageProblems } from './support/browser';
import { catalogueSize, pickCharts } from './support/emulator';
import { useE2eSession } from './support/session';
import { chartsGrid, discoverCharts, rowWithText, searchCharts } from './support/ui';

type Call = { name: string; input: Record<string, unknown>; bytes: number | null };

/**
 * Another process (the CLI, a cron'd `chart-sync process`) writes to the database while the Charts screen is
 * open: the screen shows the change, having fetched the changed rows only, never the whole catalogue again.
 */
describe('changes by another process reach the open Charts screen', { timeout: 90_000 }, () => {
  const [chart] = pickCharts('monthly', 1);
  const session = useE2eSession({
    withEmulator: true,
    prepare: ({ page }) => discoverCharts(page, catalogueSize()),
  });
  let other: AppDatabase | null = null;
  afterAll(() => other?.close());

  /** Every call the page makes from now on, with the size of its answer. */
  async function recordCalls(): Promise<{ calls: Call[]; cdp: CDPSession }> {
    const cdp = await session.page.context().newCDPSession(session.page);
    await cdp.send('Network.enable');
    const calls: Call[] = [];
    const byId = new Map<number, Call>();
    cdp.on('Network.webSocketFrameSent', ({ response }) => {
      const message = JSON.parse(response.payloadData) as {
        type: string;
        id: number;
        name: string;
        input: object;
      };
      if (message.type !== 'call') return;
      const call: Call = { name: message.name, input: { ...message.input }, bytes: null };
      calls.push(call);
      byId.set(message.id, call);
    });
    cdp.on('Network.webSocketFrameReceived', ({ response }) => {
      const message = JSON.parse(response.payloadData) as { type: string; id?: number };
      const call = message.type === 'result' ? byId.get(message.id!) : undefined;
      if (call) call.bytes = Buffer.byteLength(response.payloadData);
    });
    return { calls, cdp };
  }

  it('patches the chart renamed and the chart scheduled by another connection, fetching only their rows', async () => {
    const { page, host } = session;
    await searchCharts(page, chart!.slug);
    const row = rowWithText(chartsGrid(page), chart!.slug);
    await row.getByText('Not scheduled').waitFor();
    // The host's own catalogue import (discoverCharts) must be behind its change watcher first: commits of its own
    // and of another process within one check cannot be told apart, and would be announced together (more rows
    // fetched than changed; docs/architecture.md).
    await page.waitForTimeout(EXTERNAL_CHANGE_CHECK_MS * 2);
    const { calls, cdp } = await recordCalls();

    other = openDatabase({ file: join(host.dataDir, DATABASE_FILE_NAME) });
    const chartId = other.sqlite
      .prepare('SELECT id FROM charts WHERE slug = ?')
      .pluck()
      .get(chart!.slug) as number;
    other.sqlite
      .prepare("UPDATE charts SET name = 'Renamed elsewhere', updated_at = updated_at + 1 WHERE id = ?")
      .run(chartId);
    await row.getByText('Renamed elsewhere', { exact: true }).waitFor();
    new ScheduleService(other).create({ chartId, isActive: false });
    await row.getByText('Paused').waitFor();
    await row.getByRole('link', { name: 'View schedule of Renamed elsewhere' }).waitFor();
    await cdp.detach();

    const lists = calls.filter((call) => call.name === 'charts/list');
    expect(lists.length).toBeGreaterThanOrEqual(2);
    // Never the whole list (no ids), and each answer a row or two: a few hundred bytes, not the catalogue.
    expect(lists.filter((call) => Object.keys(call.input).length === 0)).toEqual([]);
    for (const call of lists) {
      expect(call.input.chartIds ?? call.input.scheduleIds).toBeDefined();
      expect(call.bytes).toBeLessThan(2_000);
    }
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: / of \d+ charts$/ })
        .textContent(),
    ).toBe(`1 of ${catalogueSize()} charts`);
    expect(pageProblems(page)).toEqual([]);
  });
});
