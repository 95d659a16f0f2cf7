// @vitest-environment jsdom
import '../support/dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ScheduleDetailScreen } from '../../../renderer/src/screens/schedule-detail/schedule-detail-screen';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { executionView, progressEvent } from '../support/sample-views';
import { scheduleDetail } from './sample-detail';

let fake: FakeClient;

beforeEach(() => {
  fake = installFakeClient();
  window.location.hash = '';
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
});

const callsOf = (name: string) => fake.calls.filter((c) => c.name === name);
const toastTitles = () => useToasts.getState().toasts.map((t) => t.title);

async function open(detail = scheduleDetail()) {
  fake.answer('schedules/get', () => detail);
  render(<ScheduleDetailScreen id={1} />);
  await screen.findByRole('heading', { name: 'Top 200 Global', level: 2 });
}

describe('schedule detail', () => {
  it('shows configuration and statistics', async () => {
    await open(
      scheduleDetail({
        schedule: {
          attentionReason: 'The Soundcharts credentials were refused.',
          health: 'action_required',
          healthReason: 'The Soundcharts credentials were refused.',
        },
      }),
    );
    const config = screen.getByRole('region', { name: 'Configuration' });
    expect(within(config).getByText('Daily (every 24 hours)')).toBeTruthy();
    expect(within(config).getByText('40 days')).toBeTruthy();
    const stats = screen.getByRole('region', { name: 'Statistics' });
    expect(within(stats).getByText('90%').className).toContain('rate-good');
    expect(within(stats).getByText('1 min 5 s')).toBeTruthy();
    expect(within(stats).getByText(/Ranking of 23 Nov 2026/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(
      '⛔ Action requiredThe Soundcharts credentials were refused.',
    );
  });

  it('says the health in words: a callout when something is wrong, one line when all is well', async () => {
    await open(
      scheduleDetail({
        schedule: {
          health: 'retrying',
          healthReason: 'The last attempt failed. Retry 1 of 3 runs in 4 minutes.',
        },
      }),
    );
    const callout = screen.getByRole('status', { name: '' });
    expect(callout.getAttribute('data-health')).toBe('retrying');
    expect(callout.textContent).toMatch(/Retrying.*Retry 1 of 3 runs in 4 minutes/);
  });

  it('shows the reason of a healthy schedule without a callout', async () => {
    await open();
    expect(screen.getByText('Synced on schedule.').className).toBe('schedule-health');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('draws one coverage cell per period, coloured by state, with counts and dated tooltips', async () => {
    await open();
    const grid = screen.getByRole('group', { name: /Coverage/ });
    const cells = grid.querySelectorAll('[data-period]');
    expect(cells).toHaveLength(40);
    expect(grid.querySelectorAll('[data-state="missing"]')).toHaveLength(2);
    expect(grid.querySelectorAll('[data-state="failed"]')).toHaveLength(1);
    expect(screen.getByTestId('coverage-synced').textContent).toBe('37');
    expect(screen.getByTestId('coverage-missing').textContent).toBe('2');
    expect(screen.getByTestId('coverage-failed').textContent).toBe('1');
    expect(grid.querySelector('[data-period="2026-10-18"]')?.getAttribute('title')).toBe(
      '18 Oct 2026: missing',
    );
    expect(within(grid).getByText('Oct 2026')).toBeTruthy();
    expect(within(grid).getByText('Nov 2026')).toBeTruthy();
  });

  it('shows the period not ended yet as pending, apart from the gaps a backfill would fill', async () => {
    const detail = scheduleDetail();
    const periods = detail.coverage.periods.map((period, i, all) =>
      i === all.length - 1 ? { ...period, state: 'pending' as const } : period,
    );
    await open({
      ...detail,
      coverage: { ...detail.coverage, periods, synced: detail.coverage.synced - 1, pending: 1 },
    });
    const grid = screen.getByRole('group', { name: /Coverage/ });
    expect(grid.getAttribute('aria-label')).toBe('Coverage: 36 synced, 2 missing, 1 failed, 1 pending');
    expect(grid.querySelector('[data-period="2026-11-23"]')?.getAttribute('title')).toBe(
      '23 Nov 2026: pending (not ended yet)',
    );
    expect(screen.getByTestId('coverage-pending').textContent).toBe('1');
    expect(screen.getByText(/^3 periods not stored\./)).toBeTruthy();
  });

  it('previews a backfill (periods, incomplete ones, cost) and starts it only once confirmed', async () => {
    fake.answer('schedules/backfill-preview', () => ({
      periods: [
        { key: '2026-11-04', datetime: '2026-11-04T12:00:00+00:00', reason: 'missing', listed: true },
        { key: '2026-10-19', datetime: '2026-10-19T12:00:00+00:00', reason: 'incomplete', listed: true },
        { key: '2026-10-18', datetime: '2026-10-18T12:00:00+00:00', reason: 'missing', listed: true },
      ],
      requestCost: 6,
      listed: true,
    }));
    fake.answer('schedules/backfill', () =>
      executionView({ id: 77, trigger: 'backfill', status: 'pending' }),
    );
    await open();

    fireEvent.click(screen.getByRole('button', { name: 'Backfill missing' }));
    const panel = await screen.findByRole('region', { name: 'Backfill preview' });
    expect(callsOf('schedules/backfill')).toHaveLength(0);
    expect(within(panel).getByTestId('backfill-summary').textContent).toMatch(
      /3 periods to fetch, from 18 Oct 2026 to 4 Nov 2026; 1 of them incomplete.*about 6 requests/,
    );
    // One line per month, the days as runs: a year of daily periods stays 13 lines long.
    const items = within(
      within(panel).getByRole('list', { name: 'Periods to fetch, by month' }),
    ).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Oct 202618–192 periods1 incomplete',
      'Nov 202641 period',
    ]);

    fireEvent.click(within(panel).getByRole('button', { name: 'Backfill 3 periods' }));
    await waitFor(() =>
      expect(callsOf('schedules/backfill')).toEqual([{ name: 'schedules/backfill', input: { id: 1 } }]),
    );
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Backfill preview' })).toBeNull());
    expect(toastTitles()).toContain('Backfill started: execution #77');
  });

  it('cancelling the preview fetches nothing', async () => {
    fake.answer('schedules/backfill-preview', () => ({ periods: [], requestCost: 0, listed: true }));
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Backfill missing' }));
    const panel = await screen.findByRole('region', { name: 'Backfill preview' });
    expect(panel.textContent).toMatch(/Nothing to backfill/);
    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(callsOf('schedules/backfill')).toHaveLength(0);
  });

  it('Sync now and Deactivate call the schedule actions', async () => {
    const ok = {
      results: [
        {
          id: 1,
          label: 'chart 1',
          ok: true as const,
          outcome: 'done' as const,
          scheduleId: 1,
          executionId: 5,
        },
      ],
      succeeded: 1,
      skipped: 0,
      failed: 0,
    };
    fake.answer('schedules/sync-now', () => ok);
    fake.answer('schedules/set-active', () => ok);
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(callsOf('schedules/sync-now')[0]?.input).toEqual({ ids: [1] }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Deactivate' }).hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate' }));
    await waitFor(() =>
      expect(callsOf('schedules/set-active')[0]?.input).toEqual({ ids: [1], active: false }),
    );
    expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe('#/schedules/1/edit');
  });

  it('deletes after confirmation, then goes to the schedules', async () => {
    fake.answer('schedules/delete', () => ({
      results: [
        {
          id: 1,
          label: 'chart 1',
          ok: true as const,
          outcome: 'done' as const,
          scheduleId: 1,
          executionId: null,
        },
      ],
      succeeded: 1,
      skipped: 0,
      failed: 0,
    }));
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(useConfirmStore.getState().request?.danger).toBe(true));
    expect(callsOf('schedules/delete')).toHaveLength(0);
    useConfirmStore.getState().answer(true);
    await waitFor(() => expect(window.location.hash).toBe('#/schedules'));
    expect(callsOf('schedules/delete')[0]?.input).toEqual({ ids: [1] });
  });

  it('moves the running execution’s bar on progress events, and refetches on updates', async () => {
    const running = executionView({
      id: 9,
      status: 'running',
      completedAt: null,
      durationMs: null,
      periodsPlanned: 10,
      periodsSynced: 2,
    });
    await open(scheduleDetail({ executions: [running, executionView({ id: 8 })] }));
    const bar = screen.getByRole('progressbar', { name: 'Progress of execution 9' });
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    const gets = callsOf('schedules/get').length;

    fake.emit(
      'execution/progress',
      progressEvent({
        executionId: 9,
        scheduleId: 1,
        periodsPlanned: 10,
        periodsSynced: 6,
        periodsFailed: 1,
        lastPeriod: '2026-11-20',
      }),
    );
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('7'));
    // Progress of another schedule is not this page's business.
    fake.emit(
      'execution/progress',
      progressEvent({
        executionId: 9,
        scheduleId: 2,
        periodsPlanned: 10,
        periodsSynced: 9,
        periodsFailed: 0,
        lastPeriod: null,
      }),
    );
    expect(bar.getAttribute('aria-valuenow')).toBe('7');
    expect(callsOf('schedules/get')).toHaveLength(gets);

    fake.emit('execution/updated', { ...running, status: 'completed' });
    fake.emit('schedule/updated', { scheduleId: 1 });
    fake.emit('schedule/updated', { scheduleId: 2 });
    await waitFor(() => expect(callsOf('schedules/get')).toHaveLength(gets + 1));
  });

  it('links each execution to its page', async () => {
    await open(
      scheduleDetail({
        executions: [executionView({ id: 8, status: 'failed', errorMessage: 'Soundcharts answered 503.' })],
      }),
    );
    const table = screen.getByRole('table', { name: /Executions of Top 200 Global/ });
    expect(within(table).getByRole('link', { name: 'Execution 8' }).getAttribute('href')).toBe(
      '#/executions/8',
    );
    expect(within(table).getByText('Soundcharts answered 503.')).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Retry execution 8' })).toBeTruthy();
  });

  it('says clearly when the schedule does not exist', async () => {
    fake.answer('schedules/get', () => ({
      code: 'not_found' as const,
      message: 'Schedule 1 does not exist.',
    }));
    render(<ScheduleDetailScreen id={1} />);
    expect(await screen.findByText('Schedule 1 does not exist')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the schedules' }).getAttribute('href')).toBe(
      '#/schedules',
    );
  });
});

const PREVIEW = {
  periods: [
    { key: '2026-10-18', datetime: '2026-10-18T12:00:00+00:00', reason: 'missing' as const, listed: true },
  ],
  requestCost: 2,
  listed: true,
};

describe('schedule detail: backfill and focus', () => {
  it('moves the focus into the preview that replaces the Backfill missing button, and back on Cancel', async () => {
    fake.answer('schedules/backfill-preview', () => PREVIEW);
    await open();
    const start = screen.getByRole('button', { name: 'Backfill missing' });
    start.focus();
    fireEvent.click(start);
    const panel = await screen.findByRole('region', { name: 'Backfill preview' });
    await waitFor(() => expect(panel.contains(document.activeElement)).toBe(true));

    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Backfill missing' })),
    );
  });

  it('says what to check when Soundcharts cannot plan the backfill', async () => {
    fake.answer('schedules/backfill-preview', () => ({
      code: 'soundcharts_error' as const,
      message: 'Soundcharts could not plan the backfill of "Top 200 Global": the request timed out.',
    }));
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Backfill missing' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/the request timed out/);
    expect(alert.textContent).toMatch(/Check the Soundcharts credentials/);
  });
});

describe('schedule detail: live refresh', () => {
  it('says when a live refresh failed, keeping what it shows, and tries again on request', async () => {
    await open();
    fake.answer('schedules/get', () => ({ code: 'internal' as const, message: 'The engine is busy.' }));
    act(() => fake.emit('schedule/updated', { scheduleId: 1 }));
    const alert = await screen.findByText(/Could not refresh the schedule: The engine is busy\./);
    expect(screen.getByRole('region', { name: 'Configuration' })).toBeTruthy();

    fake.answer('schedules/get', () => scheduleDetail({ schedule: { historyWindowDays: 90 } }));
    fireEvent.click(
      within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Try again' }),
    );
    expect(await screen.findByText('90 days')).toBeTruthy();
    expect(screen.queryByText(/Could not refresh/)).toBeNull();
  });
});
