import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn } from '../../db/current.js';

/** Where a member stands against one rule. */
export type ComplianceStatus = 'complete' | 'booked' | 'due' | 'overdue';

export interface ComplianceRow {
  personId: number;
  name: string;
  groupId: number | null;
  groupName: string | null;
  ruleId: number;
  status: ComplianceStatus;
  /** the last day to complete the course (within-months rules) */
  dueOn: string | null;
  /** the day of the session that satisfied the rule */
  completedOn: string | null;
  /** the day of a future session they are booked on */
  bookedOn: string | null;
}

export interface Rule {
  id: number;
  name: string;
  topic: string;
  kind: 'within-months' | 'before-sitting';
  withinMonths: number | null;
  committeeId: number | null;
  committeeName: string | null;
}

export async function listRules(db: DbOrTrx, authorityId: number): Promise<Rule[]> {
  const rows = await db
    .selectFrom('compliance_rules as r')
    .leftJoin('organisations as c', 'c.id', 'r.committee_id')
    .select([
      'r.id',
      'r.name',
      'r.topic',
      'r.kind',
      'r.within_months',
      'r.committee_id',
      'c.name as committee_name',
    ])
    .where('r.authority_id', '=', authorityId)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    topic: r.topic,
    kind: r.kind,
    withinMonths: r.within_months,
    committeeId: r.committee_id,
    committeeName: r.committee_name,
  }));
}

/**
 * Every councillor of the council on `on`, against every rule that applies to them, in one
 * statement:
 * - a **within-months** rule applies to every councillor: they must complete a session of a
 *   course on the rule's topic on or after the later of their election (the start of their
 *   seat) and, for the code of conduct, the day the code in force came into force; the last day
 *   is that date plus the months;
 * - a **before-sitting** rule applies to the committee's members that day: they must have
 *   completed such a session before sitting (at any time).
 *
 * Completed means attended or late (leaving early does not count) a session on the topic, or
 * finished a self-study scenario set that counts towards a course on the topic. Booked means invited to a
 * confirmed session on the topic still to come, without having said they will not attend.
 * Only sessions of the council's own programmes count.
 */
export async function complianceRows(
  db: DbOrTrx,
  authorityId: number,
  on: string,
  options: { groupIds?: readonly number[] | null; personId?: number } = {},
): Promise<ComplianceRow[]> {
  const personFilter =
    options.personId === undefined ? sql`` : sql`and seat.person_id = ${options.personId}`;
  const groupFilter =
    options.groupIds && options.groupIds.length > 0
      ? sql`and g.organisation_id in (${sql.join(options.groupIds.map((id) => sql`${id}`))})`
      : options.groupIds
        ? sql`and false`
        : sql``;
  const { rows } = await sql<{
    person_id: number;
    name: string;
    group_id: number | null;
    group_name: string | null;
    rule_id: number;
    due_on: string | null;
    completed_on: string | null;
    booked_on: string | null;
  }>`
    with seat as (
      select distinct on (m.person_id) m.person_id, m.start_date
        from memberships m
        join organisations c on c.id = m.organisation_id
        join people p on p.id = m.person_id
       where c.authority_id = ${authorityId} and c.classification = 'council'
         and p.kind = 'member' and ${currentOn('m', on)}
       order by m.person_id, m.start_date
    ),
    code as (
      select max(in_force_from) as since from code_versions
       where authority_id = ${authorityId} and status = 'in-force'
    ),
    member as (
      select seat.person_id, seat.start_date, p.given_name || ' ' || p.family_name as name,
             g.organisation_id as group_id, go.name as group_name
        from seat
        join people p on p.id = seat.person_id
        left join lateral (
          select gm.organisation_id from memberships gm
            join organisations o on o.id = gm.organisation_id and o.classification = 'political-group'
           where gm.person_id = seat.person_id and ${currentOn('gm', on)}
           order by gm.start_date desc limit 1
        ) g on true
        left join organisations go on go.id = g.organisation_id
       where true ${groupFilter} ${personFilter}
    ),
    applies as (
      select member.*, r.id as rule_id, r.topic, r.kind,
             case when r.kind = 'within-months' then
               greatest(member.start_date,
                        case when r.topic = 'code-of-conduct' then (select since from code) end)
             end as from_date,
             r.within_months
        from member
        join compliance_rules r on r.authority_id = ${authorityId}
       where r.kind = 'within-months'
          or exists (select 1 from memberships cm
                      where cm.person_id = member.person_id
                        and cm.organisation_id = r.committee_id and ${currentOn('cm', on)})
    )
    select a.person_id, a.name, a.group_id, a.group_name, a.rule_id,
           case when a.kind = 'within-months'
                then to_char(a.from_date + make_interval(months => a.within_months), 'YYYY-MM-DD')
           end as due_on,
           (select to_char(max(done.on_day), 'YYYY-MM-DD') from (
              select (s.starts_at at time zone 'Europe/London')::date as on_day
                from attendance at
                join training_sessions s on s.id = at.session_id
                join courses c on c.id = s.course_id and c.topic = a.topic
                join programmes pr on pr.id = c.programme_id and pr.authority_id = ${authorityId}
               where at.person_id = a.person_id and at.status in ('attended', 'late')
              union all
              select (sc.completed_at at time zone 'Europe/London')::date
                from scenario_set_completions sc
                join scenario_sets ss on ss.id = sc.set_id
                join courses c on c.id = ss.counts_towards_course_id and c.topic = a.topic
                join programmes pr on pr.id = c.programme_id and pr.authority_id = ${authorityId}
               where sc.person_id = a.person_id
             ) done
             where a.from_date is null or done.on_day >= a.from_date) as completed_on,
           (select to_char(min((s.starts_at at time zone 'Europe/London')::date), 'YYYY-MM-DD')
              from session_invitations i
              join training_sessions s on s.id = i.session_id and s.status = 'confirmed'
              join courses c on c.id = s.course_id and c.topic = a.topic
              join programmes pr on pr.id = c.programme_id and pr.authority_id = ${authorityId}
             where i.person_id = a.person_id
               and (s.starts_at at time zone 'Europe/London')::date >= ${on}::date
               and i.response is distinct from 'not-attending') as booked_on
      from applies a
     order by a.name, a.person_id, a.rule_id
  `.execute(db);
  return rows.map((r) => {
    let status: ComplianceStatus;
    if (r.completed_on) status = 'complete';
    else if (r.booked_on && (r.due_on === null || r.booked_on <= r.due_on)) status = 'booked';
    else if (r.due_on !== null && r.due_on >= on) status = 'due';
    // Past the last day, or sitting on a committee without its training.
    else status = 'overdue';
    return {
      personId: r.person_id,
      name: r.name,
      groupId: r.group_id,
      groupName: r.group_name,
      ruleId: r.rule_id,
      status,
      dueOn: r.due_on,
      completedOn: r.completed_on,
      bookedOn: r.booked_on,
    };
  });
}

/** A councillor's seat on one of the council's committees or sub-committees on a day. */
export interface CommitteeSeat {
  personId: number;
  committeeId: number;
  committeeName: string;
}

/** Who sits on which of the council's committees and sub-committees on `on`. */
export async function committeeSeats(
  db: DbOrTrx,
  authorityId: number,
  on: string,
): Promise<CommitteeSeat[]> {
  const { rows } = await sql<{ person_id: number; committee_id: number; committee_name: string }>`
    select distinct m.person_id, o.id as committee_id, o.name as committee_name
      from memberships m
      join organisations o on o.id = m.organisation_id
     where o.authority_id = ${authorityId}
       and o.classification in ('committee', 'sub-committee')
       and ${currentOn('m', on)}
     order by o.name, o.id
  `.execute(db);
  return rows.map((r) => ({
    personId: r.person_id,
    committeeId: r.committee_id,
    committeeName: r.committee_name,
  }));
}
