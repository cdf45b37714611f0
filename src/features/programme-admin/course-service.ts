import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { listOrganisations, lockProgramme } from './repository.js';
import type { CourseInput } from './schemas.js';

/** A course's columns from its form; the committee only for a committee's course. */
function columnsOf(input: CourseInput) {
  return {
    title: input.title,
    purposes: input.purposes,
    format: input.format,
    duration_minutes: input.durationMinutes,
    provider: input.provider,
    audience: input.audience,
    audience_organisation_id:
      input.audience === 'committee' ? (input.audienceOrganisationId ?? null) : null,
    topic: input.topic ?? null,
    mandatory: input.mandatory === 'yes',
    code_paragraphs: input.codeParagraphs,
  };
}

async function committeeProblem(trx: Trx, authorityId: number, input: CourseInput) {
  if (input.audience !== 'committee') return null;
  const committees = await listOrganisations(trx, authorityId, ['committee', 'sub-committee']);
  return committees.some((c) => c.id === input.audienceOrganisationId)
    ? null
    : refuse('audienceOrganisationId', 'Select one of the council’s committees');
}

export async function createCourse(
  db: Db,
  programmeId: number,
  input: CourseInput,
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const programme = await lockProgramme(trx, programmeId);
    if (!programme) return refuse('title', 'That programme no longer exists');
    if (programme.status === 'closed')
      return refuse('title', 'This programme is closed, so no course can be added');
    const problem = await committeeProblem(trx, programme.authority_id, input);
    if (problem) return problem;
    const { next } = await trx
      .selectFrom('courses')
      .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('next'))
      .where('programme_id', '=', programmeId)
      .executeTakeFirstOrThrow();
    const values = { programme_id: programmeId, position: Number(next) + 1, ...columnsOf(input) };
    const { id } = await trx
      .insertInto('courses')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'course',
      entityId: id,
      action: 'created',
      after: values,
    });
    return done(id);
  });
}

export async function updateCourse(
  db: Db,
  courseId: number,
  input: CourseInput,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const course = await trx
      .selectFrom('courses')
      .selectAll()
      .where('id', '=', courseId)
      .forUpdate()
      .executeTakeFirst();
    if (!course) return refuse('title', 'That course no longer exists');
    const programme = await lockProgramme(trx, course.programme_id);
    if (!programme || programme.status === 'closed')
      return refuse('title', 'The programme is closed, so its courses can no longer be changed');
    const problem = await committeeProblem(trx, programme.authority_id, input);
    if (problem) return problem;
    const after = columnsOf(input);
    const audienceChanged =
      after.audience !== course.audience ||
      after.audience_organisation_id !== course.audience_organisation_id;
    if (audienceChanged) {
      const live = await trx
        .selectFrom('training_sessions')
        .select('id')
        .where('course_id', '=', courseId)
        .where('status', '<>', 'cancelled')
        .executeTakeFirst();
      if (live)
        return refuse(
          'audience',
          'The course has sessions, so who it is for cannot change: cancel them first',
        );
    }
    await trx.updateTable('courses').set(after).where('id', '=', courseId).execute();
    const before = Object.fromEntries(
      Object.keys(after).map((k) => [k, course[k as keyof typeof course]]),
    );
    await recordAudit(trx, {
      ...actor,
      entity: 'course',
      entityId: courseId,
      action: 'updated',
      before,
      after,
    });
    return done(undefined);
  });
}
