import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import { dateFields, programmeTestApp } from './int-test-support.js';

/** The empty session form. */
export const blankSession = {
  groupId: '',
  ...dateFields('sessionDate', ''),
  startTime: '',
  endTime: '',
  venue: '',
  onlineUrl: '',
  capacity: '',
  minimumNumbers: '',
};

/**
 * The programme test app with a programme of three courses: one for the political groups
 * (mandatory, 90 minutes), one for all members (2 hours) and one for officers.
 */
export async function sessionTestApp() {
  const s = await programmeTestApp();
  const programmeId = await createProgramme(s.t.db, s.authorityId);
  const groupCourse = await createCourse(s.t.db, programmeId, {
    title: 'The code of conduct for your group',
    audience: 'political-group',
    mandatory: true,
  });
  const allCourse = await createCourse(s.t.db, programmeId, {
    title: 'Local decision making',
    audience: 'all-members',
    duration_minutes: 120,
  });
  const officersCourse = await createCourse(s.t.db, programmeId, {
    title: 'Working with members',
    audience: 'officers',
  });
  const session = (id: number) =>
    s.t.db
      .selectFrom('training_sessions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  /** A session confirmed (as the scheduling pages would), straight in the database. */
  const confirmed = (courseId: number, extra: Record<string, unknown> = {}) =>
    createTrainingSession(s.t.db, courseId, {
      status: 'confirmed',
      starts_at: new Date('2026-10-14T17:00:00Z'),
      ends_at: new Date('2026-10-14T18:30:00Z'),
      confirmed_at: new Date(),
      venue: 'Committee Room 1',
      sequence: 2,
      ...extra,
    });
  return { s, programmeId, groupCourse, allCourse, officersCourse, session, confirmed };
}
export type SessionTest = Awaited<ReturnType<typeof sessionTestApp>>;
