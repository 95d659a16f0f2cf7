// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExecutionDetailScreen } from '../../../renderer/src/screens/executions/execution-detail-screen';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { ExecutionDetail } from '../../../shared/views/execution-list';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartSummary, executionView, UI_NOW, progressEvent } from '../support/sample-views';

let fake: FakeClient;

function detail(overrides: Partial<ExecutionDetail> = {}): ExecutionDetail {
  return {
    ...executionView({
      id: 7,
      status: 'failed',
      errorCode: 'server_error',
      errorMessage: 'Soundcharts answered 503 three times.',
      periodsPlanned: 4,
      periodsSynced: 2,
      periodsFailed: 2,
      failedPeriods: ['2026-11-21', '2026-11-20'],
      retryCount: 3,
    }),
    chart: chartSummary(),
    syncedPeriods: ['2026-11-23', '2026-11-22'],
    timeline: [
      {
        id: 1,
        at: UI_NOW - 3_600_000,
        action: 'execution.started',
        chartId: 1,
        chartSlug: 'top-200-global',
        scheduleId: 1,
        executionId: 7,
        trigger: 'scheduled',
        actor: 'scheduler',
        result: 'info',
        message: 'Sync started',
        detail: null,
      },
      {
        id: 2,
        at: UI_NOW - 3_000_000,
        action: 'execution.failed',
        chartId: 1,
        chartSlug: 'top-200-global',
        scheduleId: 1,
        executionId: 7,
        trigger: 'scheduled',
        actor: 'scheduler',
        result: 'error',
        message: 'Gave up after 3 retries',
        detail: null,
      },
    ],
    ...overrides,
  };
}

beforeEach(() => {
  fake = installFakeClient();
  useToasts.setState({ toasts: [] });
});

describe('execution detail', () => {
  it.each([
    ['failed', 'server_error', 'Error: server_error'],
    ['cancelled', 'cancelled', 'Cancelled'],
    ['interrupted', 'interrupted', 'Interrupted'],
  ] as const)('titles the outcome of a %s execution as "%s"', async (status, errorCode, title) => {
    fake.answer('executions/get', () => detail({ status, errorCode, errorMessage: 'What happened.' }));
    render(<ExecutionDetailScreen id={7} />);
    await screen.findByRole('heading', { name: 'Execution #7' });
    expect(screen.getByRole('note').querySelector('strong')?.textContent).toBe(title);
  });

  it('shows the error, counts, periods and timeline', async () => {
    fake.answer('executions/get', () => detail());
    render(<ExecutionDetailScreen id={7} />);
    await screen.findByRole('heading', { name: 'Execution #7' });
    expect(screen.getByRole('note').textContent).toMatch(/server_error.*Soundcharts answered 503/);
    const results = screen.getByRole('region', { name: 'Results' });
    expect(within(results).getByText('2,000')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Synced (2)' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['2026-11-22', '2026-11-23']);
    expect(within(screen.getByRole('list', { name: 'Failed (2)' })).getAllByRole('listitem')).toHaveLength(2);
    const timeline = screen.getByRole('table', { name: /oldest first/ });
    expect(within(timeline).getByText('Gave up after 3 retries')).toBeTruthy();
    expect(within(timeline).getByText('Failed')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Top 200 Global' }).getAttribute('href')).toBe('#/schedules/1');
  });

  it('says how many requests it sent and which failed, and why (defect 7.1)', async () => {
    fake.answer('executions/get', () =>
      detail({ requestsMade: 312, requestsFailed: 41, requestFailures: { timeout: 3, '503': 38 } }),
    );
    render(<ExecutionDetailScreen id={7} />);
    await screen.findByRole('heading', { name: 'Execution #7' });
    const results = screen.getByRole('region', { name: 'Results' });
    expect(within(results).getByText('312 requests, 41 failed (503 ×38, timeout ×3)')).toBeTruthy();
  });

  it('names the chart of its schedule, not "Schedule 1"', async () => {
    fake.answer('executions/get', () => detail());
    render(<ExecutionDetailScreen id={7} />);
    const run = await screen.findByRole('region', { name: 'Run' });
    const link = within(run).getByRole('link', {
      name: 'Top 200 Global · spotify · GLOBAL (top-200-global)',
    });
    expect(link.getAttribute('href')).toBe('#/schedules/1');
    expect(run.textContent).not.toMatch(/Schedule 1/);
  });

  it('says "schedule deleted" for an execution whose schedule is gone, still naming its chart', async () => {
    fake.answer('executions/get', () => detail({ scheduleId: null }));
    render(<ExecutionDetailScreen id={7} />);
    const run = await screen.findByRole('region', { name: 'Run' });
    expect(run.textContent).toContain(
      'Top 200 Global · spotify · GLOBAL (top-200-global) (schedule deleted)',
    );
    // The schedule is gone: the only link leads to the chart's executions, not to a schedule page.
    const links = within(run).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/executions?chartId=1']);
    const chart = screen.getByRole('link', { name: 'Top 200 Global' });
    expect(chart.getAttribute('href')).toBe('#/executions?chartId=1');
  });

  it('says "already up to date" for a completed run that had nothing to fetch', async () => {
    fake.answer('executions/get', () =>
      detail({
        status: 'completed',
        errorCode: null,
        errorMessage: null,
        periodsPlanned: 0,
        periodsSynced: 0,
        periodsFailed: 0,
        failedPeriods: [],
        syncedPeriods: [],
      }),
    );
    render(<ExecutionDetailScreen id={7} />);
    await screen.findByRole('heading', { name: 'Execution #7' });
    expect(screen.getByRole('note').textContent).toMatch(/^Already up to date/);
  });

  it('retries from the detail page', async () => {
    fake.answer('executions/get', () => detail());
    fake.answer('executions/retry', () => executionView({ id: 8, status: 'pending' }));
    render(<ExecutionDetailScreen id={7} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry execution 7' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'executions/retry')?.input).toEqual({ id: 7 }),
    );
  });

  it('follows a running execution live', async () => {
    let current = detail({
      status: 'running',
      errorCode: null,
      errorMessage: null,
      completedAt: null,
      durationMs: null,
      periodsSynced: 1,
      periodsFailed: 0,
      failedPeriods: [],
      retryCount: 0,
    });
    fake.answer('executions/get', () => current);
    render(<ExecutionDetailScreen id={7} />);
    const bar = await screen.findByRole('progressbar', { name: 'Progress of execution 7' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    fake.emit(
      'execution/progress',
      progressEvent({
        executionId: 7,
        scheduleId: 1,
        periodsPlanned: 4,
        periodsSynced: 3,
        periodsFailed: 0,
        lastPeriod: '2026-11-21',
      }),
    );
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('3'));
    expect(screen.getByText('Last period stored: 2026-11-21')).toBeTruthy();

    current = detail({
      status: 'completed',
      errorCode: null,
      errorMessage: null,
      periodsSynced: 4,
      periodsFailed: 0,
      failedPeriods: [],
    });
    fake.emit('execution/updated', current);
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.getByText('Completed', { selector: '.badge' })).toBeTruthy();
  });

  it('says when the execution does not exist', async () => {
    fake.answer('executions/get', () => ({
      code: 'not_found' as const,
      message: 'Execution 7 does not exist.',
    }));
    render(<ExecutionDetailScreen id={7} />);
    expect(await screen.findByText('Execution 7 does not exist')).toBeTruthy();
  });
});
