import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { lockPlan, nextPosition } from './repository.js';
import type { ExampleInput, ItemInput, SourceInput } from './schemas.js';

/**
 * The parts of a plan: agenda items, examples of conduct and sources of guidance. Each change
 * locks the plan (so two people editing one agenda cannot take the same place), touches its
 * `updated_at` and is audited against the plan.
 */
type PartTable = 'workshop_agenda_items' | 'workshop_examples' | 'workshop_sources';
const PART_NAMES: Record<PartTable, string> = {
  workshop_agenda_items: 'agenda-item',
  workshop_examples: 'example',
  workshop_sources: 'source',
};
const GONE: Record<PartTable, [string, string]> = {
  workshop_agenda_items: ['title', 'That agenda item no longer exists'],
  workshop_examples: ['text', 'That example no longer exists'],
  workshop_sources: ['title', 'That source no longer exists'],
};

const itemColumns = (input: ItemInput) => ({
  title: input.title,
  minutes: input.minutes,
  facilitator_notes: input.facilitatorNotes,
  materials: input.materials,
});
const exampleColumns = (input: ExampleInput) => ({ kind: input.kind, text: input.text });
const sourceColumns = (input: SourceInput) => ({
  title: input.title,
  publisher: input.publisher,
  url: input.url ?? null,
});

async function withPlan<T>(
  db: Db,
  planId: number,
  actor: Actor,
  work: (
    trx: Trx,
  ) => Promise<Outcome<T> & { audit?: { action: string; before?: object; after?: object } }>,
): Promise<Outcome<T>> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockPlan(trx, planId)))
      return refuse('title', 'That workshop plan no longer exists');
    const result = await work(trx);
    if (!result.ok) return result;
    await trx
      .updateTable('workshop_plans')
      .set({ updated_at: new Date() })
      .where('id', '=', planId)
      .execute();
    if (result.audit)
      await recordAudit(trx, {
        ...actor,
        entity: 'workshop-plan',
        entityId: planId,
        action: result.audit.action,
        before: (result.audit.before ?? null) as Record<string, unknown> | null,
        after: (result.audit.after ?? null) as Record<string, unknown> | null,
      });
    return done(result.value);
  });
}

async function addPart(
  db: Db,
  table: PartTable,
  planId: number,
  values: Record<string, unknown>,
  actor: Actor,
): Promise<Outcome<number>> {
  return withPlan(db, planId, actor, async (trx) => {
    const position = await nextPosition(trx, table, planId);
    const row = { ...values, plan_id: planId, position };
    const { id } = await trx
      .insertInto(table)
      .values(row as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      ...done(id),
      audit: { action: `${PART_NAMES[table]}-added`, after: { id, ...values } },
    };
  });
}

async function changePart(
  db: Db,
  table: PartTable,
  planId: number,
  partId: number,
  values: Record<string, unknown>,
  actor: Actor,
): Promise<Outcome> {
  return withPlan(db, planId, actor, async (trx) => {
    const before = await trx
      .selectFrom(table)
      .selectAll()
      .where('id', '=', partId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!before) return refuse(...GONE[table]);
    await trx
      .updateTable(table)
      .set(values as never)
      .where('id', '=', partId)
      .execute();
    const was = Object.fromEntries(
      Object.keys(values).map((k) => [k, (before as Record<string, unknown>)[k]]),
    );
    return {
      ...done(undefined),
      audit: {
        action: `${PART_NAMES[table]}-changed`,
        before: { id: partId, ...was },
        after: { id: partId, ...values },
      },
    };
  });
}

export async function removePart(
  db: Db,
  table: PartTable,
  planId: number,
  partId: number,
  actor: Actor,
): Promise<Outcome> {
  return withPlan(db, planId, actor, async (trx) => {
    const removed = await trx
      .deleteFrom(table)
      .where('id', '=', partId)
      .where('plan_id', '=', planId)
      .returningAll()
      .executeTakeFirst();
    if (!removed) return refuse(...GONE[table]);
    const before: Record<string, unknown> = { ...removed };
    delete before.plan_id;
    return { ...done(undefined), audit: { action: `${PART_NAMES[table]}-removed`, before } };
  });
}

export const addAgendaItem = (db: Db, planId: number, input: ItemInput, actor: Actor) =>
  addPart(db, 'workshop_agenda_items', planId, itemColumns(input), actor);
export const changeAgendaItem = (
  db: Db,
  planId: number,
  id: number,
  input: ItemInput,
  actor: Actor,
) => changePart(db, 'workshop_agenda_items', planId, id, itemColumns(input), actor);
export const addExample = (db: Db, planId: number, input: ExampleInput, actor: Actor) =>
  addPart(db, 'workshop_examples', planId, exampleColumns(input), actor);
export const changeExample = (
  db: Db,
  planId: number,
  id: number,
  input: ExampleInput,
  actor: Actor,
) => changePart(db, 'workshop_examples', planId, id, exampleColumns(input), actor);
export const addSource = (db: Db, planId: number, input: SourceInput, actor: Actor) =>
  addPart(db, 'workshop_sources', planId, sourceColumns(input), actor);
export const changeSource = (
  db: Db,
  planId: number,
  id: number,
  input: SourceInput,
  actor: Actor,
) => changePart(db, 'workshop_sources', planId, id, sourceColumns(input), actor);

/** Swap an agenda item with its neighbour above or below (nothing to do at either end). */
export async function moveAgendaItem(
  db: Db,
  planId: number,
  itemId: number,
  direction: 'up' | 'down',
  actor: Actor,
): Promise<Outcome<boolean>> {
  return withPlan(db, planId, actor, async (trx) => {
    const items = await trx
      .selectFrom('workshop_agenda_items')
      .select(['id', 'position', 'title'])
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute();
    const at = items.findIndex((i) => i.id === itemId);
    if (at < 0) return refuse(...GONE.workshop_agenda_items);
    const other = items[direction === 'up' ? at - 1 : at + 1];
    const item = items[at]!;
    if (!other) return done(false);
    await trx
      .updateTable('workshop_agenda_items')
      .set({ position: other.position })
      .where('id', '=', item.id)
      .execute();
    await trx
      .updateTable('workshop_agenda_items')
      .set({ position: item.position })
      .where('id', '=', other.id)
      .execute();
    return {
      ...done(true),
      audit: {
        action: 'agenda-item-moved',
        before: { id: item.id, position: item.position },
        after: { id: item.id, position: other.position },
      },
    };
  });
}
