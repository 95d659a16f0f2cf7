import { passes, ratioOf, type BenchRow } from './measure';

const COLUMNS = ['measure', 'ours', 'reference', 'ratio', 'target', '✓/✗'] as const;

export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function withUnit(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

function targetText(row: BenchRow): string {
  if (row.target === null) return '—';
  const subject = row.target.on === 'ratio' ? 'ratio' : 'ours';
  return `${subject} ${row.target.op} ${formatNumber(row.target.value)}`;
}

function verdict(met: boolean | null): string {
  if (met === null) return '—';
  return met ? '✓' : '✗';
}

export function tableCells(row: BenchRow): string[] {
  return [
    row.measure,
    withUnit(row.ours, row.unit),
    withUnit(row.reference, row.unit),
    row.reference === null && row.ratio === undefined ? '—' : `${formatNumber(ratioOf(row))}×`,
    targetText(row),
    verdict(passes(row)),
  ];
}

/** A Markdown table (readable in a terminal and pasteable into docs/benchmarks.md as is). */
export function renderTable(rows: readonly BenchRow[]): string {
  const cells = rows.map(tableCells);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(COLUMNS), rule, ...cells.map(line)].join('\n');
}

export function renderNotes(rows: readonly BenchRow[]): string {
  return rows
    .filter((row) => row.referenceLabel || row.note)
    .map((row) => {
      const parts = [row.referenceLabel ? `reference: ${row.referenceLabel}` : '', row.note ?? ''];
      return `- ${row.measure}: ${parts.filter(Boolean).join('. ')}`;
    })
    .join('\n');
}
