// @vitest-environment jsdom
import '../support/dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlotProps } from '../../../renderer/src/components/plot/plot-types';
import { ANALYTICS_REFETCH_DEBOUNCE_MS } from '../../../renderer/src/screens/analytics/analytics-live';
import { AnalyticsScreen } from '../../../renderer/src/screens/analytics/analytics-screen';
import type { CallInput } from '../../../shared/contract/calls';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { executionView } from '../support/sample-views';
import { analyticsView, CYCLE_END, quotaPlan } from './sample-analytics';

// uPlot draws on a canvas jsdom does not have: the stand-in lists what it was given, series by series.
vi.mock('../../../renderer/src/components/plot/uplot-canvas', () => ({
  default: (props: PlotProps) => (
    <ul data-testid="plot-canvas" aria-label={`${props.title} canvas`}>
      {props.series.map((s) => (
        <li key={s.label}>{`${s.label}: ${s.values.map((v) => v ?? '·').join(' ')}`}</li>
      ))}
    </ul>
  ),
}));

let fake: FakeClient;
let overviewInputs: CallInput<'analytics/overview'>[];
let view = analyticsView();
let plan = quotaPlan();

beforeEach(() => {
  fake = installFakeClient();
  overviewInputs = [];
  view = analyticsView();
  plan = quotaPlan();
  fake.answer('analytics/overview', (input) => {
    overviewInputs.push(input);
    return view;
  });
  fake.answer('analytics/quota-plan', () => plan);
  window.location.hash = '#/analytics';
});
afterEach(() => vi.useRealTimers());

const figure = (title: string) => screen.getByRole('figure', { name: title });

async function open(filter: Record<string, string> = {}) {
  const rendered = render(<AnalyticsScreen filter={filter} />);
  await screen.findByRole('figure', { name: 'Executions per day by status' });
  await screen.findByRole('table', { name: 'Projected requests per schedule' });
  return rendered;
}

describe('Analytics screen', () => {
  it('shows the totals, and each plot with its caption and its numbers in words', async () => {
    await open();
    const totals = screen.getByLabelText('Totals of the range');
    expect(within(totals).getByText('Executions').nextSibling?.textContent).toBe('7');
    expect(within(totals).getByText('Requests').nextSibling?.textContent).toBe('1,500');
    expect(within(totals).getByText('Quota remaining').nextSibling?.textContent).toBe('47,700');

    expect(figure('Executions per day by status').textContent).toContain(
      '7 executions ended: 5 completed, 1 failed, 0 interrupted, 1 cancelled.',
    );
    // uPlot's canvas is loaded lazily.
    await within(figure('Executions per day by status')).findByText('Completed: 3 0 2');
    expect(within(figure('Success rate per day')).getByText('Success rate: 75 · 100')).toBeTruthy();
    expect(figure('Duration per day: median and p95 (dashed)').textContent).toContain('p95: 90000 · 35000');
    expect(figure('Requests per day and quota remaining').textContent).toContain(
      'Quota remaining: 48000 · 47700',
    );

    const days = screen.getByRole('table', { name: 'Numbers per day' });
    const rows = within(days).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual([
      '23 Nov 2026',
      '22 Nov 2026',
      '21 Nov 2026',
    ]);
    expect(rows[2]!.textContent).toContain('75%');
  });

  it('lists freshness stalest first, linking to each ranking, and what needs a look', async () => {
    await open();
    const freshness = screen.getByRole('list', { name: 'Data freshness per chart' });
    const items = within(freshness).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-state'))).toEqual(['never', 'stale', 'fresh']);
    expect(within(items[1]!).getByRole('link', { name: 'Top France' }).getAttribute('href')).toBe(
      '#/charts/fr-weekly/ranking',
    );
    expect(items[1]!.textContent).toContain('28 days old; a new period every 7 days (newest 26 Oct 2026)');
    expect(
      screen.getByText('2 of 3 scheduled charts are behind. The mark on each bar is one period.'),
    ).toBeTruthy();

    const attention = screen.getByRole('list', { name: 'Overdue and failing schedules' });
    expect(within(attention).getByRole('link', { name: 'Top France' }).getAttribute('href')).toBe(
      '#/schedules/2',
    );
    expect(attention.textContent).toContain('No successful sync for 28 days');

    const slowest = screen.getByRole('table', { name: 'Slowest charts' });
    expect(within(slowest).getAllByRole('row')[1]!.textContent).toContain('1 min 40 s');
  });

  it('asks for the range the URL says, and the presets and dates change the URL', async () => {
    await open({ from: '2026-11-01', to: '2026-11-30' });
    expect(overviewInputs[0]).toMatchObject({
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 11, 1).getTime(),
    });
    expect(screen.getByRole('button', { name: '30 days' }).getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: '7 days' }));
    expect(window.location.hash).toBe('#/analytics?days=7');

    const from = screen.getByLabelText('From') as HTMLInputElement;
    expect(from.value).toBe('1 Nov 2026');
    fireEvent.change(from, { target: { value: '5 Nov 2026' } });
    fireEvent.blur(from);
    expect(window.location.hash).toBe('#/analytics?from=2026-11-05&to=2026-11-30');
  });

  it('says what is wrong with a range the engine would refuse, and does not ask for it', async () => {
    await open({ from: '2026-11-01', to: '2026-11-30' });
    window.location.hash = '#/analytics?from=2026-11-01&to=2026-11-30';
    const from = screen.getByLabelText('From');
    fireEvent.change(from, { target: { value: '2 Dec 2026' } });
    fireEvent.blur(from);
    expect(screen.getByRole('alert').textContent).toBe('The start date must not be after the end date.');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(window.location.hash).toBe('#/analytics?from=2026-11-01&to=2026-11-30');
  });

  it('fetches again once a burst of execution, ranking and schedule events has settled', async () => {
    await open();
    expect(overviewInputs).toHaveLength(1);
    view = analyticsView({
      totals: { ...view.totals, executions: 8 },
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    act(() => {
      fake.emit('execution/updated', executionView({ id: 8 }));
      fake.emit('execution/updated', executionView({ id: 8, status: 'running' }));
      fake.emit('rankings/stored', { chartId: 1, date: '2026-11-23' });
      fake.emit('schedule/updated', { scheduleId: 1 });
      fake.emit('app/external-change', {});
    });
    act(() => vi.advanceTimersByTime(ANALYTICS_REFETCH_DEBOUNCE_MS - 1));
    expect(overviewInputs).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1));
    vi.useRealTimers();
    await waitFor(() => expect(screen.getByText('Executions').nextSibling?.textContent).toBe('8'));
    expect(overviewInputs).toHaveLength(2);
  });
});

describe('Quota planner', () => {
  it('shows the plan, the cycle and a row per schedule, sortable', async () => {
    await open();
    const planner = screen.getByRole('region', { name: 'Quota planner' });
    expect(within(planner).getByText('Plan quota').nextSibling?.textContent).toBe('50,000');
    expect(within(planner).getByText('Cycle ends').nextSibling?.textContent).toBe('1 Dec 2026 8 days left');
    expect(within(planner).getByText('Projected to cycle end').nextSibling?.textContent).toBe('108');
    expect(within(planner).getByRole('status').textContent).toContain('Enough quota until the cycle ends');

    const table = within(planner).getByRole('table', { name: 'Projected requests per schedule' });
    const names = () =>
      within(table)
        .getAllByRole('row')
        .slice(1, 4)
        .map((r) => r.querySelector('a')?.textContent);
    expect(names()).toEqual(['Top Songs', 'Top France', 'Ambient Monthly']);
    fireEvent.click(within(table).getByRole('button', { name: /Schedule/ }));
    expect(names()).toEqual(['Ambient Monthly', 'Top France', 'Top Songs']);
    expect(
      within(table)
        .getByRole('columnheader', { name: /Schedule/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
    expect(within(table).getAllByRole('row')[2]!.textContent).toContain('Estimate');
    expect(within(table).getByText('Audience on demand').closest('tr')!.textContent).toContain('30');
  });

  it('warns when the quota runs out before the cycle ends', async () => {
    plan = quotaPlan({ exhaustsAt: CYCLE_END - 2 * 86_400_000 });
    await open();
    const planner = screen.getByRole('region', { name: 'Quota planner' });
    expect(within(planner).getByRole('alert').textContent).toMatch(
      /^At this rate the quota runs out on \d+ Nov 2026, 2 days before the cycle ends/,
    );
  });
});
