import { z } from 'zod';
import { COLUMNS, type ColumnKey, type ColumnMap } from './columns.js';
import type { CsvTable } from './csv-file.js';

/**
 * From the file's cells to councillors' details: each row's values tidied and checked on their
 * own (dates, email format, names). Whether a ward or group exists is the plan's business.
 */

/** One data row as the file gave it, by column: what is kept between preview and confirm. */
export interface RawRow {
  rowNumber: number;
  cells: Partial<Record<ColumnKey, string>>;
}

/** A problem with one row: the row number, the file's heading for the column, and what is wrong. */
export interface RowError {
  rowNumber: number;
  column: string;
  message: string;
}

/** A row whose values are each well formed. */
export interface ImportRow {
  rowNumber: number;
  externalId: string | null;
  givenName: string;
  familyName: string;
  /** the file had one name column: compare whole names, so "Mary Ann Smith" stays as it is */
  singleName: boolean;
  email: string;
  ward: string | null;
  group: string | null;
  electionDate: string;
  termEnd: string | null;
  authority: string;
}

/**
 * Undo the guard against spreadsheet formulas that the export adds: a cell written as "'=SUM"
 * comes back as "=SUM", so that an exported file imports unchanged.
 */
export function unguardCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

const tidy = (value: string | undefined): string =>
  unguardCell(value ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** The file's cells by column, for every row; values past the last heading are an error. */
export function toRawRows(
  table: CsvTable,
  columns: ColumnMap,
): { rows: RawRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows = table.rows.map(({ rowNumber, cells }) => {
    const raw: RawRow = { rowNumber, cells: {} };
    for (const [key, position] of Object.entries(columns.positions) as [ColumnKey, number][]) {
      raw.cells[key] = cells[position] ?? '';
    }
    if (cells.slice(table.header.length).some((cell) => cell.trim() !== '')) {
      errors.push({
        rowNumber,
        column: '(no heading)',
        message: 'This row has more values than there are column headings',
      });
    }
    return raw;
  });
  return { rows, errors };
}

/** 2024-05-02 or 02/05/2024 (day first, as in England) to 'YYYY-MM-DD'; null if not a real date. */
export function parseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : uk
      ? [uk[3], uk[2], uk[1]].map(Number)
      : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** "Councillor Jane Smith" -> Jane / Smith: the title goes, and the last word is the family name. */
export function splitName(name: string): { givenName: string; familyName: string } | null {
  const words = name.replace(/^(councillor|cllr\.?)\s+/i, '').split(' ');
  const familyName = words.pop();
  if (!familyName || words.length === 0) return null;
  return { givenName: words.join(' '), familyName };
}

const email = z
  .email({ error: 'Enter an email address in the correct format, like name@example.com' })
  .max(254, 'The email address must be 254 characters or fewer');

/** Check one row's values; a row with any error is not imported (and neither is the file). */
export function readRow(
  raw: RawRow,
  labels: Partial<Record<ColumnKey, string>>,
): { row: ImportRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (key: ColumnKey, message: string) =>
    errors.push({ rowNumber: raw.rowNumber, column: labels[key] ?? COLUMNS[key].label, message });
  const cell = (key: ColumnKey) => tidy(raw.cells[key]);
  const optional = (key: ColumnKey) => cell(key) || null;

  let givenName = '';
  let familyName = '';
  const singleName = raw.cells.name !== undefined;
  if (singleName) {
    const name = cell('name');
    const split = splitName(name);
    if (name === '') fail('name', "Enter the councillor's name");
    else if (!split) fail('name', 'Enter both a first name and a last name');
    else ({ givenName, familyName } = split);
  } else {
    givenName = cell('givenName');
    familyName = cell('familyName');
    if (givenName === '') fail('givenName', "Enter the councillor's given name");
    if (familyName === '') fail('familyName', "Enter the councillor's family name");
  }
  for (const [key, value] of [
    ['givenName', givenName],
    ['familyName', familyName],
  ] as const) {
    if (value.length > 100)
      fail(singleName ? 'name' : key, 'Names must be 100 characters or fewer');
  }

  const address = cell('email');
  if (address === '') fail('email', 'Enter an email address');
  else {
    const parsed = email.safeParse(address);
    if (!parsed.success) fail('email', parsed.error.issues[0]?.message ?? 'Enter an email address');
  }

  const electionText = cell('electionDate');
  const electionDate = parseDate(electionText);
  if (electionText === '') fail('electionDate', 'Enter the election date');
  else if (!electionDate) {
    fail(
      'electionDate',
      `"${electionText}" is not a date: use a real date written like 2024-05-02 or 02/05/2024`,
    );
  }
  const termText = cell('termEnd');
  const termEnd = termText === '' ? null : parseDate(termText);
  if (termText !== '' && !termEnd) {
    fail(
      'termEnd',
      `"${termText}" is not a date: use a real date written like 2028-05-04 or 04/05/2028`,
    );
  } else if (termEnd && electionDate && termEnd < electionDate) {
    fail('termEnd', `The term end (${termEnd}) is before the election date (${electionDate})`);
  }

  const authority = cell('authority');
  if (authority === '') fail('authority', 'Enter the council, by its name or short name');
  const externalId = optional('externalId');
  if (externalId && externalId.length > 100) {
    fail('externalId', 'The external ID must be 100 characters or fewer');
  }

  if (errors.length > 0 || !electionDate) return { row: null, errors };
  return {
    row: {
      rowNumber: raw.rowNumber,
      externalId,
      givenName,
      familyName,
      singleName,
      email: address,
      ward: optional('ward'),
      group: optional('group'),
      electionDate,
      termEnd,
      authority,
    },
    errors,
  };
}

/** Every row read and checked: the rows that are well formed, and the problems of the rest. */
export function readRows(
  rows: readonly RawRow[],
  labels: Partial<Record<ColumnKey, string>>,
): { rows: ImportRow[]; errors: RowError[] } {
  const read: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const raw of rows) {
    const result = readRow(raw, labels);
    errors.push(...result.errors);
    if (result.row) read.push(result.row);
  }
  return { rows: read, errors };
}
