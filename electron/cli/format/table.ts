import { textWidth } from './text-width';

export type Column<Row> = {
  header: string;
  value: (row: Row) => string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
};

/** Two spaces between columns: wide enough to read, narrow enough for an 80-column terminal where possible. */
const GAP = '  ';

/**
 * A plain-text table: a header, a dashed rule, one line per row, columns padded to their widest cell. No
 * colours and no box drawing, so it reads the same in a terminal, a log file and a CI transcript.
 */
export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, i) =>
    Math.max(textWidth(column.header), ...cells.map((line) => textWidth(line[i] ?? ''))),
  );
  const render = (line: readonly string[]) =>
    line
      .map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join(GAP)
      .trimEnd();
  return [
    render(columns.map((column) => column.header)),
    render(widths.map((width) => '-'.repeat(width))),
    ...cells.map(render),
  ]
    .map((line) => `${line}\n`)
    .join('');
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}
