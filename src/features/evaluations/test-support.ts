import type { Db } from '../../db/database.js';
import type { AttendanceStatus } from '../../db/schema.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import { STANDARD_QUESTIONS } from './question-service.js';

/** For tests: the authority a person belongs to. */
export async function authorityOf(db: Db, personId: number) {
  const row = await db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return row.authority_id;
}

/**
 * For tests: a course asking the standard questions (unless told otherwise) and one held
 * session of it that ended `endedMinutesAgo` minutes ago (negative: it has not ended yet).
 */
export async function evaluatedSession(
  db: Db,
  authorityId: number,
  options: {
    endedMinutesAgo?: number;
    questions?: boolean;
    courseId?: number;
    programmeId?: number;
    courseTitle?: string;
  } = {},
) {
  const programmeId =
    options.programmeId ?? (await createProgramme(db, authorityId, { title: 'Programme (test)' }));
  let courseId = options.courseId;
  if (courseId === undefined) {
    courseId = await createCourse(db, programmeId, {
      title: options.courseTitle ?? 'Standards and probity (test)',
    });
    if (options.questions ?? true) {
      await db
        .insertInto('evaluation_questions')
        .values(STANDARD_QUESTIONS.map((q, position) => ({ course_id: courseId!, position, ...q })))
        .execute();
    }
  }
  const endsAt = new Date(Date.now() - (options.endedMinutesAgo ?? 30) * 60_000);
  const sessionId = await createTrainingSession(db, courseId, {
    starts_at: new Date(endsAt.getTime() - 90 * 60_000),
    ends_at: endsAt,
    status: 'held',
    confirmed_at: new Date(endsAt.getTime() - 7 * 24 * 60 * 60_000),
  });
  return { programmeId, courseId, sessionId };
}

export async function attend(
  db: Db,
  sessionId: number,
  personId: number,
  status: AttendanceStatus = 'attended',
) {
  await db
    .insertInto('attendance')
    .values({ session_id: sessionId, person_id: personId, status })
    .execute();
}

export async function questionIds(db: Db, courseId: number) {
  const rows = await db
    .selectFrom('evaluation_questions')
    .select('id')
    .where('course_id', '=', courseId)
    .where('retired', '=', false)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.id);
}
