import type { Db } from '../../db/database.js';
import { inviteAudience } from '../member-development/index.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';

/**
 * For tests: a confirmed session of a course for the given audience, starting `startsInMinutes`
 * from now and lasting 90 minutes, with its audience invited as the invitations feature would.
 */
export async function confirmedSession(
  db: Db,
  authorityId: number,
  options: {
    startsInMinutes?: number;
    audience?: 'officers' | 'all-members';
    mandatory?: boolean;
    courseTitle?: string;
    programmeTitle?: string;
  } = {},
): Promise<number> {
  const programme = await createProgramme(db, authorityId, {
    ...(options.programmeTitle ? { title: options.programmeTitle } : {}),
  });
  const course = await createCourse(db, programme, {
    audience: options.audience ?? 'officers',
    mandatory: options.mandatory ?? false,
    ...(options.courseTitle ? { title: options.courseTitle } : {}),
  });
  const startsAt = new Date(Date.now() + (options.startsInMinutes ?? -10) * 60_000);
  const session = await createTrainingSession(db, course, {
    starts_at: startsAt,
    ends_at: new Date(startsAt.getTime() + 90 * 60_000),
    venue: 'Committee Room 2',
    status: 'confirmed',
    confirmed_at: new Date(),
  });
  await db.transaction().execute((trx) => inviteAudience(trx, session));
  return session;
}
