// @vitest-environment jsdom
import '../support/dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { RankingScreen } from '../../../renderer/src/screens/ranking/ranking-screen';
import { LIVE_REFETCH_DEBOUNCE_MS } from '../../../renderer/src/components/use-debounced-callback';
import type { CallInput } from '../../../shared/contract/calls';
import type { RankingView } from '../../../shared/views/ranking';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { rankingEntry, rankingView } from '../support/sample-data-views';
import { chartSummary, scheduleView } from '../support/sample-views';

let fake: FakeClient;
let inputs: CallInput<'rankings/get'>[];
let answer: (input: CallInput<'rankings/get'>) => RankingView | { code: 'not_found'; message: string };

beforeEach(() => {
  window.location.hash = '#/charts/7/ranking';
  fake = installFakeClient();
  inputs = [];
  answer = () => rankingView();
  fake.answer('rankings/get', (input) => {
    inputs.push(input);
    return answer(input);
  });
});

const grid = () => screen.getByRole('grid', { name: 'Ranking of Top Songs' });

describe('ranking screen', () => {
  it('shows the chart, the date and the entries with movement marks, linking each song', async () => {
    render(<RankingScreen chart="7" date={null} />);
    await screen.findByRole('heading', { level: 2, name: 'Top Songs' });
    expect(inputs).toEqual([{ chart: '7' }]);
    expect(screen.getByTestId('ranking-date').textContent).toBe('22 Nov 2026');
    expect(screen.getByText(/spotify · Worldwide · published daily/)).toBeTruthy();
    const table = grid();
    expect(within(table).getByRole('columnheader', { name: 'Streams' })).toBeTruthy();
    expect(table.getAttribute('aria-rowcount')).toBe('201');
    // Rows are opened, not selected.
    expect(table.getAttribute('aria-multiselectable')).toBeNull();
    expect(table.querySelector('tr[aria-selected]')).toBeNull();
    const first = within(table).getAllByRole('row')[1]!;
    expect(first.textContent).toContain('Déjà Vu');
    expect(first.textContent).toContain('Beyoncé');
    expect(first.textContent).toContain('USAT20000001');
    expect(first.textContent).toContain('999,000');
    expect(first.textContent).toContain('1 day');
    expect(within(first).getByRole('link', { name: 'Déjà Vu' }).getAttribute('href')).toBe('#/songs/song-1');
    const marks = within(table)
      .getAllByRole('row')
      .slice(1, 6)
      .map((row) => row.querySelector('.movement [aria-hidden]')?.textContent);
    expect(marks).toEqual(['▲ 3', '▼ 1', '=', 'NEW', 'RE']);
    expect(screen.getByText('200 entries')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Schedule and coverage' }).getAttribute('href')).toBe(
      '#/schedules/3',
    );
  });

  it('moves between stored dates with the buttons, the picker and the [ ] keys', async () => {
    render(<RankingScreen chart="global-28" date="2026-11-22" />);
    await screen.findByRole('heading', { level: 2, name: 'Top Songs' });
    const picker = screen.getByRole('combobox', { name: 'Stored date' }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
    ]);
    fireEvent.click(screen.getByRole('button', { name: /Previous/ }));
    expect(window.location.hash).toBe('#/charts/global-28/ranking?date=2026-11-21');
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(window.location.hash).toBe('#/charts/global-28/ranking?date=2026-11-23');
    fireEvent.change(picker, { target: { value: '2026-11-20' } });
    expect(window.location.hash).toBe('#/charts/global-28/ranking?date=2026-11-20');
    fireEvent.keyDown(document.body, { key: '[' });
    expect(window.location.hash).toBe('#/charts/global-28/ranking?date=2026-11-21');
    fireEvent.keyDown(document.body, { key: ']' });
    expect(window.location.hash).toBe('#/charts/global-28/ranking?date=2026-11-23');
    // Not while typing in the search box.
    window.location.hash = '#/x';
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: '[' });
    expect(window.location.hash).toBe('#/x');
  });

  it('disables previous at the oldest date and next at the newest', async () => {
    answer = () => rankingView({ previousDate: null, nextDate: null, dates: ['2026-11-22'] });
    render(<RankingScreen chart="7" date={null} />);
    await screen.findByRole('heading', { level: 2, name: 'Top Songs' });
    expect((screen.getByRole('button', { name: /Previous/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: /Next/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('searches within the ranking, accents and CJK included', async () => {
    render(<RankingScreen chart="7" date={null} />);
    await screen.findByRole('heading', { level: 2, name: 'Top Songs' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search this ranking' }), {
      target: { value: 'deja' },
    });
    await screen.findByText('1 of 200 entries');
    expect(within(grid()).getAllByRole('row')).toHaveLength(2);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '夜に駆ける' } });
    await screen.findByText('1 of 200 entries');
    expect(within(grid()).getByRole('link', { name: '夜に駆ける' })).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'nothing like this' } });
    await screen.findByRole('heading', { name: 'No entry matches' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    await screen.findByText('200 entries');
  });

  it('badges an incomplete snapshot', async () => {
    answer = () =>
      rankingView({ complete: false, reportedTotal: 200, entries: [1, 2, 3].map((p) => rankingEntry(p)) });
    render(<RankingScreen chart="7" date={null} />);
    expect((await screen.findByText(/Incomplete/)).textContent).toBe('Incomplete: 3 of 200 entries');
  });

  it('refreshes when a period of this chart is stored, not another chart', async () => {
    render(<RankingScreen chart="7" date={null} />);
    await screen.findByRole('heading', { level: 2, name: 'Top Songs' });
    answer = () => rankingView({ date: '2026-11-23', nextDate: null, previousDate: '2026-11-22' });
    act(() => fake.emit('rankings/stored', { chartId: 99, date: '2026-11-23' }));
    await new Promise((resolve) => setTimeout(resolve, LIVE_REFETCH_DEBOUNCE_MS * 2));
    expect(inputs).toHaveLength(1);
    act(() => fake.emit('rankings/stored', { chartId: 7, date: '2026-11-23' }));
    await waitFor(() => expect(screen.getByTestId('ranking-date').textContent).toBe('23 Nov 2026'));
    expect(inputs).toHaveLength(2);
  });

  it('says what to do when nothing is stored: the schedule, or create one', async () => {
    answer = () => ({ code: 'not_found', message: 'Top Songs (global-28) has no stored ranking yet.' });
    fake.answer('charts/sync-status', () => ({
      chart: chartSummary({ id: 7, name: 'Top Songs' }),
      syncStatus: 'active',
      health: 'never_synced',
      healthReason: 'Not synced yet.',
      schedule: scheduleView({ id: 3 }),
      latestExecution: null,
    }));
    const { unmount } = render(<RankingScreen chart="global-28" date={null} />);
    await screen.findByRole('heading', { name: 'No ranking of Top Songs stored yet' });
    expect(screen.getByText('Top Songs (global-28) has no stored ranking yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'its schedule' }).getAttribute('href')).toBe('#/schedules/3');
    unmount();

    fake.answer('charts/sync-status', () => ({
      chart: chartSummary({ id: 7, name: 'Top Songs' }),
      syncStatus: 'not_scheduled',
      health: null,
      healthReason: null,
      schedule: null,
      latestExecution: null,
    }));
    render(<RankingScreen chart="global-28" date="2026-01-02" />);
    await screen.findByRole('heading', { name: 'No ranking of Top Songs stored for 2 Jan 2026' });
    expect(screen.getByRole('link', { name: 'Create a schedule' }).getAttribute('href')).toBe(
      '#/schedules/new?chartId=7',
    );
    expect(screen.getByRole('link', { name: 'Open the latest stored ranking' }).getAttribute('href')).toBe(
      '#/charts/global-28/ranking',
    );
  });

  it('says when the chart itself does not exist', async () => {
    answer = () => ({ code: 'not_found', message: 'No chart "nope": give its id or slug.' });
    fake.answer('charts/sync-status', () => ({ code: 'not_found', message: 'No chart "nope".' }));
    render(<RankingScreen chart="nope" date={null} />);
    await screen.findByRole('heading', { name: 'No such chart' });
    expect(screen.getByRole('link', { name: 'Charts' }).getAttribute('href')).toBe('#/charts');
  });
});

describe('ranking without a metric', () => {
  it('leaves the metric column out when no entry carries one', async () => {
    answer = () =>
      rankingView({
        chart: { ...rankingView().chart, metricType: null, metricDescription: null },
        entries: [1, 2].map((p) => rankingEntry(p, { metric: null })),
      });
    render(<RankingScreen chart="7" date={null} />);
    await screen.findByRole('heading', { level: 2, name: 'Top Songs' });
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['#', 'Move', 'Title', 'Artists', 'ISRC', 'On chart', 'Peak']);
  });
});
