import { sql, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { CodeVersionStatus, CodeVersionsTable } from '../../db/schema.js';

/**
 * Lock one version's row (only that row, not its authority) for the rest of the transaction,
 * so two changes to the same version take turns; returns its status as it is now.
 */
export async function lockVersion(
  trx: DbOrTrx,
  versionId: number,
): Promise<{ id: number; authority_id: number; status: CodeVersionStatus } | null> {
  return (
    (await trx
      .selectFrom('code_versions')
      .select(['id', 'authority_id', 'status'])
      .where('id', '=', versionId)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

/** The settings a new draft takes from the version it copies. */
export const SETTINGS_COLUMNS = [
  'gifts_threshold_pence',
  'gifts_registration_days',
  'register_refused_offers',
  'training_required',
  'non_voting_co_opted_sign',
] as const;

export interface NewVersion {
  authority_id: number;
  number: number;
  title: string;
  based_on_version_id: number | null;
  change_summary: string | null;
  created_by: number;
  gifts_threshold_pence?: number;
  gifts_registration_days?: number;
  register_refused_offers?: boolean;
  training_required?: boolean;
  non_voting_co_opted_sign?: boolean;
}

export async function insertVersion(trx: DbOrTrx, values: NewVersion): Promise<number> {
  const row = await trx
    .insertInto('code_versions')
    .values({ ...values, status: 'draft' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Copy every item of one version into another, numbers, anchors and lineage included. */
export async function copyItems(trx: DbOrTrx, fromId: number, toId: number): Promise<number> {
  const result = await trx
    .insertInto('code_items')
    .columns([
      'version_id',
      'position',
      'kind',
      'depth',
      'number',
      'anchor',
      'heading',
      'body',
      'origin',
      'lineage',
    ])
    .expression((eb) =>
      eb
        .selectFrom('code_items')
        .select([
          sql.lit(toId).as('version_id'),
          'position',
          'kind',
          'depth',
          'number',
          'anchor',
          'heading',
          'body',
          'origin',
          'lineage',
        ])
        .where('version_id', '=', fromId),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function updateVersion(
  trx: DbOrTrx,
  versionId: number,
  values: Updateable<CodeVersionsTable>,
): Promise<void> {
  await trx
    .updateTable('code_versions')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', versionId)
    .execute();
}

export async function insertComment(
  trx: DbOrTrx,
  values: {
    version_id: number;
    consultee: string;
    organisation: string | null;
    received_on: string;
    comment: string;
    recorded_by: number;
  },
): Promise<number> {
  const row = await trx
    .insertInto('code_consultation_comments')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertReview(
  trx: DbOrTrx,
  values: {
    authority_id: number;
    version_id: number;
    reviewed_on: string;
    outcome: 'no-change' | 'new-draft';
    notes: string | null;
    new_version_id: number | null;
    recorded_by: number;
  },
): Promise<number> {
  const row = await trx
    .insertInto('code_reviews')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The adopted versions of an authority whose date has come, in the order they take effect. */
export async function listDueAdoptedVersions(
  trx: DbOrTrx,
  authorityId: number,
  on: string,
): Promise<{ id: number }[]> {
  return trx
    .selectFrom('code_versions')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('status', '=', 'adopted')
    .where('in_force_from', '<=', on)
    .orderBy('in_force_from')
    .orderBy('number')
    .execute();
}

/** The latest in-force-from date among the authority's version in force and those waiting. */
export async function latestInForceFrom(
  trx: DbOrTrx,
  authorityId: number,
): Promise<{ number: number; in_force_from: string; status: CodeVersionStatus } | null> {
  return (
    (await trx
      .selectFrom('code_versions')
      .select(['number', sql<string>`in_force_from`.as('in_force_from'), 'status'])
      .where('authority_id', '=', authorityId)
      .where('status', 'in', ['in-force', 'adopted'])
      .where('in_force_from', 'is not', null)
      .orderBy('in_force_from', 'desc')
      .orderBy('number', 'desc')
      .executeTakeFirst()) ?? null
  );
}
