import { formatIsoTime } from '../../../shared/domain/wire-times';
import type { Cell, Column } from './columns';

/**
 * A cell as text (CSV, TSV): empty for null, instants as ISO 8601 with the host's offset (as the REST API and
 * `--json` write them), numbers in JavaScript's shortest round-trip form with a '.' decimal point.
 */
export function cellText(column: Column, cell: Cell, zone: string): string {
  if (cell === null) return '';
  if (column.type === 'instant' && typeof cell === 'number') return formatIsoTime(cell, zone);
  return String(cell);
}

/** A cell as NDJSON holds it: instants as ISO 8601 strings, the rest as JSON values. */
export function cellJson(column: Column, cell: Cell, zone: string): Cell {
  if (column.type === 'instant' && typeof cell === 'number') return formatIsoTime(cell, zone);
  return cell;
}
