// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { compareChartsByName } from '../../../shared/domain/chart-order';
import type { ChartListItem } from '../../../shared/views/chart-list-item';
import type { BulkResult } from '../../../shared/views/bulk-result';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartItem, UI_NOW } from '../support/sample-views';
import { renderCharts, resetChartsUi } from './render-charts';

const HOUR = 3_600_000;
const CATALOGUE: ChartListItem[] = [
  chartItem({
    id: 1,
    name: 'Top 200 Global',
    slug: 'top-200-global',
    syncStatus: 'active',
    health: 'on_time',
    healthReason: 'Synced on schedule.',
    scheduleId: 11,
    lastSyncAt: UI_NOW - 2 * HOUR,
    nextSyncAt: UI_NOW + 22 * HOUR,
  }),
  chartItem({
    id: 2,
    name: 'Top 50 France',
    slug: 'top-50-fr',
    countryCode: 'FR',
    countryName: 'France',
    frequency: 'weekly',
    syncStatus: 'overdue',
    health: 'overdue',
    healthReason: 'No successful sync for 16 days: more than twice its interval of 7 days.',
    scheduleId: 12,
  }),
  chartItem({
    id: 3,
    name: 'Viral Mexico',
    slug: 'viral-mx',
    platform: 'apple-music',
    countryCode: 'MX',
    countryName: 'Mexico',
  }),
  chartItem({
    id: 4,
    name: 'Shazam Discovery',
    slug: 'shazam-discovery-fr',
    platform: 'shazam',
    countryCode: 'FR',
    countryName: 'France',
    syncStatus: 'inactive',
    health: 'paused',
    healthReason: 'Paused: no syncs run until it is resumed.',
    scheduleId: 14,
  }),
];

const ok = (ids: number[]): BulkResult => ({
  results: ids.map((id) => ({
    id,
    label: `chart ${id}`,
    ok: true as const,
    outcome: 'done' as const,
    scheduleId: id + 10,
    executionId: null,
  })),
  succeeded: ids.length,
  skipped: 0,
  failed: 0,
});

let fake: FakeClient;
type ListInput = { chartIds?: number[]; scheduleIds?: number[]; first?: number };
/** Calls for the whole list (not the first rows, not rows by id). */
const listCalls = () =>
  fake.calls.filter((c) => c.name === 'charts/list' && Object.keys(c.input as ListInput).length === 0).length;
const rowCalls = () =>
  fake.calls.flatMap((c) =>
    c.name === 'charts/list' && ((c.input as ListInput).chartIds || (c.input as ListInput).scheduleIds)
      ? [c.input as ListInput]
      : [],
  );
/** Answers charts/list as the engine does: the whole list, the first rows by name, or some rows by id. */
function listAnswer(charts: readonly ChartListItem[]) {
  return (input: ListInput) => {
    if (input.first !== undefined) {
      return [...charts].sort(compareChartsByName).slice(0, input.first);
    }
    if (input.chartIds || input.scheduleIds) {
      return charts.filter(
        (chart) =>
          input.chartIds?.includes(chart.id) ||
          (chart.scheduleId !== null && input.scheduleIds?.includes(chart.scheduleId)),
      );
    }
    return [...charts];
  };
}
const rowNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.chart-name')?.textContent);
const checkbox = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });

beforeEach(() => {
  resetChartsUi();
  fake = installFakeClient();
  fake.answer('charts/list', listAnswer(CATALOGUE));
});

describe('Charts screen: catalogue', () => {
  it('shows a loading state, then every chart with its status, times and quick link', async () => {
    renderCharts();
    expect(screen.getByText('Loading charts…')).toBeTruthy();
    expect(await screen.findByText('4 of 4 charts')).toBeTruthy();
    expect(rowNames()).toEqual(['Shazam Discovery', 'Top 50 France', 'Top 200 Global', 'Viral Mexico']);

    const global = screen.getByRole('row', { name: /Top 200 Global/ });
    expect(within(global).getByText('On time').title).toBe('Synced on schedule.');
    expect(
      within(global).getByRole('link', { name: 'View schedule of Top 200 Global' }).getAttribute('href'),
    ).toBe('#/schedules/11');
    const mexico = screen.getByRole('row', { name: /Viral Mexico/ });
    expect(within(mexico).getByText('Not scheduled')).toBeTruthy();
    expect(within(mexico).getByText('Never')).toBeTruthy();
    expect(
      within(mexico).getByRole('link', { name: 'Add schedule for Viral Mexico' }).getAttribute('href'),
    ).toBe('#/schedules/new?chartId=3');
    expect(within(screen.getByRole('row', { name: /Top 50 France/ })).getByText('Overdue').title).toMatch(
      /more than twice its interval/,
    );
  });

  it('searches by name, slug and country; the search box answers the "/" shortcut', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    const search = screen.getByRole('searchbox', { name: /Search charts/ });
    expect(search.hasAttribute('data-search')).toBe(true);

    fireEvent.change(search, { target: { value: 'france' } });
    await waitFor(() => expect(rowNames()).toEqual(['Shazam Discovery', 'Top 50 France']));
    expect(screen.getByText('2 of 4 charts')).toBeTruthy();

    fireEvent.change(search, { target: { value: 'viral-mx' } });
    await waitFor(() => expect(rowNames()).toEqual(['Viral Mexico']));
  });

  it('filters by platform, country, frequency and status, with counts in the options', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    const platform = screen.getByRole('combobox', { name: 'Platform' });
    expect(within(platform).getByRole('option', { name: 'spotify (2)' })).toBeTruthy();
    fireEvent.change(platform, { target: { value: 'spotify' } });
    await waitFor(() => expect(rowNames()).toEqual(['Top 50 France', 'Top 200 Global']));

    const country = screen.getByRole('combobox', { name: 'Country' });
    // Counts follow the other filters: one Spotify chart in France.
    expect(within(country).getByRole('option', { name: 'France (FR) (1)' })).toBeTruthy();
    fireEvent.change(country, { target: { value: 'FR' } });
    await waitFor(() => expect(rowNames()).toEqual(['Top 50 France']));

    fireEvent.change(screen.getByRole('combobox', { name: 'Sync status' }), { target: { value: 'on_time' } });
    await screen.findByText('No charts match these filters');
    expect(screen.getByText('0 of 4 charts')).toBeTruthy();
    const noMatch = screen.getByText('No charts match these filters').closest('.empty-state') as HTMLElement;
    fireEvent.click(within(noMatch).getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('4 of 4 charts');
    expect((screen.getByRole('combobox', { name: 'Platform' }) as HTMLSelectElement).value).toBe('');
  });

  it('sorts by a column, flipping direction on a second click, with aria-sort', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    const chartHeader = screen.getByRole('columnheader', { name: /Chart/ });
    expect(chartHeader.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(chartHeader).getByRole('button'));
    expect(chartHeader.getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()).toEqual(['Viral Mexico', 'Top 200 Global', 'Top 50 France', 'Shazam Discovery']);

    const status = screen.getByRole('columnheader', { name: /Sync status/ });
    fireEvent.click(within(status).getByRole('button'));
    expect(status.getAttribute('aria-sort')).toBe('ascending');
    expect(chartHeader.getAttribute('aria-sort')).toBe('none');
    expect(rowNames()).toEqual(['Top 50 France', 'Top 200 Global', 'Shazam Discovery', 'Viral Mexico']);
  });
});

describe('Charts screen: states', () => {
  it('says how to fill an empty catalogue, with the Discover button', async () => {
    fake.answer('charts/list', () => []);
    renderCharts();
    expect(await screen.findByText('No charts yet')).toBeTruthy();
    expect(screen.getByText('Discover charts imports the Soundcharts catalogue.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Discover charts' })).toHaveLength(1);
  });

  it('shows an error with Try again, which fetches again', async () => {
    fake.answer('charts/list', () => ({
      code: 'database_unreadable',
      message: 'The database cannot be read.',
    }));
    renderCharts();
    expect(await screen.findByText('The database cannot be read.')).toBeTruthy();
    fake.answer('charts/list', () => CATALOGUE);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('4 of 4 charts')).toBeTruthy();
  });

  it('keeps the list when a refresh fails, and says so', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fake.answer('charts/list', () => ({ code: 'internal', message: 'Engine busy.' }));
    fake.emit('charts/updated', { created: 1, updated: 0 });
    expect(await screen.findByText(/Could not refresh the charts: Engine busy\./)).toBeTruthy();
    expect(rowNames()).toHaveLength(4);
  });
});

describe('Charts screen: selection and bulk actions', () => {
  it('adds the selected charts to the schedule, syncing immediately when asked', async () => {
    fake.answer('charts/add-to-schedule', (input) => ok(input.chartIds));
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fireEvent.click(checkbox('Viral Mexico'));
    fireEvent.click(checkbox('Top 200 Global'));
    expect(screen.getByText('2 charts selected')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Viral Mexico/ }).getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Sync immediately' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add to sync schedule' }));
    expect(await screen.findByText('Added to the sync schedule: 2 charts')).toBeTruthy();
    const add = fake.calls.find((c) => c.name === 'charts/add-to-schedule');
    expect(add?.input).toEqual({ chartIds: [3, 1], syncImmediately: true });
    // Done: the selection is cleared and the list re-fetched for the new statuses.
    expect(screen.queryByText(/selected/)).toBeNull();
    await waitFor(() => expect(listCalls()).toBe(2));
  });

  it('gives the focus back to the list when the action closes the bar, and to the search box after Clear filters', async () => {
    fake.answer('charts/add-to-schedule', (input) => ok(input.chartIds));
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fireEvent.click(checkbox('Viral Mexico'));
    const add = screen.getByRole('button', { name: 'Add to sync schedule' });
    add.focus();
    fireEvent.click(add);
    await screen.findByText('Added to the sync schedule: 1 chart');
    await waitFor(() => expect(document.activeElement?.tagName).toBe('TR'));
    expect(screen.getByRole('grid', { name: 'Charts' }).contains(document.activeElement)).toBe(true);

    // The empty state's own Clear filters goes away with it.
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'no such chart' } });
    const noMatch = (await screen.findByRole('heading', { name: 'No charts match these filters' }))
      .parentElement!;
    const clear = within(noMatch).getByRole('button', { name: 'Clear filters' });
    clear.focus();
    fireEvent.click(clear);
    await screen.findByText('4 of 4 charts');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it('reports a partial failure with the reason and keeps the failed charts selected', async () => {
    const mexico = 'Viral · spotify · MX (mx-viral)';
    const unscheduled = 'Top 50 · spotify · FR (fr-top-50)';
    fake.answer('charts/sync-now', () => ({
      results: [
        { id: 1, label: 'chart 1', ok: true, outcome: 'done', scheduleId: 11, executionId: 7 },
        {
          id: 2,
          label: unscheduled,
          ok: false,
          outcome: 'skipped',
          error: { code: 'not_scheduled', message: `${unscheduled} has no sync schedule.` },
        },
        {
          id: 3,
          label: mexico,
          ok: false,
          outcome: 'failed',
          error: { code: 'execution_active', message: 'A sync is already running.' },
        },
      ],
      succeeded: 1,
      skipped: 1,
      failed: 1,
    }));
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fireEvent.click(checkbox('Top 200 Global'));
    fireEvent.click(checkbox('Top 50 France'));
    fireEvent.click(checkbox('Viral Mexico'));
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sync started: 1 chart; 1 skipped; 1 failed');
    // Each named in full; the chart without a schedule is skipped, not failed.
    expect(alert.textContent).toContain(`${mexico}: A sync is already running.`);
    expect(alert.textContent).toContain(`Skipped ${unscheduled}: no sync schedule`);
    expect(screen.getByText('1 chart selected')).toBeTruthy();
    expect((checkbox('Viral Mexico') as HTMLInputElement).checked).toBe(true);
  });

  it('asks before removing charts from the schedule', async () => {
    fake.answer('charts/remove-from-schedule', (input) => ok(input.chartIds));
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fireEvent.click(checkbox('Top 50 France'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove from sync schedule' }));

    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('Remove 1 chart from the sync schedule?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(within(dialog).queryByText(/Remove 1 chart/)).toBeNull());
    expect(fake.calls.some((c) => c.name === 'charts/remove-from-schedule')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Remove from sync schedule' }));
    const confirmButton = await within(dialog).findByRole('button', {
      name: 'Remove from schedule',
      hidden: true,
    });
    expect(confirmButton.className).toContain('danger');
    fireEvent.click(confirmButton);
    expect(await screen.findByText('Removed from the sync schedule: 1 chart')).toBeTruthy();
    expect(fake.calls.find((c) => c.name === 'charts/remove-from-schedule')?.input).toEqual({
      chartIds: [2],
    });
  });

  it('selects a range with Shift-click, in the order shown', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fireEvent.click(checkbox('Shazam Discovery'));
    fireEvent.click(checkbox('Top 200 Global'), { shiftKey: true });
    expect(screen.getByText('3 charts selected')).toBeTruthy();
    expect((checkbox('Top 50 France') as HTMLInputElement).checked).toBe(true);
    expect((checkbox('Viral Mexico') as HTMLInputElement).checked).toBe(false);
  });

  it('selects all matching charts only, and says how many selected ones the filters hide', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fireEvent.click(checkbox('Viral Mexico'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Country' }), { target: { value: 'FR' } });
    await screen.findByText('2 of 4 charts');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 2 matching charts' }));
    expect(screen.getByText('3 charts selected')).toBeTruthy();
    expect(screen.getByText('(1 hidden by the filters)')).toBeTruthy();
    const all = screen.getByRole('checkbox', { name: 'Deselect all 2 matching charts' });
    fireEvent.click(all);
    expect(screen.getByText('1 chart selected')).toBeTruthy();
  });

  it('keeps the selection across re-fetches, dropping charts that disappeared', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fireEvent.click(checkbox('Viral Mexico'));
    fireEvent.click(checkbox('Top 50 France'));
    fake.answer('charts/list', () => CATALOGUE.filter((chart) => chart.id !== 2));
    fake.emit('charts/updated', { created: 0, updated: 1 });
    await screen.findByText('3 of 3 charts');
    expect(screen.getByText('1 chart selected')).toBeTruthy();
    expect((checkbox('Viral Mexico') as HTMLInputElement).checked).toBe(true);
  });
});

describe('Charts screen: discovery and live updates', () => {
  it('discovers charts with a busy button and reports the counts', async () => {
    let finish: (value: {
      platforms: number;
      charts: number;
      created: number;
      updated: number;
    }) => void = () => {};
    fake.answer('charts/discover', () => new Promise((resolve) => (finish = resolve)));
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fireEvent.click(screen.getByRole('button', { name: 'Discover charts' }));
    const busy = await screen.findByRole('button', { name: 'Discovering charts…' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(busy);
    expect(fake.calls.filter((c) => c.name === 'charts/discover')).toHaveLength(1);

    finish({ platforms: 3, charts: 1_250, created: 40, updated: 1_210 });
    expect(await screen.findByText('Discovered 1,250 charts on 3 platforms')).toBeTruthy();
    expect(screen.getByText('40 new, 1,210 updated.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Discover charts' })).toBeTruthy();
    await waitFor(() => expect(listCalls()).toBe(2));
  });

  it('reports a failed discovery', async () => {
    fake.answer('charts/discover', () => ({ code: 'internal', message: 'Soundcharts did not answer.' }));
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fireEvent.click(screen.getByRole('button', { name: 'Discover charts' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not discover charts');
    expect(alert.textContent).toContain('Soundcharts did not answer.');
  });

  it('fetches only the changed rows, once for a burst of schedule events, never the whole list', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    expect(listCalls()).toBe(1);
    // Chart 3 gets schedule 13 (created by another process); schedule 14 (chart 4) is deleted.
    const changed = CATALOGUE.map((chart) =>
      chart.id === 3
        ? { ...chart, syncStatus: 'active' as const, health: 'never_synced' as const, scheduleId: 13 }
        : chart.id === 4
          ? {
              ...chart,
              syncStatus: 'not_scheduled' as const,
              health: null,
              healthReason: null,
              scheduleId: null,
            }
          : chart,
    );
    fake.answer('charts/list', listAnswer(changed));
    for (const scheduleId of [11, 13, 11]) fake.emit('schedule/updated', { scheduleId });
    fake.emit('schedule/removed', { scheduleId: 14, chartId: 4 });
    const mexico = screen.getByRole('row', { name: /Viral Mexico/ });
    await waitFor(() => expect(within(mexico).getByText('Never synced')).toBeTruthy());
    const shazam = screen.getByRole('row', { name: /Shazam Discovery/ });
    expect(within(shazam).getByText('Not scheduled')).toBeTruthy();
    expect(rowCalls()).toEqual([{ chartIds: [4], scheduleIds: [11, 13] }]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(listCalls()).toBe(1);
    expect(rowCalls()).toHaveLength(1);
    expect(screen.getByText('4 of 4 charts')).toBeTruthy();
  });

  it('adds a chart another process created and drops one it deleted, from their ids', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    const added = chartItem({ id: 5, name: 'Hot 100', slug: 'hot-100', platform: 'spotify' });
    fake.answer('charts/list', listAnswer([...CATALOGUE.filter((chart) => chart.id !== 2), added]));
    fake.emit('charts/updated', { created: 0, updated: 2, chartIds: [2, 5] });
    await screen.findByText('4 of 4 charts', {}, { timeout: 2_000 });
    await waitFor(() =>
      expect(rowNames()).toEqual(['Hot 100', 'Shazam Discovery', 'Top 200 Global', 'Viral Mexico']),
    );
    expect(rowCalls()).toEqual([{ chartIds: [2, 5], scheduleIds: [] }]);
    expect(listCalls()).toBe(1);
  });

  it('fetches the whole list again once after a catalogue import, which may change every chart', async () => {
    renderCharts();
    await screen.findByText('4 of 4 charts');
    fake.emit('charts/updated', { created: 0, updated: 2 });
    fake.emit('charts/updated', { created: 1, updated: 0 });
    await waitFor(() => expect(listCalls()).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(listCalls()).toBe(2);
    expect(rowCalls()).toHaveLength(0);
  });

  it('shows the first rows by name while the whole catalogue is on its way', async () => {
    let finish: (charts: ChartListItem[]) => void = () => {};
    const answer = listAnswer(CATALOGUE);
    fake.answer('charts/list', (input: ListInput) =>
      input.first !== undefined ? answer({ first: 2 }) : new Promise<ChartListItem[]>((r) => (finish = r)),
    );
    renderCharts();
    expect(await screen.findByText('First 2 charts; loading the others…')).toBeTruthy();
    expect(rowNames()).toEqual(['Shazam Discovery', 'Top 50 France']);
    finish(answer({}));
    expect(await screen.findByText('4 of 4 charts')).toBeTruthy();
    expect(rowNames()).toEqual(['Shazam Discovery', 'Top 50 France', 'Top 200 Global', 'Viral Mexico']);
  });
});
