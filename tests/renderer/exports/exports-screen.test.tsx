// @vitest-environment jsdom
import '../support/dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Toasts } from '../../../renderer/src/components/toasts';
import { ExportDialog } from '../../../renderer/src/screens/exports/export-dialog';
import { openExportDialog, useExportDialog } from '../../../renderer/src/screens/exports/export-dialog-store';
import { ExportsScreen } from '../../../renderer/src/screens/exports/exports-screen';
import { useApp } from '../../../renderer/src/store/app-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import { headlessHost, setHost } from '../../../renderer/src/transport/host';
import type { CallInput } from '../../../shared/contract/calls';
import type { ExportView } from '../../../shared/views/export';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartItem } from '../support/sample-views';
import { exportView } from './sample-exports';

let fake: FakeClient;
let stored: ExportView[];
let started: CallInput<'exports/start'>[];

function renderScreen() {
  return render(
    <>
      <ExportsScreen />
      <ExportDialog />
      <Toasts />
    </>,
  );
}

const rowOf = (id: number) => {
  const row = document.querySelector<HTMLElement>(`[data-export-id="${id}"]`);
  if (!row) throw new Error(`No row for export ${id}`);
  return row;
};

beforeEach(() => {
  window.location.hash = '#/exports';
  useToasts.setState({ toasts: [] });
  useExportDialog.setState({ preset: null });
  useApp.setState({ status: null });
  setHost(null);
  fake = installFakeClient();
  started = [];
  stored = [
    exportView({
      id: 3,
      status: 'running',
      rows: 0,
      bytes: 0,
      totalRows: 10_000,
      completedAt: null,
      destination: '/data/exports/rankings-3.csv',
    }),
    exportView({ id: 2, status: 'failed', error: 'The disk is full.', rows: 12, bytes: 300 }),
    exportView({ id: 1, dataset: 'backup', format: null, destination: '/data/exports/backup-1.sqlite' }),
  ];
  fake.answer('exports/list', () => ({ items: stored, total: stored.length, limit: 50, offset: 0 }));
  fake.answer('exports/cancel', ({ id }) => {
    const view = stored.find((s) => s.id === id)!;
    Object.assign(view, { status: 'cancelled', completedAt: view.startedAt + 1_000 });
    return view;
  });
  fake.answer('charts/list', () => [
    chartItem({ id: 7, slug: 'global-28', name: 'Top Songs', scheduleId: 1 }),
    chartItem({ id: 8, slug: 'fr-42', name: 'Top 50', countryName: 'France' }),
  ]);
  fake.answer('exports/start', (input) => {
    started.push(input);
    return exportView({ id: 4, status: 'running', rows: 0, completedAt: null });
  });
});

afterEach(() => setHost(null));

describe('Exports screen', () => {
  it('lists every export with its filters in words, its file, who and its outcome', async () => {
    renderScreen();
    await screen.findByRole('list', { name: 'Exports' });
    expect(within(rowOf(1)).getByText('Backup')).toBeTruthy();
    expect(within(rowOf(1)).getByText('the whole database')).toBeTruthy();
    expect(within(rowOf(1)).getByText('/data/exports/backup-1.sqlite')).toBeTruthy();
    expect(rowOf(2).textContent).toContain('chart global-28 · 1 Nov 2026 to 20 Nov 2026');
    expect(within(rowOf(2)).getByText('The disk is full.')).toBeTruthy();
    expect(rowOf(2).textContent).toContain('by Screens');
    // A backup copies the whole database: its size says it all, no row count.
    expect(rowOf(1).textContent).not.toContain('rows');
    expect(rowOf(1).textContent).toContain('412 KB');
    expect(rowOf(2).textContent).toContain('stopped after 12 rows, no file kept');
    expect(rowOf(2).textContent).not.toContain('300 bytes');
    expect(screen.getByText('3 exports')).toBeTruthy();
    // The desktop app (no download capability) offers the path to copy, never a link that cannot work.
    expect(within(rowOf(1)).queryByRole('link', { name: /Download/ })).toBeNull();
    expect(within(rowOf(1)).getByRole('button', { name: 'Copy the path of backup-1.sqlite' })).toBeTruthy();
    expect(within(rowOf(2)).queryByRole('button', { name: /Copy the path/ })).toBeNull();
  });

  it('moves the bar of a running export on progress events, and Cancel cancels it', async () => {
    renderScreen();
    await screen.findByRole('list', { name: 'Exports' });
    const bar = within(rowOf(3)).getByRole('progressbar', { name: 'Progress of export #3' });
    expect(bar.getAttribute('aria-valuetext')).toBe('0 of 10,000 rows');
    act(() => fake.emit('export/progress', { id: 3, rows: 2_500, bytes: 80_000, totalRows: 10_000 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('2500');
    expect(bar.getAttribute('aria-valuetext')).toBe('2,500 of 10,000 rows');
    expect(rowOf(3).textContent).toContain('80 KB written');

    fireEvent.click(within(rowOf(3)).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'exports/cancel')).toBe(true));
    expect(fake.calls.find((c) => c.name === 'exports/cancel')?.input).toEqual({ id: 3 });
    await waitFor(() => expect(rowOf(3).dataset.status).toBe('cancelled'));
    expect(within(rowOf(3)).queryByRole('progressbar')).toBeNull();
    expect(within(rowOf(3)).queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('follows export/updated: a new export appears without a reload', async () => {
    renderScreen();
    await screen.findByRole('list', { name: 'Exports' });
    const added = exportView({ id: 9, dataset: 'songs', format: 'xlsx', status: 'completed' });
    stored = [added, ...stored];
    act(() => fake.emit('export/updated', added));
    await waitFor(() => expect(rowOf(9).textContent).toContain('Songs · XLSX'));
  });

  it('offers Download in the browser, a link to the host that streams the file', async () => {
    setHost(headlessHost({ protocol: 'http:', host: '127.0.0.1:5757' }, 'tok/en'));
    renderScreen();
    await screen.findByRole('list', { name: 'Exports' });
    const link = within(rowOf(1)).getByRole('link', { name: 'Download backup-1.sqlite' });
    expect(link.getAttribute('href')).toBe('http://127.0.0.1:5757/api/exports/1/file?token=tok%2Fen');
    expect(link.getAttribute('download')).toBe('backup-1.sqlite');
    expect(within(rowOf(2)).queryByRole('link', { name: /Download/ })).toBeNull();
    expect(within(rowOf(3)).queryByRole('link', { name: /Download/ })).toBeNull();
  });

  it('says what an export is when there is none yet', async () => {
    stored = [];
    renderScreen();
    await screen.findByRole('heading', { name: 'No exports yet' });
  });
});

describe('New export dialog', () => {
  const dialog = () => screen.getByRole('dialog', { hidden: true });

  it('starts an export with what was chosen, closes, and shows Exports', async () => {
    useApp.setState({
      status: { databaseFile: '/data/chart-sync.sqlite' } as never,
    });
    window.location.hash = '#/charts';
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'New export' }));
    const d = dialog();
    expect(within(d).getByText('/data/exports')).toBeTruthy();
    fireEvent.change(within(d).getByLabelText('Dataset', { selector: 'select' }), {
      target: { value: 'audience' },
    });
    fireEvent.click(within(d).getByRole('radio', { name: 'TSV', hidden: true }));
    const picker = await within(d).findByRole('combobox', { name: 'Charts', hidden: true });
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'charts/list')).toBe(true));
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: 'fr-42' } });
    fireEvent.click(await within(d).findByRole('option', { name: /Top 50/, hidden: true }));
    expect(within(d).getByRole('button', { name: /Remove Top 50/, hidden: true })).toBeTruthy();
    const from = within(d).getByLabelText('From');
    fireEvent.change(from, { target: { value: '1 Nov 2026' } });
    fireEvent.blur(from);
    fireEvent.click(within(d).getByRole('checkbox', { name: 'BOM for Excel', hidden: true }));
    fireEvent.click(within(d).getByRole('button', { name: 'Start export', hidden: true }));

    await waitFor(() => expect(started).toHaveLength(1));
    expect(started[0]).toEqual({
      dataset: 'audience',
      format: 'tsv',
      charts: ['fr-42'],
      from: '2026-11-01',
      sinceLast: false,
      bom: true,
    });
    await waitFor(() => expect(useExportDialog.getState().preset).toBeNull());
    expect(window.location.hash).toBe('#/exports');
    await screen.findByText('Export #4 started');
  });

  it('opens prefilled from another screen, and hides what a backup does not take', async () => {
    renderScreen();
    act(() => openExportDialog({ dataset: 'rankings', charts: ['global-28', 'fr-42'] }));
    const d = dialog();
    await within(d).findByRole('button', { name: /Remove Top Songs/, hidden: true });
    expect(within(d).getByRole('button', { name: /Remove Top 50/, hidden: true })).toBeTruthy();
    fireEvent.change(within(d).getByLabelText('Dataset', { selector: 'select' }), {
      target: { value: 'backup' },
    });
    expect(within(d).queryByRole('radio', { name: 'CSV', hidden: true })).toBeNull();
    expect(within(d).queryByRole('combobox', { name: 'Charts', hidden: true })).toBeNull();
    expect(within(d).queryByRole('checkbox', { name: 'BOM for Excel', hidden: true })).toBeNull();
    fireEvent.click(within(d).getByRole('button', { name: 'Start export', hidden: true }));
    await waitFor(() => expect(started).toEqual([{ dataset: 'backup' }]));
  });

  it('shows a long selection of charts in part, all on request, and clears it at once', async () => {
    const slugs = Array.from({ length: 20 }, (_, i) => `chart-${i + 1}`);
    renderScreen();
    act(() => openExportDialog({ charts: slugs }));
    const chosen = within(dialog()).getByRole('list', { name: 'Charts chosen', hidden: true });
    expect(within(chosen).getAllByRole('button', { name: /^Remove /, hidden: true })).toHaveLength(12);
    fireEvent.click(within(chosen).getByRole('button', { name: 'and 8 more', hidden: true }));
    expect(within(chosen).getAllByRole('button', { name: /^Remove /, hidden: true })).toHaveLength(20);
    fireEvent.click(within(chosen).getByRole('button', { name: 'Clear all', hidden: true }));
    expect(within(dialog()).queryByRole('list', { name: 'Charts chosen', hidden: true })).toBeNull();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Start export', hidden: true }));
    await waitFor(() => expect(started).toHaveLength(1));
    expect(started[0]!.charts).toEqual([]);
  });

  it('shows the engine’s refusal under the field it names, and stays open', async () => {
    fake.answer('exports/start', () => ({
      code: 'invalid_input',
      message: 'The folder /nope does not exist.',
      fields: { out: 'The folder /nope does not exist: create it first, or choose another.' },
    }));
    renderScreen();
    act(() => openExportDialog());
    const d = dialog();
    fireEvent.click(within(d).getByRole('radio', { name: 'Another file', hidden: true }));
    const out = within(d).getByLabelText('Path of the file');
    fireEvent.change(out, { target: { value: '/nope/r.csv' } });
    fireEvent.click(within(d).getByRole('button', { name: 'Start export', hidden: true }));
    const problem = await within(d).findByText(
      'The folder /nope does not exist: create it first, or choose another.',
    );
    expect(out.getAttribute('aria-invalid')).toBe('true');
    expect(out.getAttribute('aria-describedby')).toContain(problem.id);
    expect(useExportDialog.getState().preset).not.toBeNull();
    // Changing the path clears the engine's word on it.
    fireEvent.change(out, { target: { value: '/tmp/r.csv' } });
    expect(within(d).queryByText(/does not exist/)).toBeNull();
  });

  it('refuses a backwards range before asking the engine', async () => {
    renderScreen();
    act(() => openExportDialog({ from: '2026-12-01', to: '2026-11-01' }));
    const d = dialog();
    fireEvent.click(within(d).getByRole('button', { name: 'Start export', hidden: true }));
    await within(d).findByText('The start date must not be after the end date.');
    expect(started).toEqual([]);
    expect(within(d).getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
  });
});
