import type { DbOrTrx } from '../../db/database.js';

export interface AppendixRow {
  id: number;
  position: number;
  title: string;
  kind: 'code-version' | 'code-comparison' | 'file' | 'programme';
  code_version_id: number | null;
  compare_version_id: number | null;
  file_id: number | null;
  programme_id: number | null;
  programmeTitle: string | null;
  programmeStatus: string | null;
  versionNumber: number | null;
  versionStatus: string | null;
  versionTitle: string | null;
  compareNumber: number | null;
  compareStatus: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
}

/** A report's appendices in order, with what each links to. */
export async function listAppendices(db: DbOrTrx, reportId: number): Promise<AppendixRow[]> {
  return db
    .selectFrom('report_appendices as ap')
    .leftJoin('code_versions as v', 'v.id', 'ap.code_version_id')
    .leftJoin('code_versions as w', 'w.id', 'ap.compare_version_id')
    .leftJoin('report_files as f', 'f.id', 'ap.file_id')
    .leftJoin('programmes as p', 'p.id', 'ap.programme_id')
    .select([
      'ap.id',
      'ap.position',
      'ap.title',
      'ap.kind',
      'ap.code_version_id',
      'ap.compare_version_id',
      'ap.file_id',
      'ap.programme_id',
      'p.title as programmeTitle',
      'p.status as programmeStatus',
      'v.number as versionNumber',
      'v.status as versionStatus',
      'v.title as versionTitle',
      'w.number as compareNumber',
      'w.status as compareStatus',
      'f.file_name as fileName',
      'f.media_type as mediaType',
      'f.size_bytes as sizeBytes',
    ])
    .where('ap.report_id', '=', reportId)
    .orderBy('ap.position')
    .execute();
}

/** The code versions of one authority, newest first, for the selects. */
export async function listAuthorityVersions(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('code_versions')
    .select(['id', 'number', 'title', 'status'])
    .where('authority_id', '=', authorityId)
    .orderBy('number', 'desc')
    .execute();
}

/** The authority's development programmes, newest first, for the programme select. */
export async function listAuthorityProgrammes(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('programmes')
    .select(['id', 'title', 'starts_on', 'ends_on', 'status'])
    .where('authority_id', '=', authorityId)
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function nextAppendixPosition(db: DbOrTrx, reportId: number): Promise<number> {
  const row = await db
    .selectFrom('report_appendices')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return (row?.last ?? 0) + 1;
}

/** An appendix's stored file, with the report it belongs to. */
export async function findFileOfAppendix(db: DbOrTrx, reportId: number, appendixId: number) {
  return db
    .selectFrom('report_appendices as ap')
    .innerJoin('report_files as f', 'f.id', 'ap.file_id')
    .select([
      'ap.title',
      'f.file_name as fileName',
      'f.media_type as mediaType',
      'f.size_bytes as sizeBytes',
      'f.sha256',
      'f.content',
    ])
    .where('ap.report_id', '=', reportId)
    .where('ap.id', '=', appendixId)
    .where('ap.kind', '=', 'file')
    .executeTakeFirst();
}

/** Put a report's appendices back to positions 1..n in the given order. */
export async function renumberAppendices(db: DbOrTrx, orderedIds: number[]): Promise<void> {
  for (const [index, appendixId] of orderedIds.entries()) {
    await db
      .updateTable('report_appendices')
      .set({ position: index + 1 })
      .where('id', '=', appendixId)
      .execute();
  }
}
