// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExecutionsScreen } from '../../../renderer/src/screens/executions/executions-screen';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { ExecutionListItem } from '../../../shared/views/execution-list';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartItem, chartSummary, executionView, progressEvent } from '../support/sample-views';

let fake: FakeClient;

const item = (overrides: Partial<ExecutionListItem> = {}): ExecutionListItem => ({
  ...executionView(overrides),
  chart: chartSummary(),
  ...overrides,
});

const running = item({
  id: 3,
  status: 'running',
  completedAt: null,
  durationMs: null,
  periodsPlanned: 20,
  periodsSynced: 4,
});
const failed = item({
  id: 2,
  status: 'failed',
  trigger: 'manual',
  errorMessage: 'Soundcharts refused the credentials (401). Check the app id and API key in Settings.',
  retryCount: 3,
});
const done = item({ id: 1 });

beforeEach(() => {
  fake = installFakeClient();
  fake.answer('charts/list', () => [
    chartItem({ id: 1 }),
    chartItem({ id: 2, name: 'Top 50 France', countryCode: 'FR', countryName: 'France' }),
  ]);
  fake.answer('executions/list', () => ({ items: [running, failed, done], total: 3 }));
  window.location.hash = '';
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
});

const listCalls = () => fake.calls.filter((c) => c.name === 'executions/list');
const rowOf = (id: number) => document.querySelector(`tr[data-execution="${id}"]`) as HTMLElement;

async function open(filter: Record<string, string> = {}) {
  const view = render(<ExecutionsScreen filter={filter} />);
  await screen.findByRole('table', { name: /Executions/ });
  return view;
}

describe('executions history', () => {
  it('lists executions with their chart, status, counts, retries and error', async () => {
    await open();
    expect(listCalls()[0]?.input).toEqual({ limit: 100, offset: 0 });
    const row = within(rowOf(2));
    expect(row.getByRole('link', { name: 'Execution 2' }).getAttribute('href')).toBe('#/executions/2');
    expect(row.getByRole('link', { name: 'Top 200 Global' }).getAttribute('href')).toBe('#/schedules/1');
    expect(row.getByText('Failed')).toBeTruthy();
    expect(row.getByText('Manual')).toBeTruthy();
    expect(row.getByText('2,000 / 0')).toBeTruthy();
    expect(row.getByText('3 / 3')).toBeTruthy();
    const error = row.getByText(/refused the credentials/);
    expect(error.getAttribute('title')).toBe(failed.errorMessage);
    expect(screen.getByText('1–3 of 3')).toBeTruthy();
  });

  it('says "already up to date" for a completed run that had nothing to fetch, not "0 / 0"', async () => {
    const upToDate = item({
      id: 4,
      periodsPlanned: 0,
      periodsSynced: 0,
      rankingsCreated: 0,
      tracksCreated: 0,
    });
    fake.answer('executions/list', () => ({ items: [upToDate, done], total: 2 }));
    await open();
    const row = within(rowOf(4));
    expect(row.getByText('Completed')).toBeTruthy();
    const periods = rowOf(4).querySelectorAll('td')[6]!;
    expect(periods.textContent).toBe('already up to date');
    expect(within(rowOf(1)).queryByText('already up to date')).toBeNull();
  });

  it('writes each filter into the URL, back at the first page', async () => {
    await open({ offset: '100' });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failed' } });
    expect(window.location.hash).toBe('#/executions?status=failed');

    fireEvent.change(screen.getByLabelText('Trigger'), { target: { value: 'backfill' } });
    expect(window.location.hash).toBe('#/executions?trigger=backfill');

    // Dates are typed as the app writes them ("1 Nov 2026"), whatever the browser's locale; the URL keeps ISO.
    const from = screen.getByLabelText('From') as HTMLInputElement;
    expect(from.type).toBe('text');
    fireEvent.change(from, { target: { value: '1 nov 2026' } });
    fireEvent.blur(from);
    expect(window.location.hash).toBe('#/executions?from=2026-11-01');
    expect(from.value).toBe('1 Nov 2026');
    fireEvent.change(from, { target: { value: '11/01/2026' } });
    fireEvent.keyDown(from, { key: 'Enter' });
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Write a date as 1 Nov 2026.');
    expect(window.location.hash).toBe('#/executions?from=2026-11-01');

    const chart = await screen.findByRole('combobox', { name: 'Chart' });
    await waitFor(() => expect(chart.hasAttribute('disabled')).toBe(false));
    fireEvent.focus(chart);
    fireEvent.change(chart, { target: { value: 'france' } });
    fireEvent.click(screen.getByRole('option', { name: /Top 50 France/ }));
    expect(window.location.hash).toBe('#/executions?chartId=2');
  });

  it('asks the engine for what the URL says', async () => {
    const { rerender } = await open();
    rerender(
      <ExecutionsScreen filter={{ status: 'failed', chartId: '2', from: '2026-11-01', to: '2026-11-30' }} />,
    );
    await waitFor(() =>
      expect(listCalls().at(-1)?.input).toEqual({
        status: 'failed',
        chartId: 2,
        from: new Date(2026, 10, 1).getTime(),
        to: new Date(2026, 11, 1).getTime(),
        limit: 100,
        offset: 0,
      }),
    );
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('failed');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('1 Nov 2026');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('30 Nov 2026');
    expect((screen.getByRole('combobox', { name: 'Chart' }) as HTMLInputElement).value).toMatch(
      /Top 50 France/,
    );
  });

  it('pages through the history', async () => {
    fake.answer('executions/list', ({ offset = 0 }) => ({
      items: Array.from({ length: offset === 200 ? 50 : 100 }, (_, i) => item({ id: 1000 - offset - i })),
      total: 250,
    }));
    const { rerender } = await open();
    expect(screen.getByText('1–100 of 250')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(window.location.hash).toBe('#/executions?offset=100');
    rerender(<ExecutionsScreen filter={{ offset: '200' }} />);
    expect(await screen.findByText('201–250 of 250')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
  });

  it('retries a failed execution', async () => {
    fake.answer('executions/retry', ({ id }) => executionView({ id: 50 + id, status: 'pending' }));
    await open();
    expect(within(rowOf(1)).queryByRole('button', { name: /Retry/ })).toBeNull();
    fireEvent.click(within(rowOf(2)).getByRole('button', { name: 'Retry execution 2' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'executions/retry')?.input).toEqual({ id: 2 }),
    );
    await waitFor(() =>
      expect(useToasts.getState().toasts.map((t) => t.title)).toContain('Retry started: execution #52'),
    );
  });

  it('cancels a running execution once confirmed', async () => {
    fake.answer('executions/cancel', ({ id }) => executionView({ id, status: 'cancelled' }));
    await open();
    fireEvent.click(within(rowOf(3)).getByRole('button', { name: 'Cancel execution 3' }));
    await waitFor(() => expect(useConfirmStore.getState().request?.title).toBe('Cancel execution #3?'));
    expect(fake.calls.some((c) => c.name === 'executions/cancel')).toBe(false);
    useConfirmStore.getState().answer(true);
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'executions/cancel')?.input).toEqual({ id: 3 }),
    );
    await waitFor(() =>
      expect(useToasts.getState().toasts.map((t) => t.title)).toContain('Execution #3 cancelled'),
    );
  });

  it('moves the progress bar on progress events, and refetches once on a burst of updates', async () => {
    await open();
    const bar = within(rowOf(3)).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
    const before = listCalls().length;
    fake.emit(
      'execution/progress',
      progressEvent({
        executionId: 3,
        scheduleId: 1,
        periodsPlanned: 20,
        periodsSynced: 11,
        periodsFailed: 0,
        lastPeriod: '2026-11-10',
      }),
    );
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('11'));
    expect(within(rowOf(3)).getByText('11 / 20')).toBeTruthy();
    expect(listCalls()).toHaveLength(before);

    fake.emit('execution/updated', executionView({ id: 4, status: 'pending' }));
    fake.emit('execution/updated', executionView({ id: 4, status: 'running' }));
    await waitFor(() => expect(listCalls()).toHaveLength(before + 1));
  });

  it('says there is nothing yet when nothing ever ran', async () => {
    fake.answer('executions/list', () => ({ items: [], total: 0 }));
    render(<ExecutionsScreen filter={{}} />);
    expect(await screen.findByText('No executions yet')).toBeTruthy();
    expect(screen.getByText(/Schedules run on their own/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('says nothing matches, and clears the filters', async () => {
    fake.answer('executions/list', () => ({ items: [], total: 0 }));
    render(<ExecutionsScreen filter={{ status: 'cancelled', offset: '0' }} />);
    expect(await screen.findByText('No executions match these filters')).toBeTruthy();
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    fireEvent.click(clear.at(-1)!);
    expect(window.location.hash).toBe('#/executions');
  });

  it('shows an error with Try again', async () => {
    let fail = true;
    fake.answer('executions/list', () =>
      fail ? { code: 'internal' as const, message: 'The database is busy.' } : { items: [done], total: 1 },
    );
    render(<ExecutionsScreen filter={{}} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/The database is busy/);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: /Executions/ })).toBeTruthy();
  });

  it('refuses a date range that ends before it starts, without asking the engine', async () => {
    render(<ExecutionsScreen filter={{ from: '2026-11-10', to: '2026-11-01' }} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/after the "to" date/);
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
    expect(listCalls()).toHaveLength(0);
  });
});
