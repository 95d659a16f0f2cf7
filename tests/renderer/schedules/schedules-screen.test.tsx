// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleDetail } from '../../../shared/views/schedule-detail';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import { renderSchedules, resetSchedulesUi } from './render-schedules';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartSummary, executionView, scheduleView, UI_NOW } from '../support/sample-views';

const HOUR = 3_600_000;
const SCHEDULES: ScheduleView[] = [
  scheduleView({
    id: 1,
    chart: chartSummary({ id: 1, name: 'Top 200 Global' }),
    successRate: 90,
    totalExecutions: 10,
    successfulExecutions: 9,
    failedExecutions: 1,
  }),
  scheduleView({
    id: 2,
    chart: chartSummary({ id: 2, name: 'Top 50 France', countryCode: 'FR', countryName: 'France' }),
    syncFrequency: 'custom',
    customIntervalHours: 6,
    intervalMs: 6 * HOUR,
    status: 'active',
    health: 'action_required',
    healthReason: 'The last 3 runs failed: Soundcharts refused the credentials.',
    successRate: 40,
    totalExecutions: 5,
    successfulExecutions: 2,
    failedExecutions: 3,
    attentionReason: 'The last 3 runs failed: Soundcharts refused the credentials.',
  }),
  scheduleView({
    id: 3,
    chart: chartSummary({ id: 3, name: 'Viral Mexico', platform: 'apple-music', countryName: 'Mexico' }),
    syncFrequency: 'cron',
    cronExpression: '0 6 * * 1',
    timeZone: 'America/Mexico_City',
    isActive: false,
    status: 'inactive',
    health: 'paused',
    healthReason: 'Paused: no syncs run until it is resumed.',
    successRate: null,
    totalExecutions: 0,
    successfulExecutions: 0,
    failedExecutions: 0,
    lastSyncAt: null,
  }),
  scheduleView({
    id: 4,
    chart: chartSummary({ id: 4, name: 'Shazam France', platform: 'shazam' }),
    syncFrequency: 'weekly',
    status: 'overdue',
    health: 'overdue',
    healthReason: 'No successful sync for 16 days: more than twice its interval of 7 days.',
    successRate: 75,
  }),
];

let fake: FakeClient;
const callsOf = (name: string) => fake.calls.filter((c) => c.name === name);
const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });
const rowNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('.schedule-chart')?.textContent);
const detail = (schedule: ScheduleView) => ({ schedule }) as ScheduleDetail;

beforeEach(() => {
  resetSchedulesUi();
  fake = installFakeClient();
  fake.answer('schedules/list', () => SCHEDULES);
  fake.answer('executions/list', () => ({ items: [], total: 0 }));
});

describe('Schedules screen: list', () => {
  it("shows the original admin's columns for each schedule", async () => {
    renderSchedules();
    expect(screen.getByText('Loading schedules…')).toBeTruthy();
    expect(await screen.findByText('4 of 4 schedules')).toBeTruthy();
    expect(rowNames()).toEqual(['Shazam France', 'Top 50 France', 'Top 200 Global', 'Viral Mexico']);

    const global = row('Top 200 Global');
    expect(within(global).getByRole('link', { name: 'Top 200 Global' }).getAttribute('href')).toBe(
      '#/schedules/1',
    );
    expect(within(global).getByText('spotify · Global')).toBeTruthy();
    expect(within(global).getByText('Daily')).toBeTruthy();
    expect(within(global).getByText('On time')).toBeTruthy();
    expect(within(global).getByText('Synced on schedule.')).toBeTruthy();
    expect(within(global).getByText('90%').className).toContain('rate-good');
    expect(within(global).getByText('10 total')).toBeTruthy();
    expect(within(global).getByText('9 ok')).toBeTruthy();
    expect(within(global).getByText('1 failed')).toBeTruthy();
    expect(within(global).getByRole('link', { name: 'Edit Top 200 Global' }).getAttribute('href')).toBe(
      '#/schedules/1/edit',
    );
    expect(within(global).getByRole('button', { name: 'Deactivate Top 200 Global' })).toBeTruthy();

    const france = row('Top 50 France');
    expect(within(france).getByText('Every 6 h')).toBeTruthy();
    const actionRequired = within(france).getByText('Action required');
    expect(actionRequired.className).toContain('health-action_required');
    expect(actionRequired.title).toBe('The last 3 runs failed: Soundcharts refused the credentials.');
    expect(within(france).getByText('40%').className).toContain('rate-bad');
    expect(within(france).getByText(/Soundcharts refused the credentials/).className).toContain(
      'health-reason',
    );

    const mexico = row('Viral Mexico');
    expect(within(mexico).getByText('0 6 * * 1').tagName).toBe('CODE');
    expect(within(mexico).getByText('0 6 * * 1').nextElementSibling?.textContent).toBe('America/Mexico_City');
    expect(within(mexico).getByText('Paused: no syncs run until it is resumed.')).toBeTruthy();
    expect(within(mexico).getByText('Never')).toBeTruthy();
    // The health and the next sync both say so.
    expect(within(mexico).getAllByText('Paused')).toHaveLength(2);
    expect(within(mexico).getByText('—')).toBeTruthy();
    expect(within(mexico).getByRole('button', { name: 'Activate Viral Mexico' })).toBeTruthy();

    expect(within(row('Shazam France')).getByText('Overdue').className).toContain('health-overdue');
    expect(within(row('Shazam France')).getByText(/more than twice its interval of 7 days/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New schedule' }).getAttribute('href')).toBe('#/schedules/new');
  });

  it('filters by status and search, with counts, and clears the filters', async () => {
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    const status = screen.getByRole('combobox', { name: 'Status' });
    expect(within(status).getByRole('option', { name: '⚠ Overdue (1)' })).toBeTruthy();
    expect(within(status).getByRole('option', { name: '✖ Failing (0)' })).toBeTruthy();
    fireEvent.change(status, { target: { value: 'action_required' } });
    await waitFor(() => expect(rowNames()).toEqual(['Top 50 France']));
    fireEvent.change(status, { target: { value: 'overdue' } });
    await waitFor(() => expect(rowNames()).toEqual(['Shazam France']));
    expect(screen.getByText('1 of 4 schedules')).toBeTruthy();

    const search = screen.getByRole('searchbox', { name: /Search schedules/ });
    expect(search.hasAttribute('data-search')).toBe(true);
    fireEvent.change(search, { target: { value: 'shazam' } });
    await waitFor(() => expect(rowNames()).toEqual(['Shazam France']));

    fireEvent.change(search, { target: { value: 'viral' } });
    expect(await screen.findByText('No schedules match these filters')).toBeTruthy();
    const empty = screen.getByText('No schedules match these filters').closest('.empty-state') as HTMLElement;
    fireEvent.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('4 of 4 schedules');
  });

  it('sorts by a column with aria-sort', async () => {
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    const success = screen.getByRole('columnheader', { name: /Success/ });
    fireEvent.click(within(success).getByRole('button'));
    expect(success.getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames()).toEqual(['Top 50 France', 'Shazam France', 'Top 200 Global', 'Viral Mexico']);
    fireEvent.click(within(success).getByRole('button'));
    expect(success.getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()).toEqual(['Top 200 Global', 'Shazam France', 'Top 50 France', 'Viral Mexico']);
  });

  it('says how to schedule charts when there are none', async () => {
    fake.answer('schedules/list', () => []);
    renderSchedules();
    expect(await screen.findByText('No charts are scheduled yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Charts' }).getAttribute('href')).toBe('#/charts');
    expect(screen.getByText(/select charts and choose/).textContent).toContain('Add to sync schedule');
  });

  it('shows an error with Try again', async () => {
    fake.answer('schedules/list', () => ({ code: 'internal', message: 'The engine stopped.' }));
    renderSchedules();
    expect(await screen.findByText('The engine stopped.')).toBeTruthy();
    fake.answer('schedules/list', () => SCHEDULES);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('4 of 4 schedules')).toBeTruthy();
  });
});

describe('Schedules screen: actions', () => {
  it('deactivates one schedule from its row and refreshes that row', async () => {
    fake.answer('schedules/set-active', (input) => ({
      results: input.ids.map((id) => ({
        id,
        label: `chart ${id}`,
        ok: true as const,
        outcome: 'done' as const,
        scheduleId: id,
        executionId: null,
      })),
      succeeded: input.ids.length,
      skipped: 0,
      failed: 0,
    }));
    fake.answer('schedules/get', ({ id }) =>
      detail({
        ...SCHEDULES.find((s) => s.id === id)!,
        isActive: false,
        status: 'inactive',
        health: 'paused',
      }),
    );
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Top 200 Global' }));
    expect(await screen.findByText('Deactivated: 1 schedule')).toBeTruthy();
    expect(callsOf('schedules/set-active')[0]?.input).toEqual({ ids: [1], active: false });
    await waitFor(() => expect(within(row('Top 200 Global')).getAllByText('Paused')).toHaveLength(2));
    expect(
      within(row('Top 200 Global')).getByRole('button', { name: 'Activate Top 200 Global' }),
    ).toBeTruthy();
    expect(callsOf('schedules/get').map((c) => c.input)).toEqual([{ id: 1 }]);
    expect(callsOf('schedules/list')).toHaveLength(1);
  });

  it('asks before deleting a schedule, and drops the row when deleted', async () => {
    fake.answer('schedules/delete', (input) => ({
      results: input.ids.map((id) => ({
        id,
        label: `chart ${id}`,
        ok: true as const,
        outcome: 'done' as const,
        scheduleId: id,
        executionId: null,
      })),
      succeeded: input.ids.length,
      skipped: 0,
      failed: 0,
    }));
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Top 50 France' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('Delete the schedule of Top 50 France?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(within(dialog).queryByText(/Delete the schedule/)).toBeNull());
    expect(callsOf('schedules/delete')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete Top 50 France' }));
    const confirmButton = await within(dialog).findByRole('button', { name: 'Delete', hidden: true });
    expect(confirmButton.className).toContain('danger');
    fireEvent.click(confirmButton);
    expect(await screen.findByText('Deleted: 1 schedule')).toBeTruthy();
    expect(callsOf('schedules/delete')[0]?.input).toEqual({ ids: [2] });
    expect(screen.getByText('3 of 3 schedules')).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Top 50 France/ })).toBeNull();
  });

  it('syncs a selection, reports a partial failure and shows the started run as waiting', async () => {
    fake.answer('schedules/sync-now', () => ({
      results: [
        { id: 1, label: 'chart 1', ok: true, outcome: 'done', scheduleId: 1, executionId: 71 },
        {
          id: 3,
          label: 'Viral · spotify · MX (mx-viral)',
          ok: false,
          outcome: 'failed',
          error: { code: 'invalid_state', message: 'Viral Mexico is paused.' },
        },
      ],
      succeeded: 1,
      skipped: 0,
      failed: 1,
    }));
    fake.answer('schedules/get', ({ id }) => detail(SCHEDULES.find((s) => s.id === id)!));
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Top 200 Global' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Viral Mexico' }));
    const bar = screen.getByRole('region', { name: 'Actions on selected schedules' });
    expect(within(bar).getByText('2 schedules selected')).toBeTruthy();
    fireEvent.click(within(bar).getByRole('button', { name: 'Sync now' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sync started: 1 schedule; 1 failed');
    expect(alert.textContent).toContain('Viral Mexico is paused.');
    expect(callsOf('schedules/sync-now')[0]?.input).toEqual({ ids: [1, 3] });
    expect(within(row('Top 200 Global')).getByText('Waiting')).toBeTruthy();
    // The failed one stays selected for another try.
    expect(screen.getByText('1 schedule selected')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Select Viral Mexico' }) as HTMLInputElement).checked).toBe(
      true,
    );

    fake.emit('execution/updated', executionView({ id: 71, scheduleId: 1, status: 'running' }));
    await waitFor(() => expect(within(row('Top 200 Global')).getByText('Running')).toBeTruthy());
    fake.emit('execution/updated', executionView({ id: 71, scheduleId: 1, status: 'completed' }));
    await waitFor(() => expect(within(row('Top 200 Global')).queryByText('Running')).toBeNull());
  });

  it('deletes a selection after confirmation', async () => {
    fake.answer('schedules/delete', (input) => ({
      results: input.ids.map((id) => ({
        id,
        label: `chart ${id}`,
        ok: true as const,
        outcome: 'done' as const,
        scheduleId: id,
        executionId: null,
      })),
      succeeded: input.ids.length,
      skipped: 0,
      failed: 0,
    }));
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 4 matching schedules' }));
    const bar = screen.getByRole('region', { name: 'Actions on selected schedules' });
    fireEvent.click(within(bar).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('Delete 4 schedules?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete', hidden: true }));
    expect(await screen.findByText('Deleted: 4 schedules')).toBeTruthy();
    expect(await screen.findByText('No charts are scheduled yet')).toBeTruthy();
  });
});

describe('Schedules screen: live updates', () => {
  it('re-reads a changed schedule once for a burst of its events', async () => {
    fake.answer('schedules/get', ({ id }) =>
      detail({ ...SCHEDULES.find((s) => s.id === id)!, successRate: 55, lastSyncAt: UI_NOW }),
    );
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    fake.emit('schedule/updated', { scheduleId: 4 });
    fake.emit('schedule/updated', { scheduleId: 4 });
    fake.emit('schedule/updated', { scheduleId: 4 });
    await waitFor(() => expect(within(row('Shazam France')).getByText('55%')).toBeTruthy());
    expect(callsOf('schedules/get')).toHaveLength(1);
    expect(callsOf('schedules/list')).toHaveLength(1);
  });

  it('fetches the list again for a schedule it does not know, or for many at once', async () => {
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    const added = scheduleView({ id: 9, chart: chartSummary({ id: 9, name: 'Brand New Chart' }) });
    fake.answer('schedules/list', () => [...SCHEDULES, added]);
    fake.emit('schedule/updated', { scheduleId: 9 });
    expect(await screen.findByText('5 of 5 schedules')).toBeTruthy();
    expect(callsOf('schedules/get')).toHaveLength(0);

    for (let id = 1; id <= 9; id++) fake.emit('schedule/updated', { scheduleId: id });
    await waitFor(() => expect(callsOf('schedules/list')).toHaveLength(3));
    expect(callsOf('schedules/get')).toHaveLength(0);
  });

  it('drops a removed schedule and its selection at once', async () => {
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Viral Mexico' }));
    fake.emit('schedule/removed', { scheduleId: 3, chartId: 3 });
    expect(await screen.findByText('3 of 3 schedules')).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Viral Mexico/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Actions on selected schedules' })).toBeNull();
  });

  it('shows runs already in progress when the screen opens', async () => {
    fake.answer('executions/list', (input) => ({
      items:
        input.status === 'running'
          ? [{ ...executionView({ id: 5, scheduleId: 2, status: 'running' }), chart: SCHEDULES[1]!.chart }]
          : [],
      total: input.status === 'running' ? 1 : 0,
    }));
    renderSchedules();
    await screen.findByText('4 of 4 schedules');
    await waitFor(() => expect(within(row('Top 50 France')).getByText('Running')).toBeTruthy());
    fake.emit('execution/updated', executionView({ id: 5, scheduleId: 2, status: 'failed' }));
    await waitFor(() => expect(within(row('Top 50 France')).queryByText('Running')).toBeNull());
  });
});

describe('Schedules screen with 10,000 schedules', () => {
  it('renders only a window of rows', async () => {
    fake.answer('schedules/list', () =>
      Array.from({ length: 10_000 }, (_, i) =>
        scheduleView({ id: i + 1, chart: chartSummary({ id: i + 1, name: `Chart ${i + 1}` }) }),
      ),
    );
    renderSchedules();
    expect(await screen.findByText('10,000 of 10,000 schedules')).toBeTruthy();
    const rendered = document.querySelectorAll('tbody tr[data-index]').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByRole('grid', { name: 'Sync schedules' }).getAttribute('aria-rowcount')).toBe('10001');
  });
});
