import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import type { SetInput } from './schemas.js';
import { recordDueCompletions } from './study-service.js';

/** Scenario sets: creating and changing them, and the scenarios in them, in order. */

async function courseProblem(trx: Trx, authorityId: number, courseId: number | undefined) {
  if (courseId === undefined) return null;
  const course = await trx
    .selectFrom('courses as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .select('c.id')
    .where('c.id', '=', courseId)
    .where('p.authority_id', '=', authorityId)
    .executeTakeFirst();
  return course ? null : refuse('courseId', 'Choose one of the council’s courses, or none');
}

const columnsOf = (input: SetInput) => ({
  title: input.title,
  description: input.description,
  counts_towards_course_id: input.courseId ?? null,
  published: input.published === 'yes',
});

export async function createSet(
  db: Db,
  authorityId: number,
  input: SetInput,
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const problem = await courseProblem(trx, authorityId, input.courseId);
    if (problem) return problem;
    const values = { authority_id: authorityId, ...columnsOf(input) };
    const { id } = await trx
      .insertInto('scenario_sets')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'scenario-set',
      entityId: id,
      action: 'created',
      after: values,
    });
    return done(id);
  });
}

export async function updateSet(
  db: Db,
  setId: number,
  input: SetInput,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const set = await trx
      .selectFrom('scenario_sets')
      .selectAll()
      .where('id', '=', setId)
      .forUpdate()
      .executeTakeFirst();
    if (!set) return refuse('title', 'That set no longer exists');
    const problem = await courseProblem(trx, set.authority_id, input.courseId);
    if (problem) return problem;
    const after = columnsOf(input);
    await trx.updateTable('scenario_sets').set(after).where('id', '=', setId).execute();
    const before = Object.fromEntries(
      Object.keys(after).map((k) => [k, set[k as keyof typeof after]]),
    );
    await recordAudit(trx, {
      ...actor,
      entity: 'scenario-set',
      entityId: setId,
      action: 'updated',
      before,
      after,
    });
    return done(undefined);
  });
}

async function lockSet(trx: Trx, setId: number) {
  return trx
    .selectFrom('scenario_sets')
    .select(['id', 'authority_id'])
    .where('id', '=', setId)
    .forUpdate()
    .executeTakeFirst();
}

export async function addToSet(
  db: Db,
  setId: number,
  scenarioId: number,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const set = await lockSet(trx, setId);
    if (!set) return refuse('scenarioId', 'That set no longer exists');
    const scenario = await trx
      .selectFrom('scenarios')
      .select(['id', 'status'])
      .where('id', '=', scenarioId)
      .where('authority_id', '=', set.authority_id)
      .executeTakeFirst();
    if (!scenario || scenario.status === 'retired')
      return refuse('scenarioId', 'Select a scenario of the bank that is not retired');
    const inSet = await trx
      .selectFrom('scenario_set_items')
      .select('position')
      .where('set_id', '=', setId)
      .where('scenario_id', '=', scenarioId)
      .executeTakeFirst();
    if (inSet) return refuse('scenarioId', 'That scenario is already in the set');
    const { next } = await trx
      .selectFrom('scenario_set_items')
      .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
      .where('set_id', '=', setId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('scenario_set_items')
      .values({ set_id: setId, scenario_id: scenarioId, position: Number(next) })
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'scenario-set',
      entityId: setId,
      action: 'scenario-added',
      after: { scenario_id: scenarioId },
    });
    return done(undefined);
  });
}

/**
 * Take a scenario out of a set; the ones after it move up. Answers already given to it in the
 * set are kept (they name the scenario, not the set's item), and anyone who has now answered
 * every scenario left in the set completes it.
 */
export async function removeFromSet(
  db: Db,
  setId: number,
  scenarioId: number,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const set = await lockSet(trx, setId);
    if (!set) return refuse('scenarioId', 'That set no longer exists');
    const removed = await trx
      .deleteFrom('scenario_set_items')
      .where('set_id', '=', setId)
      .where('scenario_id', '=', scenarioId)
      .returning('position')
      .executeTakeFirst();
    if (!removed) return refuse('scenarioId', 'That scenario is not in the set');
    await trx
      .updateTable('scenario_set_items')
      .set((eb) => ({ position: eb('position', '-', 1) }))
      .where('set_id', '=', setId)
      .where('position', '>', removed.position)
      .execute();
    await recordDueCompletions(trx, [setId]);
    await recordAudit(trx, {
      ...actor,
      entity: 'scenario-set',
      entityId: setId,
      action: 'scenario-removed',
      before: { scenario_id: scenarioId },
    });
    return done(undefined);
  });
}

export async function moveInSet(
  db: Db,
  setId: number,
  scenarioId: number,
  direction: 'up' | 'down',
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const set = await lockSet(trx, setId);
    if (!set) return refuse('scenarioId', 'That set no longer exists');
    const items = await trx
      .selectFrom('scenario_set_items')
      .select(['scenario_id', 'position'])
      .where('set_id', '=', setId)
      .orderBy('position')
      .execute();
    const k = items.findIndex((i) => i.scenario_id === scenarioId);
    const other = items[direction === 'up' ? k - 1 : k + 1];
    const item = items[k];
    if (!item || !other) return done(undefined);
    for (const [a, b] of [
      [item, other],
      [other, item],
    ] as const)
      await trx
        .updateTable('scenario_set_items')
        .set({ position: b.position })
        .where('set_id', '=', setId)
        .where('scenario_id', '=', a.scenario_id)
        .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'scenario-set',
      entityId: setId,
      action: 'scenario-moved',
      after: { scenario_id: scenarioId, direction },
    });
    return done(undefined);
  });
}
