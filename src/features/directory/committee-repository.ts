import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
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
import { todayInEngland, type MembershipRole, type PublicPersonKind } from './rules.js';

/** SQL for committees and sub-committees and who sits on them (see repository.ts on why SQL). */

export type CommitteeClassification = 'committee' | 'sub-committee';

export interface CommitteeSummary {
  id: number;
  name: string;
  classification: CommitteeClassification;
  parentId: number | null;
  parentName: string | null;
  trainingRequired: boolean;
  memberCount: number;
}

/** An authority's committees and sub-committees not dissolved on the date, with head counts. */
export async function selectCommittees(
  db: DbOrTrx,
  authorityId: number,
  on: string = todayInEngland(),
): Promise<CommitteeSummary[]> {
  const { rows } = await sql<{
    id: number;
    name: string;
    classification: CommitteeClassification;
    parent_id: number | null;
    parent_name: string | null;
    training_required: boolean;
    member_count: number | null;
  }>`
    select o.id, o.name, o.classification, o.parent_id, parent.name as parent_name,
      o.training_required, places.n as member_count
    from organisations o
    left join organisations parent on parent.id = o.parent_id
    left join (
      select m.organisation_id, count(*) as n
      from memberships m join people p on p.id = m.person_id
      where p.kind in ('member', 'co-opted-member') and ${currentOn('m', on)}
        and m.organisation_id in (select id from organisations where authority_id = ${authorityId})
      group by m.organisation_id
    ) places on places.organisation_id = o.id
    where o.authority_id = ${authorityId} and o.classification in ('committee', 'sub-committee')
      and ${notDissolvedOn('o', on)}
    order by o.name
  `.execute(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    classification: r.classification,
    parentId: r.parent_id,
    parentName: r.parent_name,
    trainingRequired: r.training_required,
    memberCount: r.member_count ?? 0,
  }));
}

export interface CommitteeDetails {
  id: number;
  name: string;
  classification: CommitteeClassification;
  trainingRequired: boolean;
  dissolvedOn: string | null;
  parent: Option | null;
  subCommittees: Option[];
  authority: DirectoryAuthority;
}

/** One committee or sub-committee of the council with this slug, with that council, or null. */
export async function findCommittee(
  db: DbOrTrx,
  authoritySlug: string,
  committeeId: number,
  on: string = todayInEngland(),
): Promise<CommitteeDetails | null> {
  const { rows } = await sql<
    AuthorityRow & {
      id: number;
      name: string;
      classification: CommitteeClassification;
      training_required: boolean;
      dissolved_on: string | null;
      up_id: number | null;
      up_name: string | null;
      sub_committees: Option[];
    }
  >`
    select ${authorityColumns(on)}, o.id, o.name, o.classification, o.training_required,
      o.dissolved_on, up.id as up_id, up.name as up_name,
      (select coalesce(json_agg(json_build_object('id', sub.id, 'name', sub.name)
          order by sub.name), '[]')
        from organisations sub
        where sub.parent_id = o.id and sub.classification = 'sub-committee'
          and ${notDissolvedOn('sub', on)}) as sub_committees
    from ${authorityFrom}
    join organisations o on o.authority_id = a.id
    left join organisations up on up.id = o.parent_id
    where a.slug = ${authoritySlug} and o.id = ${committeeId}
      and o.classification in ('committee', 'sub-committee')
  `.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    classification: row.classification,
    trainingRequired: row.training_required,
    dissolvedOn: row.dissolved_on,
    parent:
      row.up_id !== null && row.up_name !== null ? { id: row.up_id, name: row.up_name } : null,
    subCommittees: row.sub_committees,
    authority: toAuthority(row),
  };
}

export interface CommitteeMember {
  personId: number;
  givenName: string;
  familyName: string;
  kind: PublicPersonKind;
  role: MembershipRole;
  /** whether this member may vote on the committee */
  voting: boolean;
  since: string;
  /** the councillor's current political group in the committee's council */
  groupName: string | null;
}

/**
 * Who sits on a committee or sub-committee on a date: chair, vice-chair, members, substitutes,
 * each sorted by family name. Councillors and co-opted members only.
 */
export async function listCommitteeMembers(
  db: DbOrTrx,
  committeeId: number,
  on: string = todayInEngland(),
): Promise<CommitteeMember[]> {
  const { rows } = await sql<{
    id: number;
    given_name: string;
    family_name: string;
    kind: PublicPersonKind;
    role: MembershipRole;
    voting: boolean;
    start_date: string;
    group_name: string | null;
  }>`
    select p.id, p.given_name, p.family_name, p.kind, m.role, m.voting, m.start_date,
      grp.name as group_name
    from memberships m
    join organisations c on c.id = m.organisation_id
    join people p on p.id = m.person_id
    left join lateral (
      select g.name
      from memberships gm join organisations g on g.id = gm.organisation_id
      where gm.person_id = p.id and g.authority_id = c.authority_id
        and g.classification = 'political-group' and ${currentOn('gm', on)}
      order by gm.start_date desc
      limit 1
    ) grp on true
    where m.organisation_id = ${committeeId} and c.classification in ('committee', 'sub-committee')
      and p.kind in ('member', 'co-opted-member') and ${currentOn('m', on)}
    order by case m.role when 'chair' then 0 when 'vice-chair' then 1 when 'substitute' then 3
        else 2 end,
      p.family_name, p.given_name, p.id
  `.execute(db);
  return rows.map((r) => ({
    personId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    kind: r.kind,
    role: r.role,
    voting: r.voting,
    since: r.start_date,
    groupName: r.group_name,
  }));
}
