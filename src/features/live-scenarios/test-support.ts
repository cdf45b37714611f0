import type { Db } from '../../db/database.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';

/**
 * For tests: a confirmed session of the council that started `startsInMinutes` from now (ten
 * minutes ago by default) and lasts 90 minutes, with the given attendance code.
 */
export async function runningSession(
  db: Db,
  authorityId: number,
  options: { startsInMinutes?: number; code?: string | null; courseTitle?: string } = {},
): Promise<number> {
  const programme = await createProgramme(db, authorityId);
  const course = await createCourse(db, programme, {
    ...(options.courseTitle ? { title: options.courseTitle } : {}),
  });
  const startsAt = new Date(Date.now() + (options.startsInMinutes ?? -10) * 60_000);
  return createTrainingSession(db, course, {
    starts_at: startsAt,
    ends_at: new Date(startsAt.getTime() + 90 * 60_000),
    venue: 'Council Chamber',
    status: 'confirmed',
    confirmed_at: new Date(),
    attendance_code: options.code === undefined ? null : options.code,
  });
}

/** Record people as attending a session (as a facilitator would). */
export async function attending(
  db: Db,
  sessionId: number,
  personIds: number[],
  status: 'attended' | 'absent' = 'attended',
) {
  await db
    .insertInto('attendance')
    .values(personIds.map((person_id) => ({ session_id: sessionId, person_id, status })))
    .execute();
}
