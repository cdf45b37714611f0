import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { HouseStyleWordsTable, ImplicationTypesTable } from '../../db/schema.js';

export type ImplicationType = Selectable<ImplicationTypesTable>;
export type HouseStyleWord = Selectable<HouseStyleWordsTable>;

/** The authorities an administrator looks after: their own and its parishes. */
export async function listManagedAuthorities(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('authorities')
    .select(['id', 'name', 'slug'])
    .where((eb) => eb.or([eb('id', '=', authorityId), eb('parent_id', '=', authorityId)]))
    .orderBy((eb) => eb.case().when('id', '=', authorityId).then(0).else(1).end())
    .orderBy('name')
    .execute();
}

// Implication types -------------------------------------------------------------------------

export async function listImplicationTypes(
  db: DbOrTrx,
  authorityId: number,
): Promise<ImplicationType[]> {
  return db
    .selectFrom('implication_types')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function lockImplicationType(trx: DbOrTrx, typeId: number, authorityId: number) {
  return trx
    .selectFrom('implication_types')
    .selectAll()
    .where('id', '=', typeId)
    .where('authority_id', '=', authorityId)
    .forUpdate()
    .executeTakeFirst();
}

// Reports -----------------------------------------------------------------------------------

export interface ReportSummary {
  id: number;
  title: string;
  status: 'draft' | 'published' | 'withdrawn';
  authority_id: number;
  authoritySlug: string;
  authorityName: string;
}

/** A report an administrator may see (their authority's or a parish's), or undefined. */
export async function findReport(
  db: DbOrTrx,
  reportId: number,
  administratorAuthorityId: number,
  lock = false,
): Promise<ReportSummary | undefined> {
  let query = db
    .selectFrom('reports as r')
    .innerJoin('authorities as a', 'a.id', 'r.authority_id')
    .select([
      'r.id',
      'r.title',
      'r.status',
      'r.authority_id',
      'a.slug as authoritySlug',
      'a.name as authorityName',
    ])
    .where('r.id', '=', reportId)
    .where((eb) =>
      eb.or([
        eb('a.id', '=', administratorAuthorityId),
        eb('a.parent_id', '=', administratorAuthorityId),
      ]),
    );
  if (lock) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

/** The report's answers, by implication type. */
export async function listReportImplications(db: DbOrTrx, reportId: number) {
  return db
    .selectFrom('report_implications')
    .select(['id', 'implication_type_id', 'answer', 'statement'])
    .where('report_id', '=', reportId)
    .execute();
}

// House style -------------------------------------------------------------------------------

/** The council's own list of discouraged or easily confused words, alphabetically. */
export async function listHouseStyleWords(
  db: DbOrTrx,
  authorityId: number,
): Promise<HouseStyleWord[]> {
  return db
    .selectFrom('house_style_words')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .orderBy('pattern')
    .orderBy('id')
    .execute();
}

export async function findHouseStyleWord(db: DbOrTrx, wordId: number, authorityIds: number[]) {
  if (authorityIds.length === 0) return undefined;
  return db
    .selectFrom('house_style_words')
    .selectAll()
    .where('id', '=', wordId)
    .where('authority_id', 'in', authorityIds)
    .executeTakeFirst();
}

export async function findHouseStyleNamesake(
  db: DbOrTrx,
  authorityId: number,
  pattern: string,
  exceptId?: number,
) {
  let query = db
    .selectFrom('house_style_words')
    .select(['id', 'pattern'])
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('lower', ['pattern']), '=', pattern.toLowerCase()));
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** One implication type of any of these authorities. */
export async function findImplicationType(db: DbOrTrx, typeId: number, authorityIds: number[]) {
  if (authorityIds.length === 0) return undefined;
  return db
    .selectFrom('implication_types')
    .selectAll()
    .where('id', '=', typeId)
    .where('authority_id', 'in', authorityIds)
    .executeTakeFirst();
}
