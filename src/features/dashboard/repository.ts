import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn, todayInEngland } from '../../db/current.js';

export interface AdminCounts {
  peopleWithAccounts: number;
  invitationsOutstanding: number;
  emailsWaiting: number;
  auditEventsToday: number;
}

export async function countAdminFigures(db: DbOrTrx): Promise<AdminCounts> {
  const row = await sql<{
    accounts: number;
    invitations: number;
    emails: number;
    audit_today: number;
  }>`
    select
      (select count(*) from credentials)::int as accounts,
      (select count(*) from invitations where used_at is null and expires_at > now())::int as invitations,
      (select count(*) from outbox where status = 'pending')::int as emails,
      (select count(*) from audit_events where occurred_at >= date_trunc('day', now()))::int as audit_today
  `.execute(db);
  const r = row.rows[0];
  return {
    peopleWithAccounts: r?.accounts ?? 0,
    invitationsOutstanding: r?.invitations ?? 0,
    emailsWaiting: r?.emails ?? 0,
    auditEventsToday: r?.audit_today ?? 0,
  };
}

export interface GroupMember {
  groupId: number;
  groupName: string;
  name: string;
  role: string;
}

/** Current members of the groups this whip is whip of: nobody else's group. */
export async function listWhipGroupMembers(
  db: DbOrTrx,
  groupIds: readonly number[],
): Promise<GroupMember[]> {
  if (groupIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['o.id as group_id', 'o.name as group_name', 'p.given_name', 'p.family_name', 'm.role'])
    .where('m.organisation_id', 'in', groupIds)
    .where('o.classification', '=', 'political-group')
    .where(currentOn('m', todayInEngland()))
    .orderBy('o.name')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  return rows.map((r) => ({
    groupId: r.group_id,
    groupName: r.group_name,
    name: `${r.given_name} ${r.family_name}`,
    role: r.role,
  }));
}

export interface IndependentPersonCover {
  authorityName: string;
  inPost: number;
  endingSoon: { name: string; endDate: string }[];
}

/**
 * For each principal council: how many Independent Persons are in post today, and whose
 * appointment ends within 3 months. The law needs at least one; best practice is two.
 */
export async function independentPersonCover(db: DbOrTrx): Promise<IndependentPersonCover[]> {
  const { rows } = await sql<{
    authority_name: string;
    in_post: number;
    ending: { name: string; endDate: string }[];
  }>`
    select a.name as authority_name,
           count(i.id) filter (where i.start_date <= current_date and i.end_date >= current_date)::int as in_post,
           coalesce(jsonb_agg(jsonb_build_object(
               'name', p.given_name || ' ' || p.family_name, 'endDate', i.end_date::text)
               order by i.end_date)
             filter (where i.start_date <= current_date and i.end_date >= current_date
                       and i.end_date < current_date + interval '3 months'), '[]') as ending
      from authorities a
      left join independent_person_appointments i on i.authority_id = a.id
      left join people p on p.id = i.person_id
     where a.kind = 'principal'
     group by a.id, a.name
     order by a.name`.execute(db);
  return rows.map((r) => ({
    authorityName: r.authority_name,
    inPost: r.in_post,
    endingSoon: r.ending,
  }));
}
