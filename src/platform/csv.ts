import { stringify } from 'csv-stringify/sync';

/**
 * Cells a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "-2", "@SUM"), or that
 * begin with a tab or carriage return, get a leading apostrophe so that Excel and LibreOffice
 * show them as text.
 */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV file for spreadsheets: every cell guarded, CRLF line ends, and a byte order mark so
 * that Excel reads it as UTF-8.
 */
export function csvFile(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([[...headings], ...rows.map((row) => row.map(guardCell))], {
    bom: true,
    record_delimiter: 'windows',
  });
}
