/**
 * What a column holds, which decides how each format writes it: `date` is a calendar date 'YYYY-MM-DD' (a real
 * date in XLSX), `instant` epoch milliseconds (ISO 8601 with the host's offset in text formats, the host's wall
 * clock as a date-time in XLSX), `integer`/`number` numbers, `boolean` true/false, `text` anything else.
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'date' | 'instant' | 'boolean';

export type Column = {
  /** snake_case, as the header row and NDJSON keys name it. */
  name: string;
  type: ColumnType;
  /** XLSX column width in characters. */
  width: number;
};

export type Cell = string | number | boolean | null;
/** One row, its cells in the order of the dataset's columns. */
export type Row = Cell[];

export const text = (name: string, width = 16): Column => ({ name, type: 'text', width });
export const integer = (name: string, width = 10): Column => ({ name, type: 'integer', width });
export const number = (name: string, width = 14): Column => ({ name, type: 'number', width });
export const date = (name: string): Column => ({ name, type: 'date', width: 12 });
export const instant = (name: string): Column => ({ name, type: 'instant', width: 20 });
export const boolean = (name: string): Column => ({ name, type: 'boolean', width: 9 });
