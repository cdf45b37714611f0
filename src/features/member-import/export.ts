import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../platform/csv.js';
import { COLUMNS } from './columns.js';

/**
 * The members CSV that Probity writes: the same columns the import reads, so a file exported,
 * edited in a spreadsheet and imported again changes only what was edited.
 */

/** Formula-like cells get a leading apostrophe (`guardCell` in src/platform/csv.ts). */
export { guardCell };

export interface ExportRow {
  externalId: string | null;
  givenName: string;
  familyName: string;
  email: string | null;
  ward: string | null;
  group: string | null;
  electionDate: string;
  termEnd: string | null;
  authority: string;
}

const HEADINGS = [
  COLUMNS.externalId.label,
  COLUMNS.givenName.label,
  COLUMNS.familyName.label,
  COLUMNS.email.label,
  COLUMNS.ward.label,
  COLUMNS.group.label,
  COLUMNS.electionDate.label,
  COLUMNS.termEnd.label,
  COLUMNS.authority.label,
];

/** The file's text, starting with a byte order mark so that Excel reads it as UTF-8. */
export function membersCsv(rows: readonly ExportRow[]): string {
  const records = rows.map((row) =>
    [
      row.externalId,
      row.givenName,
      row.familyName,
      row.email,
      row.ward,
      row.group,
      row.electionDate,
      row.termEnd,
      row.authority,
    ].map((value) => guardCell(value ?? '')),
  );
  return stringify([HEADINGS, ...records], { bom: true, record_delimiter: 'windows' });
}
