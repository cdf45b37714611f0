import type { Db, DbOrTrx } from '../../db/database.js';
import type { OrganisationsTable, PersonKind } from '../../db/schema.js';

/**
 * The people whose council roles are public record: councillors and co-opted members.
 * Officers, Independent Persons and facilitators are never published.
 */
export const PUBLISHED_KINDS: readonly PersonKind[] = ['member', 'co-opted-member'];

/** Every authority (null), or one authority's own records. */
export type PublicScope = { authorityId: number | null };

export interface PublicPersonRow {
  id: number;
  given_name: string;
  family_name: string;
  /** null unless the person agreed to publish it */
  email: string | null;
}

export interface PublicOrganisationRow {
  id: number;
  authority_id: number;
  name: string;
  classification: OrganisationsTable['classification'];
  parent_id: number | null;
  founded_on: string | null;
  dissolved_on: string | null;
}

export interface PublicPostRow {
  id: number;
  label: string;
  organisation_id: number;
  area_id: number | null;
}

export interface PublicAreaRow {
  id: number;
  name: string;
  kind: string;
  gss_code: string | null;
}

export interface PublicMembershipRow {
  id: number;
  person_id: number;
  organisation_id: number;
  post_id: number | null;
  area_id: number | null;
  role: string;
  voting: boolean;
  start_date: string;
  end_date: string | null;
}

export interface PublicRecords {
  people: PublicPersonRow[];
  organisations: PublicOrganisationRow[];
  posts: PublicPostRow[];
  areas: PublicAreaRow[];
  memberships: PublicMembershipRow[];
}

export async function findAuthorityIdBySlug(db: DbOrTrx, slug: string): Promise<number | null> {
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Everything the open-data file publishes, in five set-based queries inside one read-only
 * snapshot, so a membership never points at a person or seat that a concurrent change removed.
 * Rows come back ordered by id: the same data always makes the same file (and the same ETag).
 */
export async function loadPublicRecords(db: Db, scope: PublicScope): Promise<PublicRecords> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => ({
      people: await listPublicPeople(trx, scope),
      organisations: await listOrganisations(trx, scope),
      posts: await listPosts(trx, scope),
      areas: await listAreas(trx, scope),
      memberships: await listPublicMemberships(trx, scope),
    }));
}

/**
 * Published people of the authority, and anyone else holding a membership of one of its
 * bodies (so every membership in the file names someone in it). A private email address never
 * leaves the database.
 */
function listPublicPeople(db: DbOrTrx, { authorityId }: PublicScope) {
  return db
    .selectFrom('people as p')
    .select((eb) => [
      'p.id',
      'p.given_name',
      'p.family_name',
      eb.case().when('p.publish_email', '=', true).then(eb.ref('p.email')).end().as('email'),
    ])
    .where('p.kind', 'in', PUBLISHED_KINDS)
    .$if(authorityId !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('p.authority_id', '=', authorityId ?? 0),
          eb.exists(
            eb
              .selectFrom('memberships as m')
              .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
              .whereRef('m.person_id', '=', 'p.id')
              .where('o.authority_id', '=', authorityId ?? 0)
              .select('m.id'),
          ),
        ]),
      ),
    )
    .orderBy('p.id')
    .execute();
}

function listOrganisations(db: DbOrTrx, { authorityId }: PublicScope) {
  return db
    .selectFrom('organisations as o')
    .select([
      'o.id',
      'o.authority_id',
      'o.name',
      'o.classification',
      'o.parent_id',
      'o.founded_on',
      'o.dissolved_on',
    ])
    .$if(authorityId !== null, (qb) => qb.where('o.authority_id', '=', authorityId ?? 0))
    .orderBy('o.id')
    .execute();
}

function listPosts(db: DbOrTrx, { authorityId }: PublicScope) {
  return db
    .selectFrom('posts as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.label', 's.organisation_id', 's.area_id'])
    .$if(authorityId !== null, (qb) => qb.where('o.authority_id', '=', authorityId ?? 0))
    .orderBy('s.id')
    .execute();
}

function listAreas(db: DbOrTrx, { authorityId }: PublicScope) {
  return db
    .selectFrom('areas as a')
    .select(['a.id', 'a.name', 'a.kind', 'a.gss_code'])
    .$if(authorityId !== null, (qb) => qb.where('a.authority_id', '=', authorityId ?? 0))
    .orderBy('a.id')
    .execute();
}

/** Current and past memberships of published people: ended ones are public record too. */
function listPublicMemberships(db: DbOrTrx, { authorityId }: PublicScope) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('posts as s', 's.id', 'm.post_id')
    .select([
      'm.id',
      'm.person_id',
      'm.organisation_id',
      'm.post_id',
      's.area_id',
      'm.role',
      'm.voting',
      'm.start_date',
      'm.end_date',
    ])
    .where('p.kind', 'in', PUBLISHED_KINDS)
    .$if(authorityId !== null, (qb) => qb.where('o.authority_id', '=', authorityId ?? 0))
    .orderBy('m.id')
    .execute();
}
