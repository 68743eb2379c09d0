/**
 * CSV as spreadsheets expect it: RFC 4180 (CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break, quotes doubled), UTF-8 with a byte-order mark so that Excel reads the
 * Chinese correctly. Cells are never formulas (neutraliseFormula).
 */

export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A text that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return) gets a leading ' so that it is shown as text, as OWASP recommends against CSV
 * injection. Numbers are written as numbers.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field, quoted only when it must be; a text that starts like a formula is neutralised and quoted. */
export function csvField(value: CsvValue): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const s = typeof value === 'string' ? neutraliseFormula(raw) : raw;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) || s !== raw ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A whole file: BOM, a header row, then one row per record, every row ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  for (const [i, row] of rows.entries())
    if (row.length !== header.length) throw new Error(`CSV row ${i + 1} has ${row.length} fields, the header ${header.length}`);
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/** A column of a table: its header, what it means (shown on the /data/ page) and how to compute it. */
export interface Column<T> {
  header: string;
  description: string;
  value: (row: T) => CsvValue;
}

/** A CSV file from column definitions and records. */
export function tableCsv<T>(columns: readonly Column<T>[], records: readonly T[]): string {
  return toCsv(columns.map((c) => c.header), records.map((r) => columns.map((c) => c.value(r))));
}
