import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn, todayInEngland } from '../../db/current.js';

const personName = (alias: string) =>
  sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;

/** The council's group whips and leaders today, each with their groups and roles. */
export async function listWhipsAndLeaders(
  db: DbOrTrx,
  authorityId: number,
  today = todayInEngland(),
) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select([
      'p.id',
      personName('p').as('name'),
      sql<string>`string_agg(o.name || ' ' || m.role, ', ' order by o.name, m.role)`.as('posts'),
    ])
    .where('o.authority_id', '=', authorityId)
    .where('o.classification', '=', 'political-group')
    .where('m.role', 'in', ['whip', 'leader'])
    .where(currentOn('m', today))
    .groupBy(['p.id', 'p.given_name', 'p.family_name'])
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
}

export async function listLiaisonMeetings(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('liaison_meetings as l')
    .select([
      'l.id',
      'l.held_on as heldOn',
      'l.notes',
      sql<string>`coalesce((select string_agg(${personName('p')}, ', ' order by p.family_name, p.given_name)
        from liaison_meeting_attendees a join people p on p.id = a.person_id
        where a.meeting_id = l.id), '')`.as('attendees'),
    ])
    .where('l.authority_id', '=', authorityId)
    .orderBy('l.held_on', 'desc')
    .orderBy('l.id', 'desc')
    .execute();
}

export async function findLiaisonMeeting(db: DbOrTrx, id: number) {
  const meeting = await db
    .selectFrom('liaison_meetings as l')
    .leftJoin('people as r', 'r.id', 'l.recorded_by')
    .select([
      'l.id',
      'l.authority_id as authorityId',
      'l.held_on as heldOn',
      'l.notes',
      'l.created_at as createdAt',
      sql<string | null>`case when r.id is null then null else ${personName('r')} end`.as(
        'recordedBy',
      ),
    ])
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!meeting) return null;
  const attendees = await db
    .selectFrom('liaison_meeting_attendees as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['p.id', personName('p').as('name')])
    .where('a.meeting_id', '=', id)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  return { ...meeting, attendees };
}
