import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { todayInEngland, type MembershipRole } from './rules.js';
import {
  authorityColumns,
  authorityFrom,
  currentOn,
  notDissolvedOn,
  toAuthority,
  type AuthorityRow,
  type DirectoryAuthority,
  type Option,
} from './sql.js';

/**
 * SQL for the public directory's councils and their councillors (see person-repository.ts for
 * one person's memberships, committee-repository.ts for committees). Each page is one or two
 * queries; lists are aggregated with joins and json_agg, never a query per row. The queries are written as SQL rather than with Kysely's builder: these are the
 * pages anyone (or any crawler) can load, and building them with the builder cost about a
 * millisecond of CPU per request (measured on the large dataset), as much as running them.
 * Functions take the date to read at (`on`, 'YYYY-MM-DD'), today in England by default.
 */

/** A council by its slug, or null. */
export async function findCouncil(
  db: DbOrTrx,
  slug: string,
  on: string = todayInEngland(),
): Promise<DirectoryAuthority | null> {
  const { rows } = await sql<AuthorityRow>`
    select ${authorityColumns(on)} from ${authorityFrom} where a.slug = ${slug}
  `.execute(db);
  return rows[0] ? toAuthority(rows[0]) : null;
}

export type CouncilWithFilters = DirectoryAuthority & { groups: Option[]; wards: Option[] };

/** A council by its slug, with what its councillor list can be filtered by: groups and wards. */
export async function findCouncilWithFilters(
  db: DbOrTrx,
  slug: string,
  on: string = todayInEngland(),
): Promise<CouncilWithFilters | null> {
  const { rows } = await sql<AuthorityRow & { groups: Option[]; wards: Option[] }>`
    select ${authorityColumns(on)},
      (select coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name), '[]')
        from organisations g
        where g.authority_id = a.id and g.classification = 'political-group'
          and ${notDissolvedOn('g', on)}) as groups,
      (select coalesce(json_agg(json_build_object('id', w.id, 'name', w.name) order by w.name), '[]')
        from areas w where w.authority_id = a.id) as wards
    from ${authorityFrom}
    where a.slug = ${slug}
  `.execute(db);
  const row = rows[0];
  return row ? { ...toAuthority(row), groups: row.groups, wards: row.wards } : null;
}

export interface CouncilSummary extends DirectoryAuthority {
  councillorCount: number;
}

/** Every council, principal councils first, each with how many councillors sit on it now. */
export async function listCouncils(
  db: DbOrTrx,
  on: string = todayInEngland(),
): Promise<CouncilSummary[]> {
  // Counted for every council at once, then joined: not one count per council.
  const { rows } = await sql<AuthorityRow & { councillor_count: number | null }>`
    select ${authorityColumns(on)}, seats.n as councillor_count
    from ${authorityFrom}
    left join (
      select c.authority_id, count(distinct seat.person_id) as n
      from memberships seat
      join organisations c on c.id = seat.organisation_id
      join people p on p.id = seat.person_id
      where c.classification = 'council' and p.kind = 'member' and ${currentOn('seat', on)}
      group by c.authority_id
    ) seats on seats.authority_id = a.id
    order by a.kind <> 'principal', a.name
  `.execute(db);
  return rows.map((row) => ({ ...toAuthority(row), councillorCount: row.councillor_count ?? 0 }));
}

export interface CurrentCouncillor {
  personId: number;
  givenName: string;
  familyName: string;
  /** their role on the council itself: member, or chair or vice-chair of a parish council */
  role: MembershipRole;
  since: string;
  ward: Option | null;
  group: (Option & { role: MembershipRole }) | null;
}

export interface CouncillorFilters {
  /** a political group's organisation id */
  groupId?: number | undefined;
  /** a ward's area id */
  wardId?: number | undefined;
}

interface CouncillorRow {
  id: number;
  given_name: string;
  family_name: string;
  role: MembershipRole;
  start_date: string;
  ward_id: number | null;
  ward_name: string | null;
  group_id: number | null;
  group_name: string | null;
  group_role: MembershipRole | null;
}

/**
 * The councillors sitting on an authority's council on a date, sorted by family name, with
 * their ward and current political group (found once for the whole council, not per row).
 */
export async function listCurrentCouncillors(
  db: DbOrTrx,
  authorityId: number,
  filters: CouncillorFilters = {},
  on: string = todayInEngland(),
): Promise<CurrentCouncillor[]> {
  const byGroup = filters.groupId === undefined ? sql`` : sql`and grp.id = ${filters.groupId}`;
  const byWard = filters.wardId === undefined ? sql`` : sql`and ward.id = ${filters.wardId}`;
  // "= any(array(...))" looks the council up first, so that the seats come from the memberships
  // index on organisation_id rather than a scan of every membership.
  const { rows } = await sql<CouncillorRow>`
    with grp as (
      select distinct on (gm.person_id) gm.person_id, g.id, g.name, gm.role
      from organisations g join memberships gm on gm.organisation_id = g.id
      where g.authority_id = ${authorityId} and g.classification = 'political-group'
        and ${currentOn('gm', on)}
      order by gm.person_id, gm.start_date desc
    )
    select distinct on (p.family_name, p.given_name, p.id)
      p.id, p.given_name, p.family_name, seat.role, seat.start_date,
      ward.id as ward_id, ward.name as ward_name,
      grp.id as group_id, grp.name as group_name, grp.role as group_role
    from memberships seat
    join people p on p.id = seat.person_id
    left join posts post on post.id = seat.post_id
    left join areas ward on ward.id = post.area_id
    left join grp on grp.person_id = p.id
    where seat.organisation_id = any(array(
        select id from organisations where authority_id = ${authorityId} and classification = 'council'))
      and p.kind = 'member' and ${currentOn('seat', on)} ${byGroup} ${byWard}
    order by p.family_name, p.given_name, p.id, seat.start_date
  `.execute(db);
  return rows.map((r) => ({
    personId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    role: r.role,
    since: r.start_date,
    ward: r.ward_id !== null && r.ward_name !== null ? { id: r.ward_id, name: r.ward_name } : null,
    group:
      r.group_id !== null && r.group_name !== null && r.group_role !== null
        ? { id: r.group_id, name: r.group_name, role: r.group_role }
        : null,
  }));
}
