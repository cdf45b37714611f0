import type { Db } from '../../db/database.js';
import type { Insertable } from 'kysely';
import type { CoursesTable, ProgrammesTable, TrainingSessionsTable } from '../../db/schema.js';

/**
 * Helpers for tests of the Member Development Programme: rows straight in the database, in
 * any state, without going through the screens.
 */
export async function createProgramme(
  db: Db,
  authorityId: number,
  values: Partial<Insertable<ProgrammesTable>> = {},
): Promise<number> {
  const row = await db
    .insertInto('programmes')
    .values({
      authority_id: authorityId,
      title: 'Member development 2026/27',
      starts_on: '2026-05-20',
      ends_on: '2027-05-19',
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createCourse(
  db: Db,
  programmeId: number,
  values: Partial<Insertable<CoursesTable>> = {},
): Promise<number> {
  const { next } = await db
    .selectFrom('courses')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('next'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('courses')
    .values({
      programme_id: programmeId,
      position: Number(next) + 1,
      title: 'The code of conduct in practice',
      format: 'workshop',
      duration_minutes: 90,
      audience: 'all-members',
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createTrainingSession(
  db: Db,
  courseId: number,
  values: Partial<Insertable<TrainingSessionsTable>> = {},
): Promise<number> {
  const row = await db
    .insertInto('training_sessions')
    .values({ course_id: courseId, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
