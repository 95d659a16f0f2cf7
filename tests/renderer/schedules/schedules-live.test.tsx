// @vitest-environment jsdom
import '../support/dom';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { resync } from '../../../renderer/src/transport/api';
import { renderSchedules, resetSchedulesUi } from './render-schedules';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartSummary, executionView, scheduleView } from '../support/sample-views';

const SCHEDULES: ScheduleView[] = [
  scheduleView({ id: 1, chart: chartSummary({ id: 1, name: 'Top 200 Global' }) }),
  scheduleView({ id: 2, chart: chartSummary({ id: 2, name: 'Top 50 France' }) }),
  scheduleView({ id: 3, chart: chartSummary({ id: 3, name: 'Viral Mexico' }) }),
];

let fake: FakeClient;
const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });
const grid = () => screen.getByRole('grid', { name: 'Sync schedules' });

beforeEach(() => {
  resetSchedulesUi();
  fake = installFakeClient();
  fake.answer('schedules/list', () => SCHEDULES);
  fake.answer('executions/list', () => ({ items: [], total: 0 }));
});

describe('Schedules screen: state kept while away', () => {
  it('drops a running indicator whose execution finished while another screen was shown', async () => {
    fake.answer('executions/list', ({ status }) =>
      status === 'running'
        ? {
            items: [
              { ...executionView({ id: 50, scheduleId: 1, status: 'running' }), chart: chartSummary() },
            ],
            total: 1,
          }
        : { items: [], total: 0 },
    );
    renderSchedules();
    await waitFor(() => expect(within(row('Top 200 Global')).getByText('Running')).toBeTruthy());

    // The operator goes to another screen; the run ends meanwhile, and this screen hears nothing of it.
    cleanup();
    fake.emit('execution/updated', executionView({ id: 50, scheduleId: 1, status: 'completed' }));
    fake.answer('executions/list', () => ({ items: [], total: 0 }));

    renderSchedules();
    await screen.findByText('3 of 3 schedules');
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.name === 'executions/list').length).toBeGreaterThanOrEqual(4),
    );
    await act(async () => {});
    expect(within(row('Top 200 Global')).queryByText('Running')).toBeNull();
  });

  it('fetches again when the connection comes back, since events sent while it was down are lost', async () => {
    renderSchedules();
    await screen.findByText('3 of 3 schedules');
    fake.answer('schedules/list', () => SCHEDULES.slice(0, 2));
    act(() => resync());
    expect(await screen.findByText('2 of 2 schedules')).toBeTruthy();
  });
});

describe('Schedules screen: focus after actions', () => {
  it('puts the focus on a row of the list after a row is deleted, not on the page', async () => {
    fake.answer('schedules/delete', ({ ids }) => ({
      results: ids.map((id) => ({
        id,
        label: `chart ${id}`,
        ok: true as const,
        outcome: 'done' as const,
        scheduleId: id,
        executionId: null,
      })),
      succeeded: ids.length,
      skipped: 0,
      failed: 0,
    }));
    renderSchedules();
    await screen.findByText('3 of 3 schedules');
    const remove = within(row('Top 50 France')).getByRole('button', { name: 'Delete Top 50 France' });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(useConfirmStore.getState().request).not.toBeNull());
    // Confirmed the way the operator does it, with the dialog's own button.
    const dialog = document.querySelector('dialog')!;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete', hidden: true }));
    await screen.findByText('2 of 2 schedules');
    await waitFor(() => expect(document.activeElement?.tagName).toBe('TR'));
    expect(grid().contains(document.activeElement)).toBe(true);
  });

  it('puts the focus back on the list when a bulk action empties the selection and its bar closes', async () => {
    fake.answer('schedules/set-active', ({ ids }) => ({
      results: ids.map((id) => ({
        id,
        label: `chart ${id}`,
        ok: true as const,
        outcome: 'done' as const,
        scheduleId: id,
        executionId: null,
      })),
      succeeded: ids.length,
      skipped: 0,
      failed: 0,
    }));
    renderSchedules();
    await screen.findByText('3 of 3 schedules');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Top 200 Global' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Viral Mexico' }));
    const bar = screen.getByRole('region', { name: 'Actions on selected schedules' });
    const deactivate = within(bar).getByRole('button', { name: 'Deactivate' });
    deactivate.focus();
    fireEvent.click(deactivate);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Actions on selected schedules' })).toBeNull(),
    );
    await waitFor(() => expect(document.activeElement?.tagName).toBe('TR'));
    expect(grid().contains(document.activeElement)).toBe(true);
  });

  it('puts the focus back on the list after Clear selection', async () => {
    renderSchedules();
    await screen.findByText('3 of 3 schedules');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Top 200 Global' }));
    const clear = screen.getByRole('button', { name: 'Clear selection' });
    clear.focus();
    fireEvent.click(clear);
    await waitFor(() => expect(document.activeElement?.tagName).toBe('TR'));
    expect(grid().contains(document.activeElement)).toBe(true);
  });

  it('puts the focus in the search box after Clear filters', async () => {
    renderSchedules();
    await screen.findByText('3 of 3 schedules');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'france' } });
    await screen.findByText('1 of 3 schedules');
    const clear = within(screen.getByRole('search')).getByRole('button', { name: 'Clear filters' });
    clear.focus();
    fireEvent.click(clear);
    await screen.findByText('3 of 3 schedules');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });
});
