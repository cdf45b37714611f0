import type { DbOrTrx } from '../../db/database.js';
import type { InvitationResponse, SessionStatus } from '../../db/schema.js';

export interface SessionForAdmin {
  id: number;
  courseId: number;
  courseTitle: string;
  mandatory: boolean;
  groupName: string | null;
  authorityName: string;
  startsAt: Date | null;
  endsAt: Date | null;
  venue: string;
  onlineUrl: string | null;
  capacity: number | null;
  minimumNumbers: number | null;
  status: SessionStatus;
  sequence: number;
}

export interface Invitee {
  personId: number;
  name: string;
  required: boolean;
  invitedAt: Date;
  response: InvitationResponse | null;
  responseReason: string;
  respondedAt: Date | null;
  sentSequence: number | null;
}

export function findSessionForAdmin(
  db: DbOrTrx,
  sessionId: number,
): Promise<SessionForAdmin | undefined> {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('authorities as a', 'a.id', 'p.authority_id')
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select([
      's.id',
      'c.id as courseId',
      'c.title as courseTitle',
      'c.mandatory',
      'g.name as groupName',
      'a.name as authorityName',
      's.starts_at as startsAt',
      's.ends_at as endsAt',
      's.venue',
      's.online_url as onlineUrl',
      's.capacity',
      's.minimum_numbers as minimumNumbers',
      's.status',
      's.sequence',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/** Everyone invited to a session, by family name. */
export function listInvitees(db: DbOrTrx, sessionId: number): Promise<Invitee[]> {
  return db
    .selectFrom('session_invitations as i')
    .innerJoin('people as pe', 'pe.id', 'i.person_id')
    .select((eb) => [
      'i.person_id as personId',
      eb.fn<string>('concat_ws', [eb.val(' '), 'pe.given_name', 'pe.family_name']).as('name'),
      'i.required',
      'i.invited_at as invitedAt',
      'i.response',
      'i.response_reason as responseReason',
      'i.responded_at as respondedAt',
      'i.sent_sequence as sentSequence',
    ])
    .where('i.session_id', '=', sessionId)
    .orderBy('pe.family_name')
    .orderBy('pe.given_name')
    .orderBy('i.person_id')
    .execute();
}
