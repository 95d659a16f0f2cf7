/**
 * One row of the `npm run bench` table: what we measured, the reference it is compared with (measured in the
 * same run, so that the ratio survives a noisy machine), and the target for that ratio.
 */
export type BenchRow = {
  /** What was measured, in the operator's words ('backfill, 150 ms latency: wall ÷ ideal'). */
  measure: string;
  /** Our figure, and the reference's, in `unit`. The reference is null when the target is absolute. */
  ours: number;
  reference: number | null;
  unit: string;
  /** What the reference is ('raw prepared-insert loop'); shown under the table. */
  referenceLabel?: string;
  /** The figure the target applies to: ours ÷ reference, or ours itself when there is no reference. */
  ratio?: number;
  /** Null for a figure the issue asks to report without a target: printed with '—' and no verdict. */
  target: Target | null;
  /** Where the time goes, or why a figure is what it is: printed under the table. */
  note?: string;
};

/** `ratio <= 1.15`, `ours < 0.5`, `ratio >= 10`… */
export type Target = { on: 'ratio' | 'ours'; op: '<=' | '<' | '>='; value: number };

export type BenchContext = {
  /** `--quick`: shorter runs (fewer periods, a shorter idle window) for a check, not for the record. */
  quick: boolean;
  /** Prints a progress line (stderr), so a long measure is not silent. */
  log(line: string): void;
};

export type Measure = {
  /** The goal number (1–7), for ordering and `npm run bench -- --goal 3`. */
  goal: number;
  /** A short id for `npm run bench -- <id>`. */
  id: string;
  run(context: BenchContext): Promise<BenchRow[]>;
};

export function ratioOf(row: BenchRow): number {
  if (row.ratio !== undefined) return row.ratio;
  return row.reference === null || row.reference === 0 ? row.ours : row.ours / row.reference;
}

/** Whether the row meets its target; null when it has none. */
export function passes(row: BenchRow): boolean | null {
  if (row.target === null) return null;
  const value = row.target.on === 'ratio' ? ratioOf(row) : row.ours;
  switch (row.target.op) {
    case '<=':
      return value <= row.target.value;
    case '<':
      return value < row.target.value;
    case '>=':
      return value >= row.target.value;
  }
}
