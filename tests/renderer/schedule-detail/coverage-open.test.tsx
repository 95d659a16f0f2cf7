// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ScheduleDetailScreen } from '../../../renderer/src/screens/schedule-detail/schedule-detail-screen';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { CoveragePeriod } from '../../../shared/views/schedule-detail';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { rankingView } from '../support/sample-data-views';
import { executionView } from '../support/sample-views';
import { scheduleDetail } from './sample-detail';

let fake: FakeClient;

beforeEach(() => {
  fake = installFakeClient();
  window.location.hash = '#/schedules/1';
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
});

const cell = (period: string) =>
  document.querySelector<HTMLButtonElement>(`button[data-period="${period}"]`)!;

async function open(detail = scheduleDetail()) {
  fake.answer('schedules/get', () => detail);
  render(<ScheduleDetailScreen id={1} />);
  await screen.findByRole('heading', { name: 'Top 200 Global', level: 2 });
}

describe('coverage cells', () => {
  it('are buttons with one tab stop, moved by the arrow keys', async () => {
    await open();
    const cells = [...document.querySelectorAll<HTMLButtonElement>('button.coverage-cell')];
    expect(cells).toHaveLength(40);
    expect(cells.filter((c) => c.tabIndex === 0).map((c) => c.dataset.period)).toEqual(['2026-11-23']);
    cell('2026-11-23').focus();
    fireEvent.keyDown(cell('2026-11-23'), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(cell('2026-11-22'));
    fireEvent.keyDown(cell('2026-11-22'), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cell('2026-10-22'));
    fireEvent.keyDown(cell('2026-10-22'), { key: 'Home' });
    expect(document.activeElement).toBe(cell('2026-10-15'));
    expect(cell('2026-10-15').tabIndex).toBe(0);
    expect(cell('2026-11-23').tabIndex).toBe(-1);
  });

  it("open a synced day's ranking", async () => {
    await open();
    fireEvent.click(cell('2026-11-02'));
    expect(window.location.hash).toBe('#/charts/1/ranking?date=2026-11-02');
  });

  it("open the stored date of a synced week, found among the chart's dates", async () => {
    const detail = scheduleDetail();
    const periods: CoveragePeriod[] = [
      { key: '2026-W45', start: '2026-11-02', end: '2026-11-08', state: 'synced' },
      { key: '2026-W46', start: '2026-11-09', end: '2026-11-15', state: 'synced' },
    ];
    fake.answer('rankings/get', () => rankingView({ dates: ['2026-11-06', '2026-11-13'] }));
    await open({
      ...detail,
      coverage: { ...detail.coverage, frequency: 'weekly', periods, synced: 2, missing: 0, failed: 0 },
    });
    fireEvent.click(cell('2026-W46'));
    await waitFor(() => expect(window.location.hash).toBe('#/charts/1/ranking?date=2026-11-13'));
    fireEvent.click(cell('2026-W45'));
    await waitFor(() => expect(window.location.hash).toBe('#/charts/1/ranking?date=2026-11-06'));
    // The dates were read once.
    expect(fake.calls.filter((c) => c.name === 'rankings/get')).toEqual([
      { name: 'rankings/get', input: { chart: '1' } },
    ]);
  });

  it('offer to fetch a missing period with a backfill, saying it fetches every gap', async () => {
    fake.answer('schedules/backfill', () => executionView({ id: 42, trigger: 'backfill' }));
    await open();
    fireEvent.click(cell('2026-10-18'));
    await waitFor(() => expect(useConfirmStore.getState().request).not.toBeNull());
    const request = useConfirmStore.getState().request!;
    expect(request.title).toBe('Fetch 18 Oct 2026?');
    expect(request.message).toContain(
      'fetches every missing period of the history window, this one included',
    );
    expect(request.message).toContain('3 periods in all');
    expect(request.confirmLabel).toBe('Fetch 3 periods');

    useConfirmStore.getState().answer(false);
    await Promise.resolve();
    expect(fake.calls.some((c) => c.name === 'schedules/backfill')).toBe(false);

    fireEvent.click(cell('2026-11-04'));
    await waitFor(() => expect(useConfirmStore.getState().request?.title).toBe('Fetch 4 Nov 2026?'));
    useConfirmStore.getState().answer(true);
    await waitFor(() =>
      expect(useToasts.getState().toasts.map((t) => t.title)).toContain('Backfill started: execution #42'),
    );
    expect(fake.calls.filter((c) => c.name === 'schedules/backfill')).toEqual([
      { name: 'schedules/backfill', input: { id: 1 } },
    ]);
  });

  it('explain a pending period instead of fetching it', async () => {
    const detail = scheduleDetail();
    const periods = detail.coverage.periods.map((period, i, all) =>
      i === all.length - 1 ? { ...period, state: 'pending' as const } : period,
    );
    await open({ ...detail, coverage: { ...detail.coverage, periods, pending: 1 } });
    fireEvent.click(cell('2026-11-23'));
    expect((await screen.findByText(/has not ended yet/)).textContent).toMatch(
      /^23 Nov 2026 has not ended yet, so Soundcharts may not have published its ranking/,
    );
    expect(useConfirmStore.getState().request).toBeNull();
  });
});
