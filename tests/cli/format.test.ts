import { describe, expect, it } from 'vitest';
import { executionStatusText, formatExecutions } from '../../electron/cli/format/execution-summary';
import { formatTable } from '../../electron/cli/format/table';
import { textWidth, truncate } from '../../electron/cli/format/text-width';
import { formatDuration, formatRelative } from '../../electron/cli/format/time';
import { chartSummary, executionView } from '../renderer/support/sample-views';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('CLI formatting', () => {
  it('pads columns to the widest cell, numbers to the right, emoji counted as two columns', () => {
    const table = formatTable(
      [
        { name: 'global-28', status: '✅ Active', n: 1 },
        { name: 'x', status: '⏸ Inactive', n: 1234 },
      ],
      [
        { header: 'chart', value: (r) => r.name },
        { header: 'status', value: (r) => r.status },
        { header: 'n', align: 'right', value: (r) => String(r.n) },
      ],
    );
    expect(table).toBe(
      [
        'chart      status         n',
        '---------  ----------  ----',
        'global-28  ✅ Active      1',
        'x          ⏸ Inactive  1234',
        '',
      ].join('\n'),
    );
  });

  it('measures and cuts text by terminal columns', () => {
    expect(textWidth('✅ Active')).toBe(9);
    expect(textWidth('⚠\ufe0f')).toBe(1);
    // Song titles: CJK and fullwidth take two columns, accented Latin one.
    expect(textWidth('夜に駆ける')).toBe(10);
    expect(textWidth('아이유 Ｂ')).toBe(9);
    expect(textWidth('Beyoncé')).toBe(7);
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
    expect(truncate('abc', 5)).toBe('abc');
  });

  it('says when, relative to now, in the unit that keeps the number small', () => {
    const now = Date.UTC(2026, 10, 20, 12);
    expect(formatRelative(now + 10_000, now)).toBe('now');
    expect(formatRelative(now - 10_000, now)).toBe('just now');
    expect(formatRelative(now + 5 * MINUTE, now)).toBe('in 5 min');
    expect(formatRelative(now - 3 * HOUR, now)).toBe('3 h ago');
    expect(formatRelative(now + 6 * HOUR - 1, now)).toBe('in 6 h');
    expect(formatRelative(now + 29 * DAY, now)).toBe('in 29 d');
  });

  it('gives durations at a useful precision', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(HOUR + 3 * MINUTE)).toBe('1 h 3 min');
  });
});

describe('executions in the CLI', () => {
  const done = (periodsPlanned: number) =>
    executionView({
      status: 'completed',
      periodsPlanned,
      periodsSynced: periodsPlanned,
      durationMs: 1_000,
      completedAt: 0,
    });

  it('says "already up to date" for a completed run that had nothing to fetch, not "completed 0/0"', () => {
    expect(executionStatusText(done(0))).toBe('already up to date');
    expect(executionStatusText(done(3))).toBe('completed');
    const table = formatExecutions([{ execution: done(0), chart: chartSummary({ slug: 'fr-42' }) }]);
    const row = table.split('\n').find((line) => line.startsWith('fr-42'))!;
    expect(row).toMatch(/^fr-42 +\w+ +already up to date +— /);
    expect(table).toMatch(/^Total: 1 sync, 1 completed, 0 failed; already up to date; /m);
  });
});
