import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn } from '../../db/current.js';
import { signersSql } from '../code-of-conduct/index.js';
import type { SignOffMethod, VersionInForce } from './repository.js';

/** One line of the sign-off list: someone who must sign the code in force, and whether they have. */
export interface SignOffRow {
  personId: number;
  givenName: string;
  familyName: string;
  kind: 'member' | 'co-opted-member';
  /** the ward of a councillor's seat, or the committees of a co-opted member */
  place: string | null;
  groupId: number | null;
  groupName: string | null;
  signedOn: string | null;
  method: SignOffMethod | null;
}

export interface SignOffFilter {
  version: VersionInForce;
  on: string;
  /** only members of these political groups; null for everyone */
  groupIds: readonly number[] | null;
}

export interface SignOffPage {
  rows: SignOffRow[];
  /** how many must sign (within the filter), and how many of them have */
  total: number;
  signed: number;
}

/**
 * Everyone who must sign, with their sign-off and current political group, in one statement:
 * the rule from the core module (signersSql) joined with the sign-offs and group memberships.
 * Outstanding first, then by name. The ward or committees are looked up only for the rows
 * returned (a page), not for every signer.
 */
export function signOffsSql(filter: SignOffFilter, limit: number | null, offset: number) {
  const { version, on } = filter;
  const groupFilter =
    filter.groupIds === null
      ? sql`true`
      : filter.groupIds.length === 0
        ? sql`false`
        : sql`g.group_id in (${sql.join(filter.groupIds.map((id) => sql`${id}::int`))})`;
  return sql<{
    person_id: number;
    given_name: string;
    family_name: string;
    kind: 'member' | 'co-opted-member';
    place: string | null;
    group_id: number | null;
    group_name: string | null;
    signed_on: string | null;
    method: SignOffMethod | null;
    total: number;
    signed: number;
  }>`
    with signer as (${signersSql(version.authorityId, on, version.nonVotingCoOptedSign)}),
    listed as (
      select p.id as person_id, p.given_name, p.family_name, p.kind,
             g.group_id, g.group_name, s.signed_on, s.method,
             count(*) over ()::int as total, count(s.id) over ()::int as signed
        from signer x
        join people p on p.id = x.person_id
        left join lateral (
          select o.id as group_id, o.name as group_name
            from memberships m
            join organisations o on o.id = m.organisation_id
           where m.person_id = x.person_id and o.authority_id = ${version.authorityId}
             and o.classification = 'political-group' and ${currentOn('m', on)}
           order by m.start_date desc, m.id desc
           limit 1
        ) g on true
        left join code_sign_offs s on s.version_id = ${version.id} and s.person_id = x.person_id
       where ${groupFilter}
       order by (s.id is null) desc, p.family_name, p.given_name, p.id
       ${limit === null ? sql`` : sql`limit ${limit} offset ${offset}`}
    )
    select l.person_id, l.given_name, l.family_name, l.kind, l.group_id, l.group_name,
           l.signed_on::text as signed_on, l.method, l.total, l.signed,
           (select string_agg(distinct coalesce(w.name, po.label,
                     case when o.classification <> 'council' then o.name end), ', ')
              from memberships m
              join organisations o on o.id = m.organisation_id
              left join posts po on po.id = m.post_id
              left join areas w on w.id = po.area_id
             where m.person_id = l.person_id and o.authority_id = ${version.authorityId}
               and ${currentOn('m', on)}
               and ((l.kind = 'member' and o.classification = 'council')
                 or (l.kind = 'co-opted-member'
                     and o.classification in ('committee', 'sub-committee')))) as place
      from listed l
     order by (l.signed_on is null) desc, l.family_name, l.given_name, l.person_id
  `;
}

function toRow(r: {
  person_id: number;
  given_name: string;
  family_name: string;
  kind: 'member' | 'co-opted-member';
  place: string | null;
  group_id: number | null;
  group_name: string | null;
  signed_on: string | null;
  method: SignOffMethod | null;
}): SignOffRow {
  return {
    personId: r.person_id,
    givenName: r.given_name,
    familyName: r.family_name,
    kind: r.kind,
    place: r.place,
    groupId: r.group_id,
    groupName: r.group_name,
    signedOn: r.signed_on,
    method: r.method,
  };
}

/** One page of the list, with the counts for the whole filter. */
export async function listSignOffs(
  db: DbOrTrx,
  filter: SignOffFilter,
  page: { limit: number; offset: number },
): Promise<SignOffPage> {
  const { rows } = await signOffsSql(filter, page.limit, page.offset).execute(db);
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the counts still answer what the filter holds.
    const counts = await countSignOffs(db, filter);
    return { rows: [], ...counts };
  }
  return { rows: rows.map(toRow), total: rows[0]?.total ?? 0, signed: rows[0]?.signed ?? 0 };
}

/** Every row of the filter, for the CSV export. */
export async function listAllSignOffs(db: DbOrTrx, filter: SignOffFilter): Promise<SignOffRow[]> {
  const { rows } = await signOffsSql(filter, null, 0).execute(db);
  return rows.map(toRow);
}

async function countSignOffs(db: DbOrTrx, filter: SignOffFilter) {
  const { rows } = await signOffsSql(filter, 1, 0).execute(db);
  return { total: rows[0]?.total ?? 0, signed: rows[0]?.signed ?? 0 };
}
