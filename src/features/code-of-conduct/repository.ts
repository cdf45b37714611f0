import { sql, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { CodeItemsTable, CodeVersionStatus, CodeVersionsTable } from '../../db/schema.js';
import type { NumberedItem } from './numbering.js';

export type CodeVersion = Selectable<CodeVersionsTable> & {
  authoritySlug: string;
  authorityName: string;
  authorityKind: 'principal' | 'parish' | 'town';
};
export type CodeItem = Selectable<CodeItemsTable>;

/** Statuses the public may read: a code the council has adopted, in force or not any more. */
export const PUBLISHED_STATUSES: readonly CodeVersionStatus[] = [
  'adopted',
  'in-force',
  'superseded',
];
/** Statuses in which a version's text may still be changed. */
export const EDITABLE_STATUSES: readonly CodeVersionStatus[] = ['draft', 'consultation'];

function versionsQuery(db: DbOrTrx) {
  return db
    .selectFrom('code_versions as v')
    .innerJoin('authorities as a', 'a.id', 'v.authority_id')
    .selectAll('v')
    .select(['a.slug as authoritySlug', 'a.name as authorityName', 'a.kind as authorityKind']);
}

export async function findVersionById(db: DbOrTrx, id: number): Promise<CodeVersion | null> {
  return (await versionsQuery(db).where('v.id', '=', id).executeTakeFirst()) ?? null;
}

/** A version by its authority's slug and its number, as in `/code/<slug>/<number>`. */
export async function findVersionByNumber(
  db: DbOrTrx,
  authoritySlug: string,
  number: number,
): Promise<CodeVersion | null> {
  return (
    (await versionsQuery(db)
      .where('a.slug', '=', authoritySlug)
      .where('v.number', '=', number)
      .executeTakeFirst()) ?? null
  );
}

/** Every version of an authority's code, newest first. */
export async function listVersions(db: DbOrTrx, authorityId: number): Promise<CodeVersion[]> {
  return versionsQuery(db)
    .where('v.authority_id', '=', authorityId)
    .orderBy('v.number', 'desc')
    .execute();
}

export async function findVersionInForce(
  db: DbOrTrx,
  authorityId: number,
): Promise<CodeVersion | null> {
  return (
    (await versionsQuery(db)
      .where('v.authority_id', '=', authorityId)
      .where('v.status', '=', 'in-force')
      .executeTakeFirst()) ?? null
  );
}

/** A version's items in reading order. */
export async function listItems(db: DbOrTrx, versionId: number): Promise<CodeItem[]> {
  return db
    .selectFrom('code_items')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

/**
 * Replace a version's items with a freshly numbered list, in the caller's transaction. Items
 * keep their lineage; new ones get one from the database.
 */
export async function replaceItems(
  trx: DbOrTrx,
  versionId: number,
  items: readonly NumberedItem[],
): Promise<void> {
  await trx.deleteFrom('code_items').where('version_id', '=', versionId).execute();
  // Inserted in slices: a long code stays well inside PostgreSQL's parameter limit.
  for (let i = 0; i < items.length; i += 500) {
    await trx
      .insertInto('code_items')
      .values(
        items.slice(i, i + 500).map((item) => ({
          version_id: versionId,
          position: item.position,
          kind: item.kind,
          depth: item.depth,
          number: item.number,
          anchor: item.anchor,
          heading: item.kind === 'paragraph' ? null : item.heading,
          body: item.kind === 'paragraph' ? item.body : null,
          origin: item.origin,
          ...(item.lineage ? { lineage: item.lineage } : {}),
        })),
      )
      .execute();
  }
  await trx
    .updateTable('code_versions')
    .set({ updated_at: sql`now()` })
    .where('id', '=', versionId)
    .execute();
}

/** The next version number for an authority's code; call it with the authority row locked. */
export async function nextVersionNumber(trx: DbOrTrx, authorityId: number): Promise<number> {
  const row = await trx
    .selectFrom('code_versions')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('next'))
    .where('authority_id', '=', authorityId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

/**
 * Serialise changes to one authority's code (new versions, adoption): concurrent requests for
 * the same authority wait for each other instead of racing for a number or the one place in
 * force.
 */
export async function lockAuthority(trx: DbOrTrx, authorityId: number): Promise<boolean> {
  const row = await trx
    .selectFrom('authorities')
    .select('id')
    .where('id', '=', authorityId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}
