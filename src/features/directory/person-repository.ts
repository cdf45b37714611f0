import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import {
  membershipStatus,
  todayInEngland,
  type MembershipRecord,
  type PublicPersonKind,
} from './rules.js';
import {
  authorityColumns,
  authorityFrom,
  currentOn,
  toAuthority,
  type AuthorityRow,
  type DirectoryAuthority,
} from './sql.js';

/** SQL for one person's memberships, past and present (see repository.ts on why SQL). */

/** A membership as `membershipsJson` builds it. */
type MembershipJson = Omit<MembershipRecord, 'status'>;

/**
 * A json array of the memberships `m` that match `where`, newest first, each with its
 * organisation, that organisation's parent (for a sub-committee) and council, and the ward of a
 * seat. Null when none match. The names are looked up in scalar subqueries rather than outer
 * joins: the planner then has two tables to order instead of six, which halved the time this
 * query took (most of it was planning).
 */
function membershipsJson(where: RawBuilder<boolean>): RawBuilder<MembershipJson[] | null> {
  return sql<MembershipJson[] | null>`(
    select json_agg(json_build_object(
        'id', m.id,
        'organisation', json_build_object('id', o.id, 'name', o.name,
          'classification', o.classification,
          'parentName', (select op.name from organisations op where op.id = o.parent_id),
          'authorityName', (select oa.name from authorities oa where oa.id = o.authority_id)),
        'role', m.role, 'voting', m.voting,
        'ward', (select w.name from posts s join areas w on w.id = s.area_id where s.id = m.post_id),
        'startDate', m.start_date, 'endDate', m.end_date, 'termEndsOn', m.term_ends_on)
      order by m.start_date desc, m.id desc)
    from memberships m join organisations o on o.id = m.organisation_id
    where ${where}
  )`;
}

function withStatus(memberships: MembershipJson[] | null, on: string): MembershipRecord[] {
  return (memberships ?? []).map((m) => ({ ...m, status: membershipStatus(m, on) }));
}

/** A person's current memberships in every council: seats, groups, committees. */
export async function currentMembershipsOf(
  db: DbOrTrx,
  personId: number,
  on: string = todayInEngland(),
): Promise<MembershipRecord[]> {
  const { rows } = await sql<{ memberships: MembershipJson[] | null }>`
    select ${membershipsJson(sql`m.person_id = ${personId} and ${currentOn('m', on)}`)} as memberships
  `.execute(db);
  return withStatus(rows[0]?.memberships ?? null, on);
}

export interface PersonWithMemberships {
  personId: number;
  givenName: string;
  familyName: string;
  kind: PublicPersonKind;
  /** the email address only when the person has agreed to publish it */
  publishedEmail: string | null;
  authority: DirectoryAuthority;
  memberships: MembershipRecord[];
}

/**
 * A councillor or co-opted member with all their memberships of one council, past and present,
 * in one query. Nobody else: officers and Independent Persons, people of another council and
 * people with no membership of this one come back as null.
 */
export async function selectPersonWithMemberships(
  db: DbOrTrx,
  authoritySlug: string,
  personId: number,
  on: string,
): Promise<PersonWithMemberships | null> {
  const { rows } = await sql<
    AuthorityRow & {
      id: number;
      given_name: string;
      family_name: string;
      kind: PublicPersonKind;
      published_email: string | null;
      memberships: MembershipJson[] | null;
    }
  >`
    select ${authorityColumns(on)}, p.id, p.given_name, p.family_name, p.kind,
      case when p.publish_email then p.email end as published_email,
      ${membershipsJson(sql`m.person_id = p.id and o.authority_id = a.id`)} as memberships
    from ${authorityFrom}
    join people p on p.id = ${personId} and p.kind in ('member', 'co-opted-member')
    where a.slug = ${authoritySlug}
  `.execute(db);
  const row = rows[0];
  if (!row?.memberships) return null;
  return {
    personId: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    kind: row.kind,
    publishedEmail: row.published_email,
    authority: toAuthority(row),
    memberships: withStatus(row.memberships, on),
  };
}
