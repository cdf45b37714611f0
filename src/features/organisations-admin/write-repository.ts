import type { Trx } from '../../db/database.js';
import type { OrganisationsTable } from '../../db/schema.js';
import type { Insertable } from 'kysely';

/**
 * Lock the council's row for the rest of the transaction. Every change that must check its
 * council's organisations or wards first (unique names, one council organisation) takes this
 * lock, so two people saving at once are checked one after the other. NO KEY UPDATE leaves
 * other tables free to insert rows that refer to the council.
 */
export async function lockAuthority(trx: Trx, authorityId: number) {
  return trx
    .selectFrom('authorities')
    .select(['id', 'name', 'kind'])
    .where('id', '=', authorityId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** A live (not dissolved) organisation of this council and kind with this name, in any case. */
export async function findLiveNamesake(
  trx: Trx,
  authorityId: number,
  classification: string,
  name: string,
  exceptId?: number,
) {
  let query = trx
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('authority_id', '=', authorityId)
    .where('classification', '=', classification as OrganisationsTable['classification'])
    .where('dissolved_on', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** The council's own organisation (classification 'council'), if it has one. */
export async function findCouncilOrganisation(trx: Trx, authorityId: number) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('authority_id', '=', authorityId)
    .where('classification', '=', 'council')
    .orderBy('id')
    .executeTakeFirst();
}

export async function findCommittee(trx: Trx, authorityId: number, committeeId: number) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'name', 'classification', 'dissolved_on'])
    .where('id', '=', committeeId)
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
}

export async function insertOrganisation(trx: Trx, values: Insertable<OrganisationsTable>) {
  const row = await trx
    .insertInto('organisations')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function lockOrganisation(trx: Trx, organisationId: number) {
  return trx
    .selectFrom('organisations')
    .select([
      'id',
      'authority_id',
      'name',
      'classification',
      'committee_type',
      'training_required',
      'founded_on',
      'dissolved_on',
    ])
    .where('id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst();
}

/** How many people's memberships of the organisation have not ended by this date. */
export async function countMembersAfter(trx: Trx, organisationId: number, date: string) {
  const row = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.count<number>('person_id').distinct().as('n'))
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', date)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listLiveSubCommittees(trx: Trx, committeeId: number) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('parent_id', '=', committeeId)
    .where('dissolved_on', 'is', null)
    .orderBy('name')
    .execute();
}

export async function findWardNamesake(
  trx: Trx,
  authorityId: number,
  name: string,
  exceptId?: number,
) {
  let query = trx
    .selectFrom('areas')
    .select(['id', 'name'])
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** Another area, of any council, already known by this GSS code. */
export async function findGssCodeHolder(trx: Trx, gssCode: string, exceptId?: number) {
  let query = trx
    .selectFrom('areas as w')
    .innerJoin('authorities as a', 'a.id', 'w.authority_id')
    .select(['w.id', 'w.name', 'a.name as authority_name'])
    .where('w.gss_code', '=', gssCode);
  if (exceptId !== undefined) query = query.where('w.id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function lockWard(trx: Trx, wardId: number) {
  return trx
    .selectFrom('areas')
    .select(['id', 'authority_id', 'name', 'gss_code'])
    .where('id', '=', wardId)
    .forUpdate()
    .executeTakeFirst();
}
