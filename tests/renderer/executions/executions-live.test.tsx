// @vitest-environment jsdom
import '../support/dom';
import { act, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../../renderer/src/components/confirm-dialog';
import { ExecutionDetailScreen } from '../../../renderer/src/screens/executions/execution-detail-screen';
import { ExecutionsScreen } from '../../../renderer/src/screens/executions/executions-screen';
import { useExecutionProgress } from '../../../renderer/src/screens/executions/use-execution-progress';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { ExecutionDetail, ExecutionListItem } from '../../../shared/views/execution-list';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartSummary, executionView, progressEvent } from '../support/sample-views';

let fake: FakeClient;

const item = (overrides: Partial<ExecutionListItem> = {}): ExecutionListItem => ({
  ...executionView(overrides),
  chart: chartSummary(),
  ...overrides,
});

const progress = (executionId: number, periodsSynced: number, lastPeriod: string | null) =>
  progressEvent({ executionId, periodsPlanned: 4, periodsSynced, lastPeriod });

const runningDetail = (overrides: Partial<ExecutionDetail> = {}): ExecutionDetail => ({
  ...item({
    id: 7,
    status: 'running',
    completedAt: null,
    durationMs: null,
    periodsPlanned: 4,
    periodsSynced: 1,
  }),
  syncedPeriods: ['2026-11-23'],
  timeline: [],
  ...overrides,
});

beforeEach(() => {
  fake = installFakeClient();
  fake.answer('charts/list', () => []);
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
  window.location.hash = '';
});

describe('Executions screen: deleted schedules', () => {
  it('drops the executions of a schedule deleted elsewhere (their history goes with it)', async () => {
    let items = [item({ id: 2, scheduleId: 2 }), item({ id: 1, scheduleId: 1 })];
    fake.answer('executions/list', () => ({ items, total: items.length }));
    render(<ExecutionsScreen filter={{}} />);
    await screen.findByRole('table', { name: /Executions/ });
    expect(document.querySelector('tr[data-execution="2"]')).not.toBeNull();

    items = items.filter((execution) => execution.scheduleId !== 2);
    act(() => fake.emit('schedule/removed', { scheduleId: 2, chartId: 2 }));
    await waitFor(() => expect(document.querySelector('tr[data-execution="2"]')).toBeNull());
  });
});

describe('Executions screen: catalogue changes', () => {
  it('offers newly discovered charts in the chart filter', async () => {
    fake.answer('executions/list', () => ({ items: [], total: 0 }));
    render(<ExecutionsScreen filter={{}} />);
    const picker = await screen.findByRole('combobox', { name: 'Chart' });
    await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false));
    fake.answer('charts/list', () => [
      {
        ...chartSummary({ id: 5, name: 'Fresh Chart' }),
        syncStatus: 'not_scheduled',
        health: null,
        healthReason: null,
        scheduleId: null,
        hasExecutions: false,
        lastSyncAt: null,
        nextSyncAt: null,
      },
    ]);
    act(() => fake.emit('charts/updated', { created: 1, updated: 0 }));
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'charts/list')).toHaveLength(2));
    act(() => picker.focus());
    expect(await screen.findByRole('option', { name: /Fresh Chart/ })).toBeTruthy();
  });
});

describe('Execution detail: live', () => {
  it('says the execution is gone when its schedule is deleted', async () => {
    fake.answer('executions/get', () => runningDetail({ scheduleId: 3 }));
    render(<ExecutionDetailScreen id={7} />);
    await screen.findByRole('heading', { name: 'Execution #7' });
    fake.answer('executions/get', () => ({
      code: 'not_found' as const,
      message: 'Execution 7 does not exist.',
    }));
    act(() => fake.emit('schedule/removed', { scheduleId: 3, chartId: 1 }));
    expect(await screen.findByText('Execution 7 does not exist')).toBeTruthy();
  });

  it('announces progress politely and says it in words', async () => {
    fake.answer('executions/get', () => runningDetail());
    render(<ExecutionDetailScreen id={7} />);
    const bar = await screen.findByRole('progressbar', { name: 'Progress of execution 7' });
    expect(bar.getAttribute('aria-valuetext')).toBe('1 of 4 periods');
    expect(bar.closest('[aria-live="polite"]')).not.toBeNull();
    act(() => fake.emit('execution/progress', progress(7, 2, '2026-11-22')));
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toBe('2 of 4 periods'));
  });

  it('counts rankings and tracks as they are stored', async () => {
    fake.answer('executions/get', () =>
      runningDetail({ rankingsCreated: 1, rankingsUpdated: 0, tracksCreated: 50, tracksUpdated: 0 }),
    );
    render(<ExecutionDetailScreen id={7} />);
    const results = await screen.findByRole('region', { name: 'Results' });
    act(() =>
      fake.emit(
        'execution/progress',
        progressEvent({
          executionId: 7,
          periodsPlanned: 4,
          periodsSynced: 2,
          rankingsCreated: 2,
          tracksCreated: 1_234,
          tracksUpdated: 7,
          lastPeriod: '2026-11-22',
        }),
      ),
    );
    await waitFor(() => expect(within(results).getByText('1,234')).toBeTruthy());
    const value = (term: string) => within(results).getByText(term).nextElementSibling?.textContent;
    expect(value('Rankings created')).toBe('2');
    expect(value('Tracks updated')).toBe('7');
  });

  it('lists each period as it is stored, not only when the run ends', async () => {
    fake.answer('executions/get', () => runningDetail());
    render(<ExecutionDetailScreen id={7} />);
    await screen.findByRole('list', { name: 'Synced (1)' });
    act(() => fake.emit('execution/progress', progress(7, 2, '2026-11-22')));
    const synced = await screen.findByRole('list', { name: 'Synced (2)' });
    expect(
      within(synced)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['2026-11-22', '2026-11-23']);
  });
});

describe('focus after cancelling', () => {
  /** Cancels execution 3 from its Cancel button, confirming with the dialog's own button. */
  async function cancelFrom(button: HTMLElement) {
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(useConfirmStore.getState().request).not.toBeNull());
    const dialog = document.querySelector('dialog')!;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel execution', hidden: true }));
  }

  it('moves to the Retry that replaces Cancel in the history row', async () => {
    let status: ExecutionListItem['status'] = 'running';
    fake.answer('executions/list', () => ({ items: [item({ id: 3, status })], total: 1 }));
    fake.answer('executions/cancel', () => {
      status = 'cancelled';
      return executionView({ id: 3, status });
    });
    render(
      <>
        <ExecutionsScreen filter={{}} />
        <ConfirmDialog />
      </>,
    );
    await cancelFrom(await screen.findByRole('button', { name: 'Cancel execution 3' }));
    const retry = await screen.findByRole('button', { name: 'Retry execution 3' });
    await waitFor(() => expect(document.activeElement).toBe(retry));
  });

  it('moves to the Retry that replaces Cancel on the detail page', async () => {
    let detail = runningDetail();
    fake.answer('executions/get', () => detail);
    fake.answer('executions/cancel', () => {
      detail = runningDetail({ status: 'cancelled' });
      return executionView({ id: 7, status: 'cancelled' });
    });
    render(
      <>
        <ExecutionDetailScreen id={7} />
        <ConfirmDialog />
      </>,
    );
    await cancelFrom(await screen.findByRole('button', { name: 'Cancel execution 7' }));
    const retry = await screen.findByRole('button', { name: 'Retry execution 7' });
    await waitFor(() => expect(document.activeElement).toBe(retry));
  });
});

describe('live refresh failures', () => {
  it('the detail page says its refresh failed while it keeps showing the execution', async () => {
    fake.answer('executions/get', () => runningDetail());
    render(<ExecutionDetailScreen id={7} />);
    await screen.findByRole('heading', { name: 'Execution #7' });
    fake.answer('executions/get', () => ({ code: 'internal' as const, message: 'The engine is busy.' }));
    act(() => fake.emit('execution/updated', executionView({ id: 7, status: 'completed' })));
    expect(await screen.findByText(/Could not refresh the execution: The engine is busy\./)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Execution #7' })).toBeTruthy();
  });

  it('the history says its refresh failed while it keeps showing the rows', async () => {
    fake.answer('executions/list', () => ({ items: [item({ id: 1 })], total: 1 }));
    render(<ExecutionsScreen filter={{}} />);
    await screen.findByRole('table', { name: /Executions/ });
    fake.answer('executions/list', () => ({ code: 'internal' as const, message: 'The engine is busy.' }));
    act(() => fake.emit('execution/updated', executionView({ id: 1, status: 'completed' })));
    expect(await screen.findByText(/Could not refresh the executions: The engine is busy\./)).toBeTruthy();
    expect(document.querySelector('tr[data-execution="1"]')).not.toBeNull();
  });
});

describe('progress of running executions', () => {
  it('forgets an execution once it has finished, so a long session does not pile them up', () => {
    const { result } = renderHook(() => useExecutionProgress());
    act(() => fake.emit('execution/progress', progress(9, 1, null)));
    expect(result.current.has(9)).toBe(true);
    act(() => fake.emit('execution/updated', executionView({ id: 9, status: 'completed' })));
    expect(result.current.has(9)).toBe(false);
  });
});
