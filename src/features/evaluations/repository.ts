import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';

/** Attendance that lets a person evaluate a session: they were there, for some of it at least. */
export const PRESENT = ['attended', 'late', 'left-early'] as const;

/** How long after a session ends its attendees may still evaluate it. */
export const OPEN_DAYS = 180;

export interface CourseRow {
  id: number;
  title: string;
  authorityId: number;
  programmeId: number;
  programmeTitle: string;
}

function courses(db: DbOrTrx) {
  return db
    .selectFrom('courses as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .select([
      'c.id',
      'c.title',
      'p.authority_id as authorityId',
      'p.id as programmeId',
      'p.title as programmeTitle',
    ]);
}

export async function findCourse(db: DbOrTrx, id: number): Promise<CourseRow | null> {
  return (await courses(db).where('c.id', '=', id).executeTakeFirst()) ?? null;
}

export async function listCoursesOfProgramme(db: DbOrTrx, programmeId: number) {
  return courses(db).where('p.id', '=', programmeId).orderBy('c.position').execute();
}

export async function findProgramme(db: DbOrTrx, id: number) {
  return db
    .selectFrom('programmes')
    .select(['id', 'title', 'authority_id as authorityId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface QuestionRow {
  id: number;
  courseId: number;
  position: number;
  kind: 'rating' | 'text';
  prompt: string;
  required: boolean;
  retired: boolean;
  answers: number;
}

/** A course's questions in order, retired ones included, with how many answers each has. */
export async function listQuestions(db: DbOrTrx, courseId: number): Promise<QuestionRow[]> {
  return db
    .selectFrom('evaluation_questions as q')
    .select([
      'q.id',
      'q.course_id as courseId',
      'q.position',
      'q.kind',
      'q.prompt',
      'q.required',
      'q.retired',
      sql<number>`(select count(*)::int from evaluation_answers a where a.question_id = q.id)`.as(
        'answers',
      ),
    ])
    .where('q.course_id', '=', courseId)
    .orderBy('q.position')
    .execute();
}

/** The questions a course asks now, in order. */
export async function listAskedQuestions(db: DbOrTrx, courseId: number) {
  return (await listQuestions(db, courseId)).filter((q) => !q.retired);
}

/** Lock a course's questions for the rest of the transaction (one change at a time). */
export async function lockCourse(db: DbOrTrx, courseId: number) {
  await db.selectFrom('courses').select('id').where('id', '=', courseId).forUpdate().execute();
}

/** The session someone attended, if it has ended: what the evaluation pages need about it. */
export interface AttendedSession {
  id: number;
  courseId: number;
  courseTitle: string;
  groupName: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

export async function findAttendedSession(
  db: DbOrTrx,
  sessionId: number,
  personId: number,
  now: Date,
): Promise<AttendedSession | null> {
  const row = await db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('attendance as a', (j) =>
      j.onRef('a.session_id', '=', 's.id').on('a.person_id', '=', personId),
    )
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select([
      's.id',
      'c.id as courseId',
      'c.title as courseTitle',
      'g.name as groupName',
      's.starts_at as startsAt',
      's.ends_at as endsAt',
    ])
    .where('s.id', '=', sessionId)
    .where('s.status', '<>', 'cancelled')
    .where('s.ends_at', '<=', now)
    .where('a.status', 'in', PRESENT)
    .executeTakeFirst();
  return row ?? null;
}

export interface ResponseRow {
  id: number;
  submittedAt: Date | null;
}

export async function findResponse(
  db: DbOrTrx,
  sessionId: number,
  personId: number,
  lock = false,
): Promise<ResponseRow | null> {
  let query = db
    .selectFrom('evaluation_responses')
    .select(['id', 'submitted_at as submittedAt'])
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId);
  if (lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

/** The person's one response to the session, made now if they have none yet. */
export async function responseFor(db: DbOrTrx, sessionId: number, personId: number) {
  await db
    .insertInto('evaluation_responses')
    .values({ session_id: sessionId, person_id: personId })
    .onConflict((oc) => oc.columns(['session_id', 'person_id']).doNothing())
    .execute();
  return (await findResponse(db, sessionId, personId, true))!;
}

export async function listAnswers(db: DbOrTrx, responseId: number) {
  return db
    .selectFrom('evaluation_answers')
    .select(['question_id as questionId', 'rating', 'text'])
    .where('response_id', '=', responseId)
    .execute();
}

/** Sessions the person attended that ended within the open period, with their response if any. */
export interface MySessionRow {
  sessionId: number;
  courseTitle: string;
  groupName: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  startedAt: Date | null;
  submittedAt: Date | null;
}

export async function listMySessions(
  db: DbOrTrx,
  personId: number,
  now: Date,
): Promise<MySessionRow[]> {
  const since = new Date(now.getTime() - OPEN_DAYS * 24 * 60 * 60_000);
  const { rows } = await sql<MySessionRow>`
    select s.id as "sessionId", c.title as "courseTitle", g.name as "groupName",
           s.starts_at as "startsAt", s.ends_at as "endsAt",
           r.started_at as "startedAt", r.submitted_at as "submittedAt"
      from attendance a
      join training_sessions s on s.id = a.session_id
      join courses c on c.id = s.course_id
      left join organisations g on g.id = s.group_id
      left join evaluation_responses r on r.session_id = s.id and r.person_id = a.person_id
     where a.person_id = ${personId}
       and a.status in ('attended', 'late', 'left-early')
       and s.status <> 'cancelled'
       and s.ends_at <= ${now}
       and (r.submitted_at is not null or s.ends_at >= ${since})
       and exists (select 1 from evaluation_questions q where q.course_id = c.id and not q.retired)
     order by s.ends_at desc, s.id desc`.execute(db);
  return rows;
}
