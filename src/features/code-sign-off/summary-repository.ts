import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn } from '../../db/current.js';

/**
 * Who must sign each code in force, for many authorities at once (the dashboards): the same
 * rule as the core module's signersSql, written as one set so that a deployment with hundreds
 * of parish councils is counted in one pass rather than one query per council. The tests hold
 * it to signersSql's answer for every council.
 */
export function inForceSignersSql(on: string, authorityIds: readonly number[] | null) {
  const which =
    authorityIds === null
      ? sql`true`
      : authorityIds.length === 0
        ? sql`false`
        : sql`v.authority_id in (${sql.join(authorityIds.map((id) => sql`${id}::int`))})`;
  return sql<{ version_id: number; person_id: number }>`
    with v as (
      select v.id, v.authority_id, v.non_voting_co_opted_sign
        from code_versions v
       where v.status = 'in-force' and ${which}
    )
    select v.id as version_id, seat.person_id
      from v
      join organisations c on c.authority_id = v.authority_id and c.classification = 'council'
      join memberships seat on seat.organisation_id = c.id
      join people p on p.id = seat.person_id
     where p.kind = 'member' and ${currentOn('seat', on)}
    union
    select v.id as version_id, m.person_id
      from v
      join organisations o on o.authority_id = v.authority_id
                          and o.classification in ('committee', 'sub-committee')
      join memberships m on m.organisation_id = o.id
      join people p on p.id = m.person_id
     where p.kind = 'co-opted-member' and (m.voting or v.non_voting_co_opted_sign)
       and ${currentOn('m', on)}
  `;
}

/** How far sign-off of one authority's code in force has got. */
export interface AuthoritySignOffCount {
  authoritySlug: string;
  authorityName: string;
  authorityKind: 'principal' | 'parish' | 'town';
  versionNumber: number;
  versionTitle: string;
  inForceFrom: string;
  mustSign: number;
  signed: number;
}

/**
 * For every code in force: how many must sign it and how many have. Principal councils first,
 * then the councils with most still to sign.
 */
export async function countSignOffsByAuthority(
  db: DbOrTrx,
  on: string,
): Promise<AuthoritySignOffCount[]> {
  const { rows } = await sql<{
    slug: string;
    name: string;
    kind: 'principal' | 'parish' | 'town';
    number: number;
    title: string;
    in_force_from: string;
    must_sign: number;
    signed: number;
  }>`
    with signer as (${inForceSignersSql(on, null)}),
    counted as (
      select x.version_id, count(*)::int as must_sign, count(s.id)::int as signed
        from signer x
        left join code_sign_offs s on s.version_id = x.version_id and s.person_id = x.person_id
       group by x.version_id
    )
    select a.slug, a.name, a.kind, v.number, v.title, v.in_force_from::text as in_force_from,
           coalesce(c.must_sign, 0) as must_sign, coalesce(c.signed, 0) as signed
      from code_versions v
      join authorities a on a.id = v.authority_id
      left join counted c on c.version_id = v.id
     where v.status = 'in-force'
     order by a.kind = 'principal' desc,
              coalesce(c.must_sign, 0) - coalesce(c.signed, 0) desc, a.name
  `.execute(db);
  return rows.map((r) => ({
    authoritySlug: r.slug,
    authorityName: r.name,
    authorityKind: r.kind,
    versionNumber: r.number,
    versionTitle: r.title,
    inForceFrom: r.in_force_from,
    mustSign: r.must_sign,
    signed: r.signed,
  }));
}

/** How many of a political group's current members must sign their code, and have. */
export interface GroupSignOffCount {
  groupId: number;
  groupName: string;
  mustSign: number;
  signed: number;
}

/** For each of these groups (a whip's) whose council has a code in force. */
export async function countSignOffsByGroup(
  db: DbOrTrx,
  groupIds: readonly number[],
  on: string,
): Promise<GroupSignOffCount[]> {
  if (groupIds.length === 0) return [];
  const groups = await db
    .selectFrom('organisations')
    .select('authority_id')
    .distinct()
    .where('id', 'in', [...groupIds])
    .execute();
  const { rows } = await sql<{ id: number; name: string; must_sign: number; signed: number }>`
    with signer as (${inForceSignersSql(
      on,
      groups.map((g) => g.authority_id),
    )})
    select o.id, o.name, count(distinct x.person_id)::int as must_sign,
           count(distinct s.person_id)::int as signed
      from organisations o
      join code_versions v on v.authority_id = o.authority_id and v.status = 'in-force'
      join memberships gm on gm.organisation_id = o.id and ${currentOn('gm', on)}
      join signer x on x.version_id = v.id and x.person_id = gm.person_id
      left join code_sign_offs s on s.version_id = v.id and s.person_id = x.person_id
     where o.id in (${sql.join(groupIds.map((id) => sql`${id}::int`))})
       and o.classification = 'political-group'
     group by o.id, o.name
     order by o.name, o.id
  `.execute(db);
  return rows.map((r) => ({
    groupId: r.id,
    groupName: r.name,
    mustSign: r.must_sign,
    signed: r.signed,
  }));
}
