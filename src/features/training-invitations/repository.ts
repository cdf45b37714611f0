import type { DbOrTrx } from '../../db/database.js';
import type { InvitationResponse, SessionStatus } from '../../db/schema.js';

/** One invitation of a person, with what they need to know about the session. */
export interface MyInvitation {
  sessionId: number;
  courseTitle: string;
  groupName: string | null;
  authorityName: string;
  durationMinutes: number;
  startsAt: Date | null;
  endsAt: Date | null;
  venue: string;
  onlineUrl: string | null;
  status: SessionStatus;
  sequence: number;
  required: boolean;
  response: InvitationResponse | null;
  responseReason: string;
  respondedAt: Date | null;
}

const invitationsOf = (db: DbOrTrx) =>
  db
    .selectFrom('session_invitations as i')
    .innerJoin('training_sessions as s', 's.id', 'i.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('authorities as a', 'a.id', 'p.authority_id')
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select([
      'i.session_id as sessionId',
      'c.title as courseTitle',
      'g.name as groupName',
      'a.name as authorityName',
      'c.duration_minutes as durationMinutes',
      's.starts_at as startsAt',
      's.ends_at as endsAt',
      's.venue',
      's.online_url as onlineUrl',
      's.status',
      's.sequence',
      'i.required',
      'i.response',
      'i.response_reason as responseReason',
      'i.responded_at as respondedAt',
    ]);

/** Every session a person is invited to, soonest first (sessions without a time last). */
export function listMyInvitations(db: DbOrTrx, personId: number): Promise<MyInvitation[]> {
  return invitationsOf(db)
    .where('i.person_id', '=', personId)
    .orderBy('s.starts_at', (ob) => ob.asc().nullsLast())
    .orderBy('i.session_id')
    .execute();
}

/** One of a person's invitations, or nothing when they are not invited to that session. */
export function findMyInvitation(
  db: DbOrTrx,
  personId: number,
  sessionId: number,
): Promise<MyInvitation | undefined> {
  return invitationsOf(db)
    .where('i.person_id', '=', personId)
    .where('i.session_id', '=', sessionId)
    .executeTakeFirst();
}

/** The sessions in a person's calendar feed: those confirmed, held or cancelled. */
export function listFeedSessions(db: DbOrTrx, personId: number): Promise<MyInvitation[]> {
  return invitationsOf(db)
    .where('i.person_id', '=', personId)
    .where('s.status', 'in', ['confirmed', 'held', 'cancelled'])
    .where('s.starts_at', 'is not', null)
    .orderBy('s.starts_at')
    .orderBy('i.session_id')
    .execute();
}
