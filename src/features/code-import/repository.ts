import type { DbOrTrx } from '../../db/database.js';
import type { ImportFormat } from './file-check.js';

/**
 * SQL for imports. An administrator works on their own council and the parish and town
 * councils in its area: every query here takes the administrator's authority and finds nothing
 * outside it, so another council's import is a page that does not exist.
 */

export interface ImportAuthority {
  id: number;
  slug: string;
  name: string;
}

/** The model code's gifts and hospitality threshold, £50, for a draft with no settings of its own. */
export const MODEL_GIFTS_THRESHOLD_PENCE = 5000;

export async function findAuthorityBySlug(
  db: DbOrTrx,
  slug: string,
  administratorAuthorityId: number,
): Promise<ImportAuthority | null> {
  const row = await db
    .selectFrom('authorities as a')
    .select(['a.id', 'a.slug', 'a.name'])
    .where('a.slug', '=', slug)
    .where((eb) =>
      eb.or([
        eb('a.id', '=', administratorAuthorityId),
        eb('a.parent_id', '=', administratorAuthorityId),
      ]),
    )
    .executeTakeFirst();
  return row ?? null;
}

export async function insertImport(
  db: DbOrTrx,
  row: {
    authorityId: number;
    fileName: string;
    format: ImportFormat;
    parsed: unknown;
    createdBy: number;
  },
): Promise<number> {
  const inserted = await db
    .insertInto('code_imports')
    .values({
      authority_id: row.authorityId,
      file_name: row.fileName,
      format: row.format,
      parsed: JSON.stringify(row.parsed),
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export interface ImportRow {
  id: number;
  fileName: string;
  format: ImportFormat;
  parsed: unknown;
  createdAt: Date;
  authority: ImportAuthority;
  /**
   * The draft this import made, if any. Under `lock`, the id is read afresh once the lock is
   * held, but the number comes from the join as it was before: look the version up again.
   */
  version: { id: number; number: number | null } | null;
}

/** An import of a council in the administrator's area; `lock` holds it until the transaction ends. */
export async function findImport(
  db: DbOrTrx,
  id: number,
  administratorAuthorityId: number,
  options: { lock?: boolean } = {},
): Promise<ImportRow | null> {
  let query = db
    .selectFrom('code_imports as i')
    .innerJoin('authorities as a', 'a.id', 'i.authority_id')
    .leftJoin('code_versions as v', 'v.id', 'i.version_id')
    .select([
      'i.id',
      'i.file_name',
      'i.format',
      'i.parsed',
      'i.created_at',
      'a.id as authority_id',
      'a.slug',
      'a.name',
      'i.version_id',
      'v.number as version_number',
    ])
    .where('i.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('a.id', '=', administratorAuthorityId),
        eb('a.parent_id', '=', administratorAuthorityId),
      ]),
    );
  if (options.lock) query = query.forUpdate('i');
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    parsed: row.parsed,
    createdAt: row.created_at,
    authority: { id: row.authority_id, slug: row.slug, name: row.name },
    version: row.version_id === null ? null : { id: row.version_id, number: row.version_number },
  };
}

/** A new draft version of an authority's code, with the model code's settings. */
export async function insertDraftVersion(
  trx: DbOrTrx,
  row: {
    authorityId: number;
    number: number;
    title: string;
    changeSummary: string;
    createdBy: number;
  },
): Promise<number> {
  const inserted = await trx
    .insertInto('code_versions')
    .values({
      authority_id: row.authorityId,
      number: row.number,
      title: row.title,
      status: 'draft',
      gifts_threshold_pence: MODEL_GIFTS_THRESHOLD_PENCE,
      change_summary: row.changeSummary,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function markImportUsed(
  trx: DbOrTrx,
  importId: number,
  versionId: number,
): Promise<void> {
  await trx
    .updateTable('code_imports')
    .set({ version_id: versionId })
    .where('id', '=', importId)
    .execute();
}
