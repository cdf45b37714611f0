/**
 * The columns of a members CSV, and the headings each may go by. Headings are matched without
 * regard to case, spaces or punctuation, so "E-mail Address", "email_address" and "EMAIL
 * ADDRESS" are all the email column. docs/member-import.md lists the same headings for
 * Democratic Services: keep the two in step.
 */
export const COLUMNS = {
  externalId: {
    label: 'External ID',
    headings: ['External ID', 'ID', 'Member ID', 'Councillor ID', 'Person ID', 'modern.gov ID'],
  },
  name: {
    label: 'Name',
    headings: ['Name', 'Full name', 'Councillor', 'Councillor name', 'Member', 'Member name'],
  },
  givenName: {
    label: 'Given name',
    headings: ['Given name', 'First name', 'Forename', 'Forenames', 'Given names'],
  },
  familyName: { label: 'Family name', headings: ['Family name', 'Last name', 'Surname'] },
  email: { label: 'Email', headings: ['Email', 'Email address', 'E-mail', 'E-mail address'] },
  ward: { label: 'Ward', headings: ['Ward', 'Ward name', 'Division', 'Electoral division'] },
  group: { label: 'Group', headings: ['Group', 'Political group', 'Party', 'Political party'] },
  electionDate: {
    label: 'Election date',
    headings: ['Election date', 'Elected', 'Date elected', 'Elected on', 'Term start'],
  },
  termEnd: {
    label: 'Term end',
    headings: ['Term end', 'Term ends', 'Term ends on', 'Term end date', 'End of term'],
  },
  authority: { label: 'Authority', headings: ['Authority', 'Council', 'Authority slug'] },
} as const;

export type ColumnKey = keyof typeof COLUMNS;

/** The columns every file must have, besides a name (one column, or given and family names). */
const REQUIRED: readonly ColumnKey[] = [
  'email',
  'ward',
  'group',
  'electionDate',
  'termEnd',
  'authority',
];

/** "E-mail Address" -> "e mail address": what a heading is compared by. */
export function normaliseHeading(heading: string): string {
  return heading
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const COLUMN_BY_HEADING = new Map<string, ColumnKey>(
  (Object.keys(COLUMNS) as ColumnKey[]).flatMap((key) =>
    COLUMNS[key].headings.map((heading) => [normaliseHeading(heading), key] as const),
  ),
);

/** Which position in each row holds each column, and the heading the file used for it. */
export interface ColumnMap {
  positions: Partial<Record<ColumnKey, number>>;
  /** the file's own heading for each column, for error messages the user will recognise */
  labels: Partial<Record<ColumnKey, string>>;
  /** headings that are not ours: their values are left out of the import */
  ignored: string[];
}

export type ColumnMatch =
  | { ok: true; columns: ColumnMap }
  | { ok: false; missing: string[]; unrecognised: string[]; repeated: string[] };

/** Match a file's header row to our columns, or say what is missing and what was not recognised. */
export function matchColumns(header: readonly string[]): ColumnMatch {
  const positions: Partial<Record<ColumnKey, number>> = {};
  const labels: Partial<Record<ColumnKey, string>> = {};
  const unrecognised: string[] = [];
  const repeated: string[] = [];
  header.forEach((raw, position) => {
    const heading = raw.trim();
    if (heading === '') return;
    const key = COLUMN_BY_HEADING.get(normaliseHeading(heading));
    if (key === undefined) {
      unrecognised.push(heading);
    } else if (positions[key] !== undefined) {
      repeated.push(`${COLUMNS[key].label} ("${labels[key]}" and "${heading}")`);
    } else {
      positions[key] = position;
      labels[key] = heading;
    }
  });

  const missing: string[] = REQUIRED.filter((key) => positions[key] === undefined).map(
    (key) => COLUMNS[key].label,
  );
  const hasSplitName = positions.givenName !== undefined && positions.familyName !== undefined;
  if (!hasSplitName && positions.name === undefined) {
    if (positions.givenName !== undefined) missing.unshift(COLUMNS.familyName.label);
    else if (positions.familyName !== undefined) missing.unshift(COLUMNS.givenName.label);
    else missing.unshift('Name (or Given name and Family name)');
  }
  if (missing.length > 0 || repeated.length > 0) {
    return { ok: false, missing, unrecognised, repeated };
  }
  const ignored = [...unrecognised];
  // Given and family names, when both are there, win over a single name column.
  if (hasSplitName && positions.name !== undefined) {
    ignored.push(labels.name ?? COLUMNS.name.label);
    delete positions.name;
    delete labels.name;
  }
  return { ok: true, columns: { positions, labels, ignored } };
}
