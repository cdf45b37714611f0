import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { AttendanceStatus, InvitationResponse, SessionStatus } from '../../db/schema.js';

/** A training session with what the attendance pages show about it. */
export interface SessionRow {
  id: number;
  authorityId: number;
  courseId: number;
  courseTitle: string;
  programmeTitle: string;
  groupName: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  venue: string;
  onlineUrl: string | null;
  status: SessionStatus;
  attendanceCode: string | null;
  durationMinutes: number;
}

const sessionColumns = [
  's.id',
  'p.authority_id as authorityId',
  'c.id as courseId',
  'c.title as courseTitle',
  'p.title as programmeTitle',
  'g.name as groupName',
  's.starts_at as startsAt',
  's.ends_at as endsAt',
  's.venue',
  's.online_url as onlineUrl',
  's.status',
  's.attendance_code as attendanceCode',
  'c.duration_minutes as durationMinutes',
] as const;

function sessions(db: DbOrTrx) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select(sessionColumns);
}

export async function findSession(db: DbOrTrx, id: number): Promise<SessionRow | null> {
  return (await sessions(db).where('s.id', '=', id).executeTakeFirst()) ?? null;
}

/** Lock a session's row for the rest of the transaction (one change to its attendance at a time). */
export async function lockSession(db: DbOrTrx, id: number): Promise<SessionRow | null> {
  return (await sessions(db).where('s.id', '=', id).forUpdate('s').executeTakeFirst()) ?? null;
}

export async function isFacilitator(db: DbOrTrx, sessionId: number, personId: number) {
  const row = await db
    .selectFrom('session_facilitators')
    .select('person_id')
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The sessions whose code this is, confirmed or held (a cancelled session takes no attendance). */
export async function findSessionsByCode(db: DbOrTrx, code: string): Promise<SessionRow[]> {
  return sessions(db)
    .where('s.attendance_code', '=', code)
    .where('s.status', 'in', ['confirmed', 'held'])
    .orderBy('s.starts_at', 'desc')
    .execute();
}

export async function setAttendanceCode(db: DbOrTrx, sessionId: number, code: string) {
  await db
    .updateTable('training_sessions')
    .set({ attendance_code: code, updated_at: new Date() })
    .where('id', '=', sessionId)
    .execute();
}

/** Whether another session that may still take attendance already uses this code. */
export async function codeInUse(db: DbOrTrx, code: string, sessionId: number, since: Date) {
  const row = await db
    .selectFrom('training_sessions')
    .select('id')
    .where('attendance_code', '=', code)
    .where('id', '<>', sessionId)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', since)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** One person on a session's register: invited, or recorded without an invitation. */
export interface RosterRow {
  personId: number;
  givenName: string;
  familyName: string;
  invited: boolean;
  required: boolean;
  response: InvitationResponse | null;
  status: AttendanceStatus | null;
  selfRegistered: boolean;
}

export async function listRoster(db: DbOrTrx, sessionId: number): Promise<RosterRow[]> {
  const { rows } = await sql<RosterRow>`
    select p.id as "personId", p.given_name as "givenName", p.family_name as "familyName",
           (i.person_id is not null) as invited, coalesce(i.required, false) as required,
           i.response, a.status, coalesce(a.self_registered, false) as "selfRegistered"
      from (select person_id from session_invitations where session_id = ${sessionId}
            union select person_id from attendance where session_id = ${sessionId}) who
      join people p on p.id = who.person_id
      left join session_invitations i on i.session_id = ${sessionId} and i.person_id = p.id
      left join attendance a on a.session_id = ${sessionId} and a.person_id = p.id
     order by p.family_name, p.given_name, p.id`.execute(db);
  return rows;
}

/**
 * People of the council (and of its parishes, whose councillors may come to its training) who
 * are not on the session's register yet: whom one can add.
 */
export async function listAddable(
  db: DbOrTrx,
  sessionId: number,
  authorityId: number,
  options: { find?: string; limit?: number } = {},
) {
  // `find`: part of a name, matched on the expression of migration 0004's trigram index.
  const pattern = options.find ? `%${options.find.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .selectFrom('people as p')
    .select(['p.id as personId', 'p.given_name as givenName', 'p.family_name as familyName'])
    .where('p.authority_id', 'in', (eb) =>
      eb
        .selectFrom('authorities as au')
        .select('au.id')
        .where((w) => w.or([w('au.id', '=', authorityId), w('au.parent_id', '=', authorityId)])),
    )
    .where('p.kind', 'in', ['member', 'co-opted-member', 'officer'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('session_invitations as i')
            .select('i.person_id')
            .whereRef('i.person_id', '=', 'p.id')
            .where('i.session_id', '=', sessionId),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('attendance as a')
            .select('a.person_id')
            .whereRef('a.person_id', '=', 'p.id')
            .where('a.session_id', '=', sessionId),
        ),
      ),
    )
    .$if(pattern !== null, (q) =>
      q.where(sql`p.given_name || ' ' || p.family_name`, 'ilike', pattern!),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .$if(options.limit !== undefined, (q) => q.limit(options.limit!))
    .execute();
}

export async function findPerson(db: DbOrTrx, personId: number) {
  return db
    .selectFrom('people as p')
    .innerJoin('authorities as a', 'a.id', 'p.authority_id')
    .select([
      'p.id',
      'p.authority_id as authorityId',
      'a.parent_id as parentAuthorityId',
      'p.given_name as givenName',
      'p.family_name as familyName',
      'p.kind',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

export interface AttendanceRow {
  personId: number;
  status: AttendanceStatus;
  selfRegistered: boolean;
  recordedBy: number | null;
}

export async function listAttendance(db: DbOrTrx, sessionId: number): Promise<AttendanceRow[]> {
  return db
    .selectFrom('attendance')
    .select([
      'person_id as personId',
      'status',
      'self_registered as selfRegistered',
      'recorded_by as recordedBy',
    ])
    .where('session_id', '=', sessionId)
    .execute();
}

export async function saveAttendance(
  db: DbOrTrx,
  row: {
    sessionId: number;
    personId: number;
    status: AttendanceStatus;
    selfRegistered: boolean;
    recordedBy: number;
  },
) {
  await db
    .insertInto('attendance')
    .values({
      session_id: row.sessionId,
      person_id: row.personId,
      status: row.status,
      self_registered: row.selfRegistered,
      recorded_by: row.recordedBy,
    })
    .onConflict((oc) =>
      oc.columns(['session_id', 'person_id']).doUpdateSet({
        status: row.status,
        self_registered: row.selfRegistered,
        recorded_by: row.recordedBy,
        recorded_at: new Date(),
      }),
    )
    .execute();
}

/** The sessions a person facilitates, latest first. */
export async function listFacilitating(db: DbOrTrx, personId: number) {
  return sessions(db)
    .innerJoin('session_facilitators as f', 'f.session_id', 's.id')
    .select([
      'f.role',
      sql<number>`(select count(*) from attendance a where a.session_id = s.id)`.as('recorded'),
      sql<number>`(select count(*) from session_invitations i where i.session_id = s.id)`.as(
        'invited',
      ),
    ])
    .where('f.person_id', '=', personId)
    .orderBy(sql`s.starts_at desc nulls first`)
    .orderBy('s.id', 'desc')
    .execute();
}

/** One line of a person's training record: a session they were invited to or attended. */
export interface RecordRow {
  sessionId: number;
  programmeTitle: string;
  courseTitle: string;
  groupName: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  sessionStatus: SessionStatus;
  invited: boolean;
  required: boolean;
  response: InvitationResponse | null;
  status: AttendanceStatus | null;
  selfRegistered: boolean;
}

export async function listRecord(db: DbOrTrx, personId: number): Promise<RecordRow[]> {
  const { rows } = await sql<RecordRow>`
    select s.id as "sessionId", p.title as "programmeTitle", c.title as "courseTitle",
           g.name as "groupName", s.starts_at as "startsAt", s.ends_at as "endsAt",
           s.status as "sessionStatus",
           (i.person_id is not null) as invited, coalesce(i.required, false) as required,
           i.response, a.status, coalesce(a.self_registered, false) as "selfRegistered"
      from (select session_id from session_invitations where person_id = ${personId}
            union select session_id from attendance where person_id = ${personId}) mine
      join training_sessions s on s.id = mine.session_id
      join courses c on c.id = s.course_id
      join programmes p on p.id = c.programme_id
      left join organisations g on g.id = s.group_id
      left join session_invitations i on i.session_id = s.id and i.person_id = ${personId}
      left join attendance a on a.session_id = s.id and a.person_id = ${personId}
     order by s.starts_at desc nulls first, s.id desc`.execute(db);
  return rows;
}
