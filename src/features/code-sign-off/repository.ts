import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn } from '../../db/current.js';
import { signersSql } from '../code-of-conduct/index.js';

/** A version of an authority's code that is in force, with what sign-off needs to know. */
export interface VersionInForce {
  id: number;
  number: number;
  title: string;
  authorityId: number;
  authoritySlug: string;
  authorityName: string;
  authorityKind: 'principal' | 'parish' | 'town';
  inForceFrom: string;
  nonVotingCoOptedSign: boolean;
}

export type SignOffMethod = 'online' | 'paper';

function versionsInForceQuery(db: DbOrTrx) {
  return db
    .selectFrom('code_versions as v')
    .innerJoin('authorities as a', 'a.id', 'v.authority_id')
    .select([
      'v.id',
      'v.number',
      'v.title',
      'a.id as authorityId',
      'a.slug as authoritySlug',
      'a.name as authorityName',
      'a.kind as authorityKind',
      'v.in_force_from as inForceFrom',
      'v.non_voting_co_opted_sign as nonVotingCoOptedSign',
    ])
    .where('v.status', '=', 'in-force')
    .where('v.in_force_from', 'is not', null)
    .$narrowType<{ inForceFrom: string }>();
}

/** Every code in force: principal councils first, then parish and town councils by name. */
export async function listVersionsInForce(db: DbOrTrx): Promise<VersionInForce[]> {
  return versionsInForceQuery(db)
    .orderBy(sql`a.kind = 'principal'`, 'desc')
    .orderBy('a.name')
    .execute();
}

export async function findVersionInForce(
  db: DbOrTrx,
  versionId: number,
): Promise<VersionInForce | null> {
  return (await versionsInForceQuery(db).where('v.id', '=', versionId).executeTakeFirst()) ?? null;
}

/** A person's own sign-off of one version, if they have made one. */
export interface OwnSignOff {
  signedOn: string;
  method: SignOffMethod;
}

/**
 * The codes in force that this person must sign today, with their sign-off of each. Only the
 * authorities where they hold a current membership can ask it of them, so only those are
 * checked against the rule (one small query per such authority, joined in one statement).
 */
export async function listCodesToSign(
  db: DbOrTrx,
  personId: number,
  on: string,
): Promise<{ version: VersionInForce; signOff: OwnSignOff | null }[]> {
  const candidates = await versionsInForceQuery(db)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships as m')
          .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
          .select(sql.lit(1).as('one'))
          .whereRef('o.authority_id', '=', 'a.id')
          .where('m.person_id', '=', personId)
          .where(currentOn('m', on)),
      ),
    )
    .orderBy(sql`a.kind = 'principal'`, 'desc')
    .orderBy('a.name')
    .execute();
  if (candidates.length === 0) return [];
  const checks = candidates.map(
    (v) => sql`
      select ${v.id}::int as version_id
       where exists (select 1 from (${signersSql(v.authorityId, on, v.nonVotingCoOptedSign)}) s
                      where s.person_id = ${personId})`,
  );
  const { rows } = await sql<{
    version_id: number;
    signed_on: string | null;
    method: SignOffMethod | null;
  }>`
    select q.version_id, s.signed_on::text as signed_on, s.method
      from (${sql.join(checks, sql` union all `)}) q
      left join code_sign_offs s on s.version_id = q.version_id and s.person_id = ${personId}
  `.execute(db);
  const byVersion = new Map(rows.map((r) => [r.version_id, r]));
  return candidates.flatMap((version) => {
    const row = byVersion.get(version.id);
    if (!row) return [];
    const signOff =
      row.signed_on && row.method ? { signedOn: row.signed_on, method: row.method } : null;
    return [{ version, signOff }];
  });
}

/** Whether this person must sign this version today. */
export async function mustSign(
  db: DbOrTrx,
  version: VersionInForce,
  personId: number,
  on: string,
): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`
    select 1 as one
      from (${signersSql(version.authorityId, on, version.nonVotingCoOptedSign)}) s
     where s.person_id = ${personId}
  `.execute(db);
  return rows.length > 0;
}

/** Record a sign-off; null when this person had already signed this version. */
export async function insertSignOff(
  trx: DbOrTrx,
  values: {
    versionId: number;
    personId: number;
    signedOn: string;
    method: SignOffMethod;
    recordedBy: number;
  },
): Promise<{ id: number } | null> {
  return (
    (await trx
      .insertInto('code_sign_offs')
      .values({
        version_id: values.versionId,
        person_id: values.personId,
        signed_on: values.signedOn,
        method: values.method,
        recorded_by: values.recordedBy,
      })
      .onConflict((oc) => oc.columns(['version_id', 'person_id']).doNothing())
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

export interface OutstandingPerson {
  personId: number;
  givenName: string;
  familyName: string;
}

/** Those who must sign this version today and have not, by name: for the paper form. */
export async function listOutstandingPeople(
  db: DbOrTrx,
  version: VersionInForce,
  on: string,
): Promise<OutstandingPerson[]> {
  const { rows } = await sql<{ id: number; given_name: string; family_name: string }>`
    select p.id, p.given_name, p.family_name
      from (${signersSql(version.authorityId, on, version.nonVotingCoOptedSign)}) x
      join people p on p.id = x.person_id
     where not exists (select 1 from code_sign_offs s
                        where s.version_id = ${version.id} and s.person_id = x.person_id)
     order by p.family_name, p.given_name, p.id
  `.execute(db);
  return rows.map((r) => ({ personId: r.id, givenName: r.given_name, familyName: r.family_name }));
}

export interface GroupChoice {
  id: number;
  name: string;
  authorityId: number;
}

/** The political groups of an authority that exist on a date, by name. */
export async function listGroups(
  db: DbOrTrx,
  authorityId: number,
  on: string,
): Promise<GroupChoice[]> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'authority_id as authorityId'])
    .where('authority_id', '=', authorityId)
    .where('classification', '=', 'political-group')
    .where((eb) => eb.or([eb('dissolved_on', 'is', null), eb('dissolved_on', '>=', on)]))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Political groups by id (a whip's), whatever their authority. */
export async function findGroups(db: DbOrTrx, ids: readonly number[]): Promise<GroupChoice[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'authority_id as authorityId'])
    .where('id', 'in', [...ids])
    .where('classification', '=', 'political-group')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export interface AuthorityRow {
  id: number;
  slug: string;
  name: string;
}

const authorities = (db: DbOrTrx) => db.selectFrom('authorities').select(['id', 'slug', 'name']);

export async function findAuthorityBySlug(db: DbOrTrx, slug: string): Promise<AuthorityRow | null> {
  return (await authorities(db).where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function findAuthorityById(db: DbOrTrx, id: number): Promise<AuthorityRow | null> {
  return (await authorities(db).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The principal council, the default when no council is chosen. */
export async function findFirstPrincipal(db: DbOrTrx): Promise<AuthorityRow | null> {
  return (
    (await authorities(db)
      .where('kind', '=', 'principal')
      .orderBy('name')
      .orderBy('id')
      .executeTakeFirst()) ?? null
  );
}
