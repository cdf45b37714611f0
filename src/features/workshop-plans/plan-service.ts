import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { linksForAnchors, linkStates } from '../learning/index.js';
import { findCourse, listLinks, lockPlan } from './repository.js';
import type { PlanInput } from './schemas.js';

/** A workshop plan itself, its links to the code, and the courses that follow it. */
const planColumns = (input: PlanInput) => ({
  title: input.title,
  purposes: input.purposes,
  duration_minutes: input.durationMinutes,
});

export async function createPlan(
  db: Db,
  authorityId: number,
  input: PlanInput,
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const values = {
      authority_id: authorityId,
      created_by: actor.actorPersonId,
      ...planColumns(input),
    };
    const { id } = await trx
      .insertInto('workshop_plans')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'workshop-plan',
      entityId: id,
      action: 'created',
      after: values,
    });
    return done(id);
  });
}

export async function updatePlan(
  db: Db,
  planId: number,
  input: PlanInput,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, planId);
    if (!plan) return refuse('title', 'That workshop plan no longer exists');
    const after = planColumns(input);
    await trx
      .updateTable('workshop_plans')
      .set({ ...after, updated_at: new Date() })
      .where('id', '=', planId)
      .execute();
    const before = {
      title: plan.title,
      purposes: plan.purposes,
      duration_minutes: plan.duration_minutes,
    };
    await recordAudit(trx, {
      ...actor,
      entity: 'workshop-plan',
      entityId: planId,
      action: 'updated',
      before,
      after,
    });
    return done(undefined);
  });
}

async function replaceLinks(
  trx: Trx,
  planId: number,
  authorityId: number,
  anchors: string[],
  action: string,
  actor: Actor,
): Promise<Outcome<number>> {
  const { links, unknown } = await linksForAnchors(trx, authorityId, anchors);
  if (unknown.length > 0)
    return refuse(
      'anchors',
      unknown.length === 1
        ? 'One of the paragraphs chosen is no longer in the code in force: choose again'
        : 'Some of the paragraphs chosen are no longer in the code in force: choose again',
    );
  const before = (await listLinks(trx, planId)).map((l) => l.anchor);
  await trx.deleteFrom('workshop_paragraphs').where('plan_id', '=', planId).execute();
  if (links.length > 0)
    await trx
      .insertInto('workshop_paragraphs')
      .values(links.map((l) => ({ ...l, plan_id: planId })))
      .execute();
  await trx
    .updateTable('workshop_plans')
    .set({ updated_at: new Date() })
    .where('id', '=', planId)
    .execute();
  await recordAudit(trx, {
    ...actor,
    entity: 'workshop-plan',
    entityId: planId,
    action,
    before: { paragraphs: before },
    after: { paragraphs: links.map((l) => l.anchor) },
  });
  return done(links.length);
}

/** Link the plan to exactly these paragraphs of the code in force. */
export async function setParagraphs(
  db: Db,
  planId: number,
  anchors: string[],
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, planId);
    if (!plan) return refuse('anchors', 'That workshop plan no longer exists');
    return replaceLinks(trx, planId, plan.authority_id, anchors, 'paragraphs-chosen', actor);
  });
}

/**
 * The reviewer has read the plan against the code in force and keeps it: every link still in
 * the code now points at the version in force (under the paragraph's anchor there), and
 * links to paragraphs the code no longer has are dropped.
 */
export async function markReviewed(db: Db, planId: number, actor: Actor): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, planId);
    if (!plan) return refuse('anchors', 'That workshop plan no longer exists');
    const states = await linkStates(trx, plan.authority_id, await listLinks(trx, planId));
    const kept = states.flatMap((s) => (s.current ? [s.current.anchor] : []));
    return replaceLinks(trx, planId, plan.authority_id, kept, 'paragraphs-reviewed', actor);
  });
}

/** Choose the plan a course follows, or none: the plan must be the course's council's. */
export async function chooseCoursePlan(
  db: Db,
  courseId: number,
  planId: number | null,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const course = await findCourse(trx, courseId);
    if (!course) return refuse('planId', 'That course no longer exists');
    if (course.programme_status === 'closed')
      return refuse('planId', 'The programme is closed, so its courses can no longer be changed');
    if (planId !== null) {
      const plan = await lockPlan(trx, planId);
      if (!plan || plan.authority_id !== course.authority_id)
        return refuse('planId', 'Select one of the council’s workshop plans');
    }
    if (course.workshop_plan_id === planId) return done(undefined);
    await trx
      .updateTable('courses')
      .set({ workshop_plan_id: planId })
      .where('id', '=', courseId)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'course',
      entityId: courseId,
      action: 'workshop-plan-chosen',
      before: { workshop_plan_id: course.workshop_plan_id },
      after: { workshop_plan_id: planId },
    });
    return done(undefined);
  });
}
