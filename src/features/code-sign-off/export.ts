import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../platform/csv.js';
import type { SignOffRow } from './list-repository.js';
import type { VersionInForce } from './repository.js';

/** Formula-like cells get a leading apostrophe (`guardCell` in src/platform/csv.ts). */
export { guardCell };

export const CSV_HEADINGS = [
  'Council',
  'Code version',
  'Given name',
  'Family name',
  'Kind',
  'Ward or committee',
  'Political group',
  'Status',
  'Signed on',
  'How',
] as const;

const KIND = { member: 'Councillor', 'co-opted-member': 'Co-opted member' } as const;

/**
 * The sign-off list as a CSV file: one row per person who must sign, outstanding first, dates
 * as YYYY-MM-DD so that spreadsheets sort them. Starts with a byte order mark so that Excel
 * reads it as UTF-8.
 */
export function signOffsCsv(version: VersionInForce, rows: readonly SignOffRow[]): string {
  const records = rows.map((row) =>
    [
      version.authorityName,
      String(version.number),
      row.givenName,
      row.familyName,
      KIND[row.kind],
      row.place ?? '',
      row.groupName ?? '',
      row.signedOn ? 'Signed' : 'Not signed',
      row.signedOn ?? '',
      row.method ?? '',
    ].map(guardCell),
  );
  return stringify([[...CSV_HEADINGS], ...records], { bom: true, record_delimiter: 'windows' });
}

/** The file name: the council, the version and today's date. */
export function csvFileName(version: VersionInForce, on: string): string {
  return `code-sign-offs-${version.authoritySlug}-v${version.number}-${on}.csv`;
}
