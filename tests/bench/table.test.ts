import { describe, expect, it } from 'vitest';
import { passes, ratioOf, type BenchRow } from '../../bench/support/measure';
import { renderTable } from '../../bench/support/table';

const row = (overrides: Partial<BenchRow>): BenchRow => ({
  measure: 'm',
  ours: 1,
  reference: 2,
  unit: 'ms',
  target: { on: 'ratio', op: '<=', value: 1 },
  ...overrides,
});

describe('bench targets', () => {
  it.each([
    { ours: 1, reference: 2, target: { on: 'ratio', op: '<=', value: 0.5 }, ok: true },
    { ours: 1.2, reference: 1, target: { on: 'ratio', op: '<=', value: 1.15 }, ok: false },
    { ours: 20, reference: 2, target: { on: 'ratio', op: '>=', value: 10 }, ok: true },
    { ours: 19, reference: 2, target: { on: 'ratio', op: '>=', value: 10 }, ok: false },
    { ours: 0.5, reference: null, target: { on: 'ours', op: '<', value: 0.5 }, ok: false },
    { ours: 0.4, reference: null, target: { on: 'ours', op: '<', value: 0.5 }, ok: true },
    { ours: 39, reference: 115, target: { on: 'ours', op: '<=', value: 40 }, ok: true },
  ] as const)('$ours vs $reference, $target.on $target.op $target.value → $ok', (c) => {
    expect(passes(row({ ours: c.ours, reference: c.reference, target: c.target }))).toBe(c.ok);
  });

  it('takes an explicit ratio over ours ÷ reference (wall ÷ ideal has no single reference figure)', () => {
    expect(ratioOf(row({ ours: 10, reference: 2, ratio: 1.1 }))).toBe(1.1);
    expect(ratioOf(row({ ours: 10, reference: 2 }))).toBe(5);
  });

  it('prints one aligned Markdown row per measure, with the verdict last', () => {
    const table = renderTable([
      row({ measure: 'ingest', ours: 80, reference: 100 }),
      row({
        measure: 'bytes per entry',
        ours: 52,
        reference: null,
        unit: 'B',
        target: { on: 'ours', op: '<=', value: 40 },
      }),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| measure +\| ours +\| reference +\| ratio +\| target +\| ✓\/✗ \|$/);
    expect(lines[2]).toContain('| 80.0 ms');
    expect(lines[2]).toMatch(/0\.80×.*ratio <= 1\.00 \| ✓ +\|$/);
    expect(lines[3]).toMatch(/52\.0 B .*\| — .*\| — .*ours <= 40\.0 +\| ✗ +\|$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe('a figure reported without a target', () => {
  it('has no verdict and prints dashes for its target', () => {
    const reported = row({ measure: 'requests per snapshot', ours: 7.5, reference: 2, target: null });
    expect(passes(reported)).toBeNull();
    const line = renderTable([reported]).split('\n')[2]!;
    expect(line).toMatch(/3\.75× +\| — +\| — +\|$/);
  });
});
