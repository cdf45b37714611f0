import type { DbOrTrx } from '../../db/database.js';
import { today } from './outcome.js';

/** Every council, principal councils first: the first is the page's default. */
export async function listAuthorities(db: DbOrTrx) {
  return db
    .selectFrom('authorities')
    .select(['id', 'name', 'kind'])
    .orderBy((eb) => eb.case().when('kind', '=', 'principal').then(0).else(1).end())
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findAuthority(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('authorities')
    .select(['id', 'name', 'kind'])
    .where('id', '=', authorityId)
    .executeTakeFirst();
}

export interface OrganisationRow {
  id: number;
  name: string;
  classification: string;
  committeeType: string | null;
  trainingRequired: boolean;
  parentId: number | null;
  foundedOn: string | null;
  dissolvedOn: string | null;
  currentMembers: number;
}

/** All of a council's organisations, dissolved ones too, each with how many sit on it today. */
export async function listOrganisations(
  db: DbOrTrx,
  authorityId: number,
): Promise<OrganisationRow[]> {
  const now = today();
  const rows = await db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.classification',
      'o.committee_type',
      'o.training_required',
      'o.parent_id',
      'o.founded_on',
      'o.dissolved_on',
      eb
        .selectFrom('memberships as m')
        .select((inner) => inner.fn.count<number>('m.person_id').distinct().as('n'))
        .whereRef('m.organisation_id', '=', 'o.id')
        .where('m.start_date', '<=', now)
        .where((w) => w.or([w('m.end_date', 'is', null), w('m.end_date', '>=', now)]))
        .as('current_members'),
    ])
    .where('o.authority_id', '=', authorityId)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    classification: r.classification,
    committeeType: r.committee_type,
    trainingRequired: r.training_required,
    parentId: r.parent_id,
    foundedOn: r.founded_on,
    dissolvedOn: r.dissolved_on,
    currentMembers: Number(r.current_members ?? 0),
  }));
}

export interface WardRow {
  id: number;
  name: string;
  gssCode: string | null;
  seats: number;
  vacant: number;
}

/** A council's wards with their seats on the council, and how many nobody holds today. */
export async function listWards(db: DbOrTrx, authorityId: number): Promise<WardRow[]> {
  const now = today();
  const rows = await db
    .selectFrom('areas as a')
    .leftJoin('posts as s', 's.area_id', 'a.id')
    .select((eb) => [
      'a.id',
      'a.name',
      'a.gss_code',
      eb.fn.count<number>('s.id').as('seats'),
      eb.fn
        .count<number>('s.id')
        .filterWhere((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('memberships as m')
                .select('m.id')
                .whereRef('m.post_id', '=', 's.id')
                .where('m.start_date', '<=', now)
                .where((x) => x.or([x('m.end_date', 'is', null), x('m.end_date', '>=', now)])),
            ),
          ),
        )
        .as('vacant'),
    ])
    .where('a.authority_id', '=', authorityId)
    .groupBy(['a.id', 'a.name', 'a.gss_code'])
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    gssCode: r.gss_code,
    seats: Number(r.seats),
    vacant: Number(r.vacant),
  }));
}

export async function findOrganisation(db: DbOrTrx, organisationId: number) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('authorities as a', 'a.id', 'o.authority_id')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .select([
      'o.id',
      'o.authority_id',
      'a.name as authority_name',
      'o.name',
      'o.classification',
      'o.committee_type',
      'o.training_required',
      'o.founded_on',
      'o.dissolved_on',
      'p.name as parent_name',
    ])
    .where('o.id', '=', organisationId)
    .executeTakeFirst();
}
export type OrganisationDetails = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

/** The committees a new sub-committee of this council can report to. */
export async function listParentCommittees(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('authority_id', '=', authorityId)
    .where('classification', '=', 'committee')
    .where('dissolved_on', 'is', null)
    .orderBy('name')
    .execute();
}

export async function findWard(db: DbOrTrx, wardId: number) {
  return db
    .selectFrom('areas as w')
    .innerJoin('authorities as a', 'a.id', 'w.authority_id')
    .select(['w.id', 'w.name', 'w.gss_code', 'w.authority_id', 'a.name as authority_name'])
    .where('w.id', '=', wardId)
    .executeTakeFirst();
}
export type WardDetails = NonNullable<Awaited<ReturnType<typeof findWard>>>;
