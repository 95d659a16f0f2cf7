import { describe, expect, it } from 'vitest';
import {
  describeFilters,
  exportsFolderOf,
  exportTitle,
  fileName,
  formatBytes,
  hasFile,
  liveCounts,
  progressText,
} from '../../../renderer/src/screens/exports/export-labels';
import type { ExportFilters, ExportView } from '../../../shared/views/export';
import { exportView } from './sample-exports';

const NO_FILTERS: ExportFilters = { charts: [], from: null, to: null, sinceLast: false, bom: false };

describe('describeFilters', () => {
  it.each<[string, Partial<ExportFilters>, string[]]>([
    ['nothing', {}, ['every scheduled chart', 'all dates']],
    ['one chart', { charts: ['global-28'] }, ['chart global-28', 'all dates']],
    ['five charts', { charts: ['a', 'b', 'c', 'd', 'e'] }, ['charts a, b, c and 2 more', 'all dates']],
    [
      'a range',
      { from: '2026-11-01', to: '2026-11-30' },
      ['every scheduled chart', '1 Nov 2026 to 30 Nov 2026'],
    ],
    ['one day', { from: '2026-11-01', to: '2026-11-01' }, ['every scheduled chart', 'on 1 Nov 2026']],
    ['a start only', { from: '2026-11-01' }, ['every scheduled chart', 'from 1 Nov 2026']],
    ['an end only', { to: '2026-11-30' }, ['every scheduled chart', 'up to 30 Nov 2026']],
    [
      'since last and BOM',
      { sinceLast: true, bom: true },
      ['every scheduled chart', 'all dates', 'only rows since the last export', 'with a BOM for Excel'],
    ],
  ])('%s', (_name, filters, words) => {
    expect(describeFilters('rankings', { ...NO_FILTERS, ...filters })).toEqual(words);
  });

  it('says executions without a chart filter cover every chart, scheduled or not', () => {
    expect(describeFilters('executions', NO_FILTERS)).toEqual(['every chart', 'all dates']);
  });

  it('says a backup is the whole database, whatever was recorded', () => {
    expect(describeFilters('backup', { ...NO_FILTERS, charts: ['x'] })).toEqual(['the whole database']);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [1_000, '1 KB'],
    [1_450, '1.5 KB'],
    [23_400_000, '23 MB'],
    [999_960, '1 MB'],
    [4_200_000_000, '4.2 GB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('exportsFolderOf', () => {
  it.each([
    ['/home/ana/.config/Chart Sync/chart-sync.sqlite', '/home/ana/.config/Chart Sync/exports'],
    [
      'C:\\Users\\ana\\AppData\\Chart Sync\\chart-sync.sqlite',
      'C:\\Users\\ana\\AppData\\Chart Sync\\exports',
    ],
    ['chart-sync.sqlite', './exports'],
  ])('%s → %s', (database, folder) => {
    expect(exportsFolderOf(database)).toBe(folder);
  });
});

describe('the rest of a row', () => {
  it('titles the dataset and format', () => {
    expect(exportTitle({ dataset: 'rankings', format: 'csv' })).toBe('Rankings · CSV');
    expect(exportTitle({ dataset: 'backup', format: null })).toBe('Backup');
  });

  it('names the file on either system', () => {
    expect(fileName('/data/exports/rankings-2026.csv')).toBe('rankings-2026.csv');
    expect(fileName('C:\\data\\exports\\songs.xlsx')).toBe('songs.xlsx');
  });

  it('has a file only when completed to a file', () => {
    expect(hasFile({ status: 'completed', destination: '/x.csv' })).toBe(true);
    expect(hasFile({ status: 'completed', destination: 'rest' })).toBe(false);
    expect(hasFile({ status: 'running', destination: '/x.csv' })).toBe(false);
    expect(hasFile({ status: 'cancelled', destination: '/x.csv' })).toBe(false);
  });

  it('takes the progress event while running, unless the list is ahead of it', () => {
    const running: ExportView = exportView({ status: 'running', rows: 100, bytes: 900, totalRows: null });
    expect(liveCounts(running, { id: 1, rows: 500, bytes: 4_000, totalRows: 1_000 })).toEqual({
      rows: 500,
      bytes: 4_000,
      totalRows: 1_000,
    });
    expect(liveCounts(running, { id: 1, rows: 50, bytes: 400, totalRows: null })).toEqual({
      rows: 100,
      bytes: 900,
      totalRows: null,
    });
    const done = exportView({ status: 'completed', rows: 700, bytes: 9_000 });
    expect(liveCounts(done, { id: 1, rows: 500, bytes: 4_000, totalRows: 1_000 }).rows).toBe(700);
  });

  it('says the progress with or without a total', () => {
    expect(progressText(1_200, 5_000)).toBe('1,200 of 5,000 rows');
    expect(progressText(1_200, null)).toBe('1,200 rows so far');
    expect(progressText(1, 0)).toBe('1 row so far');
  });
});
