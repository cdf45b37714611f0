import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database.js';
import { currentOn, todayInEngland } from '../../db/current.js';
import type { CourseAudience } from '../../db/schema.js';

/** What decides a session's audience. */
export interface AudienceOf {
  authorityId: number;
  audience: CourseAudience;
  /** the committee, for a committee's course */
  audienceOrganisationId: number | null;
  /** the political group, for a group's own session */
  groupId: number | null;
  /** the day whose memberships count: the session's date (England), or today if it has none */
  on: string;
}

/**
 * The people a session is for, as SQL (so callers can join, count or insert from it without
 * reading thousands of rows into Node), from memberships on the session's day:
 * - a political group's session: the group's members that day;
 * - all members: every councillor holding a seat on the council that day;
 * - a committee's course: its members that day (substitutes too: they may sit);
 * - officers: the council's officers who hold the officer role in Probity (not every employee);
 * - parish councillors: every seat on the councils of its parishes and towns that day.
 */
export function audienceSql(a: AudienceOf) {
  switch (a.audience) {
    case 'political-group':
      return sql<{ person_id: number }>`
        select m.person_id from memberships m
         where m.organisation_id = ${a.groupId ?? -1} and ${currentOn('m', a.on)}`;
    case 'all-members':
      return sql<{ person_id: number }>`
        select seat.person_id from memberships seat
          join organisations c on c.id = seat.organisation_id
          join people p on p.id = seat.person_id
         where c.authority_id = ${a.authorityId} and c.classification = 'council'
           and p.kind = 'member' and ${currentOn('seat', a.on)}`;
    case 'committee':
      return sql<{ person_id: number }>`
        select m.person_id from memberships m
         where m.organisation_id = ${a.audienceOrganisationId ?? -1} and ${currentOn('m', a.on)}`;
    case 'officers':
      return sql<{ person_id: number }>`
        select p.id as person_id from people p
          join person_roles r on r.person_id = p.id and r.role = 'officer'
         where p.authority_id = ${a.authorityId} and p.kind = 'officer'`;
    case 'parish-councillors':
      return sql<{ person_id: number }>`
        select seat.person_id from memberships seat
          join organisations c on c.id = seat.organisation_id
          join authorities parish on parish.id = c.authority_id
         where parish.parent_id = ${a.authorityId} and c.classification = 'council'
           and ${currentOn('seat', a.on)}`;
  }
}

/** The day in England of an instant, as YYYY-MM-DD. */
export function dayInEngland(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** What `audienceSql` needs for a session, read from the session and its course. */
export async function audienceOfSession(
  db: DbOrTrx,
  sessionId: number,
): Promise<AudienceOf | null> {
  const row = await db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .select([
      'p.authority_id',
      'c.audience',
      'c.audience_organisation_id',
      's.group_id',
      's.starts_at',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    authorityId: row.authority_id,
    audience: row.audience,
    audienceOrganisationId: row.audience_organisation_id,
    groupId: row.group_id,
    on: row.starts_at ? dayInEngland(row.starts_at) : todayInEngland(),
  };
}

/**
 * Invite a session's audience: one invitation per person, marked required when the course is
 * mandatory, in one statement. Someone already invited keeps their invitation and reply.
 * Returns the people newly invited. Sending the invitations (email with an .ics file) is the
 * caller's part, in the same transaction.
 */
export async function inviteAudience(trx: Trx, sessionId: number): Promise<number[]> {
  const audience = await audienceOfSession(trx, sessionId);
  if (!audience) return [];
  const { rows } = await sql<{ person_id: number }>`
    insert into session_invitations (session_id, person_id, required)
    select ${sessionId}, a.person_id,
           (select c.mandatory from training_sessions s join courses c on c.id = s.course_id
             where s.id = ${sessionId})
      from (${audienceSql(audience)}) a
     group by a.person_id
    on conflict (session_id, person_id) do nothing
    returning person_id`.execute(trx);
  return rows.map((r) => r.person_id);
}
