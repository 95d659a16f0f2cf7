import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import type { ExportFormat } from '../../../shared/domain/export-kinds';
import { hostTimeZone } from '../../../shared/domain/wire-times';
import { offsetMsAt } from '../../../shared/domain/zoned-time';
import { cellJson, cellText } from './cell-text';
import type { Column, Row } from './columns';
import type { Sink } from './sink';

/** A file format: rows in, bytes out to the sink. */
export type RowWriter = {
  /** Writes a chunk of rows; resolves when the destination can take more. */
  write(rows: readonly Row[]): Promise<void>;
  /** Finishes the file (an XLSX's zip directory, a CSV's last line): only then is it whole. */
  end(): Promise<void>;
};

export type WriterOptions = { bom: boolean; sheetName: string };

const BOM = '\ufeff';

export function createWriter(
  format: ExportFormat,
  columns: readonly Column[],
  sink: Sink,
  options: WriterOptions,
): RowWriter {
  switch (format) {
    case 'csv':
      return csvWriter(columns, sink, options);
    case 'tsv':
      return tsvWriter(columns, sink, options);
    case 'ndjson':
      return ndjsonWriter(columns, sink);
    case 'xlsx':
      return xlsxWriter(columns, sink, options);
  }
}

/**
 * RFC 4180: CRLF line ends, a header row, fields with a comma, a double quote, CR or LF quoted, quotes doubled;
 * UTF-8, with a byte-order mark when asked (Excel otherwise reads UTF-8 as the system's code page).
 */
function csvWriter(columns: readonly Column[], sink: Sink, options: WriterOptions): RowWriter {
  const zone = hostTimeZone();
  let started = false;
  return {
    async write(rows) {
      const records = rows.map((row) => row.map((cell, i) => cellText(columns[i]!, cell, zone)));
      if (!started) records.unshift(columns.map((c) => c.name));
      const text = stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
      await sink.write(started || !options.bom ? text : BOM + text);
      started = true;
    },
    async end() {
      if (!started) await this.write([]);
    },
  };
}

/**
 * Tab-separated, one line per row, LF line ends. A value cannot hold a tab or a line break (TSV has no
 * quoting), so these are escaped as PostgreSQL's text format and "linear TSV" do: backslash as `\\`, tab as
 * `\t`, LF as `\n`, CR as `\r`. Nothing else is escaped.
 */
function tsvWriter(columns: readonly Column[], sink: Sink, options: WriterOptions): RowWriter {
  const zone = hostTimeZone();
  let started = false;
  const line = (cells: readonly string[]) => `${cells.map(escapeTsv).join('\t')}\n`;
  return {
    async write(rows) {
      let text = started ? '' : `${options.bom ? BOM : ''}${line(columns.map((c) => c.name))}`;
      for (const row of rows) text += line(row.map((cell, i) => cellText(columns[i]!, cell, zone)));
      await sink.write(text);
      started = true;
    },
    async end() {
      if (!started) await this.write([]);
    },
  };
}

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function escapeTsv(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => TSV_ESCAPES[c]!);
}

/** The reverse of escapeTsv, for whoever reads the file back (the tests do). */
export function unescapeTsv(value: string): string {
  return value.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!);
}

/** One JSON object per line, keyed by column name; numbers stay numbers, instants are ISO 8601 strings. */
function ndjsonWriter(columns: readonly Column[], sink: Sink): RowWriter {
  const zone = hostTimeZone();
  return {
    async write(rows) {
      let text = '';
      for (const row of rows) {
        const record: Record<string, unknown> = {};
        row.forEach((cell, i) => (record[columns[i]!.name] = cellJson(columns[i]!, cell, zone)));
        text += `${JSON.stringify(record)}\n`;
      }
      if (text) await sink.write(text);
    },
    async end() {},
  };
}

/** A sheet holds 1,048,576 rows; one is the header. Longer exports continue on "<name> 2", "<name> 3"… */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

const NUMBER_FORMATS: Partial<Record<Column['type'], string>> = {
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd hh:mm:ss',
};

/**
 * A real workbook through exceljs' streaming writer (rows are committed as they come, no shared strings table
 * to hold in memory): calendar dates as dates, instants as date-times on the host's wall clock (a workbook has
 * no time zones), numbers as numbers, a bold header row frozen in place, columns sized for their content.
 * Line breaks in text are written as LF (a CR cannot survive XML's line-end normalisation).
 */
function xlsxWriter(columns: readonly Column[], sink: Sink, options: WriterOptions): RowWriter {
  const zone = hostTimeZone();
  // exceljs takes longer to load than the rest of a CLI command: loaded by the first xlsx export only.
  const opening = import('exceljs').then(
    ({ default: excel }) =>
      new excel.stream.xlsx.WorkbookWriter({ stream: sink.stream, useStyles: true, useSharedStrings: false }),
  );
  // Seen by write() or end(); not an unhandled rejection meanwhile.
  opening.catch(() => {});
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter | null = null;
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let rowsInSheet = 0;
  const newSheet = () => {
    sheet?.commit();
    sheets += 1;
    sheet = workbook!.addWorksheet(sheets === 1 ? options.sheetName : `${options.sheetName} ${sheets}`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = columns.map((column) => ({
      header: column.name,
      key: column.name,
      width: column.width,
      ...(NUMBER_FORMATS[column.type] ? { style: { numFmt: NUMBER_FORMATS[column.type]! } } : {}),
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    rowsInSheet = 0;
    return sheet;
  };
  const value = (column: Column, cell: Row[number]): ExcelJS.CellValue => {
    if (cell === null) return null;
    if (column.type === 'date' && typeof cell === 'string') {
      const day = Date.parse(`${cell}T00:00:00Z`);
      return Number.isNaN(day) ? cell : new Date(day);
    }
    if (column.type === 'instant' && typeof cell === 'number') return new Date(cell + offsetMsAt(zone, cell));
    // XML turns a CR into a line feed when the file is read: say so plainly instead of losing it silently.
    if (typeof cell === 'string' && cell.includes('\r')) return cell.replace(/\r\n?/g, '\n');
    return cell;
  };
  return {
    async write(rows) {
      workbook ??= await opening;
      for (const row of rows) {
        const target = sheet === null || rowsInSheet >= XLSX_ROWS_PER_SHEET ? newSheet() : sheet;
        target.addRow(row.map((cell, i) => value(columns[i]!, cell))).commit();
        rowsInSheet += 1;
      }
      // exceljs writes to the stream itself: wait while the file is behind, so the zip does not pile up.
      await sink.drained();
    },
    async end() {
      workbook ??= await opening;
      (sheet ?? newSheet()).commit();
      await workbook.commit();
    },
  };
}
