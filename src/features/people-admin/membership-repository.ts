import type { DbOrTrx } from '../../db/database.js';

export { todayInEngland as today } from '../../db/current.js';
import { currentOn, todayInEngland as today } from '../../db/current.js';

export interface MembershipRow {
  id: number;
  organisationId: number;
  organisationName: string;
  classification: string;
  role: string;
  voting: boolean;
  seat: string | null;
  ward: string | null;
  startDate: string;
  endDate: string | null;
  termEndsOn: string | null;
  endReason: string | null;
  current: boolean;
}

/** A person's memberships, current ones first, then the most recent. History is never removed. */
export async function listMemberships(db: DbOrTrx, personId: number): Promise<MembershipRow[]> {
  const now = today();
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('posts as s', 's.id', 'm.post_id')
    .leftJoin('areas as a', 'a.id', 's.area_id')
    .select([
      'm.id',
      'm.organisation_id',
      'o.name as organisation_name',
      'o.classification',
      'm.role',
      'm.voting',
      's.label as seat',
      'a.name as ward',
      'm.start_date',
      'm.end_date',
      'm.term_ends_on',
      'm.end_reason',
    ])
    .where('m.person_id', '=', personId)
    .orderBy((eb) => eb.case().when('m.end_date', 'is', null).then(0).else(1).end())
    .orderBy('m.start_date', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    classification: r.classification,
    role: r.role,
    voting: r.voting,
    seat: r.seat,
    ward: r.ward,
    startDate: r.start_date,
    endDate: r.end_date,
    termEndsOn: r.term_ends_on,
    endReason: r.end_reason,
    current: r.start_date <= now && (r.end_date === null || r.end_date >= now),
  }));
}

export async function findMembership(db: DbOrTrx, personId: number, membershipId: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.role',
      'm.start_date',
      'm.end_date',
      'm.end_reason',
      'o.name as organisation_name',
      'o.classification',
    ])
    .where('m.person_id', '=', personId)
    .where('m.id', '=', membershipId)
    .executeTakeFirst();
}

/** Organisations a person of this authority can join, grouped for a select. */
export async function listOrganisations(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'classification', 'dissolved_on'])
    .where('authority_id', '=', authorityId)
    .where((eb) => eb.or([eb('dissolved_on', 'is', null), eb('dissolved_on', '>=', today())]))
    .orderBy('classification')
    .orderBy('name')
    .execute();
}

/** The council's seats (posts), with their ward and who holds each now, if anyone. */
export async function listSeats(db: DbOrTrx, authorityId: number) {
  const now = today();
  return db
    .selectFrom('posts as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('areas as a', 'a.id', 's.area_id')
    .select((eb) => [
      's.id',
      's.label',
      's.organisation_id',
      'a.name as ward',
      eb
        .selectFrom('memberships as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select((inner) =>
          inner.fn<string>('concat_ws', [inner.val(' '), 'p.given_name', 'p.family_name']).as('n'),
        )
        .whereRef('m.post_id', '=', 's.id')
        .where(currentOn('m', now))
        .limit(1)
        .as('holder'),
    ])
    .where('o.authority_id', '=', authorityId)
    .orderBy('a.name')
    .orderBy('s.label')
    .execute();
}

/** The person's current political group membership, locked for the caller's transaction. */
export async function lockCurrentGroupMembership(db: DbOrTrx, personId: number) {
  const now = today();
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.organisation_id', 'm.role', 'm.start_date', 'o.name'])
    .where('m.person_id', '=', personId)
    .where('o.classification', '=', 'political-group')
    .where(currentOn('m', now))
    .forUpdate('m')
    .executeTakeFirst();
}

export async function listAppointments(db: DbOrTrx, personId: number) {
  return db
    .selectFrom('independent_person_appointments as i')
    .innerJoin('authorities as a', 'a.id', 'i.authority_id')
    .select([
      'i.id',
      'a.name as authority_name',
      'i.start_date',
      'i.end_date',
      'i.no_connection_declared',
      'i.declared_on',
    ])
    .where('i.person_id', '=', personId)
    .orderBy('i.start_date', 'desc')
    .execute();
}
