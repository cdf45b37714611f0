import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { SessionStatus } from '../../db/schema.js';

/** A political group's session, with what its pages show about it. */
export interface GroupSessionRow {
  id: number;
  authorityId: number;
  courseId: number;
  courseTitle: string;
  durationMinutes: number;
  programmeId: number;
  programmeTitle: string;
  groupId: number;
  groupName: string;
  status: SessionStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  venue: string;
  onlineUrl: string | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  overrideReason: string | null;
}

export interface DateProposalRow {
  id: number;
  sessionId: number;
  startsAt: Date;
  endsAt: Date;
  proposedBy: string;
  byWhip: boolean;
  note: string;
  status: 'open' | 'accepted' | 'declined' | 'withdrawn';
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string;
  createdAt: Date;
}

const personName = (alias: string) =>
  sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;

function groupSessions(db: DbOrTrx) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('organisations as g', 'g.id', 's.group_id')
    .leftJoin('people as cb', 'cb.id', 's.confirmed_by')
    .select([
      's.id',
      'p.authority_id as authorityId',
      'c.id as courseId',
      'c.title as courseTitle',
      'c.duration_minutes as durationMinutes',
      'p.id as programmeId',
      'p.title as programmeTitle',
      'g.id as groupId',
      'g.name as groupName',
      's.status',
      's.starts_at as startsAt',
      's.ends_at as endsAt',
      's.venue',
      's.online_url as onlineUrl',
      's.confirmed_at as confirmedAt',
      sql<string | null>`case when cb.id is null then null else ${personName('cb')} end`.as(
        'confirmedBy',
      ),
      's.override_reason as overrideReason',
    ])
    .$narrowType<{ groupId: number }>();
}

/** A political group's session by id (null for another kind of session or none). */
export async function findGroupSession(
  db: DbOrTrx,
  sessionId: number,
): Promise<GroupSessionRow | null> {
  return (await groupSessions(db).where('s.id', '=', sessionId).executeTakeFirst()) ?? null;
}

/** The sessions of these groups that are not cancelled, soonest-to-agree first. */
export async function listSessionsOfGroups(
  db: DbOrTrx,
  groupIds: readonly number[],
): Promise<GroupSessionRow[]> {
  if (groupIds.length === 0) return [];
  return groupSessions(db)
    .where('s.group_id', 'in', groupIds)
    .where('s.status', 'in', ['planned', 'confirmed'])
    .orderBy(sql`s.status = 'confirmed'`)
    .orderBy('s.starts_at')
    .orderBy('c.title')
    .orderBy('s.id')
    .execute();
}

/** The date proposals of some sessions, oldest first. */
export async function listDateProposals(
  db: DbOrTrx,
  sessionIds: readonly number[],
): Promise<DateProposalRow[]> {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('session_date_proposals as d')
    .innerJoin('people as pb', 'pb.id', 'd.proposed_by')
    .leftJoin('people as db', 'db.id', 'd.decided_by')
    .select([
      'd.id',
      'd.session_id as sessionId',
      'd.starts_at as startsAt',
      'd.ends_at as endsAt',
      personName('pb').as('proposedBy'),
      'd.by_whip as byWhip',
      'd.note',
      'd.status',
      sql<string | null>`case when db.id is null then null else ${personName('db')} end`.as(
        'decidedBy',
      ),
      'd.decided_at as decidedAt',
      'd.decision_note as decisionNote',
      'd.created_at as createdAt',
    ])
    .where('d.session_id', 'in', sessionIds)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
}

/** Lock a session's row for a change to it and its proposals (one change at a time). */
export async function lockSession(db: DbOrTrx, sessionId: number) {
  return db
    .selectFrom('training_sessions')
    .select(['id', 'status', 'group_id', 'starts_at', 'ends_at', 'sequence'])
    .where('id', '=', sessionId)
    .forUpdate()
    .executeTakeFirst();
}
