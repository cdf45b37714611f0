import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type {
  WorkshopAgendaItemsTable,
  WorkshopExamplesTable,
  WorkshopPlansTable,
  WorkshopSourcesTable,
} from '../../db/schema.js';
import type { ParagraphLink } from '../learning/index.js';

export type PlanRow = Selectable<WorkshopPlansTable>;
export type AgendaItemRow = Selectable<WorkshopAgendaItemsTable>;
export type ExampleRow = Selectable<WorkshopExamplesTable>;
export type SourceRow = Selectable<WorkshopSourcesTable>;

export async function findPlan(db: DbOrTrx, id: number): Promise<PlanRow | null> {
  return (
    (await db.selectFrom('workshop_plans').selectAll().where('id', '=', id).executeTakeFirst()) ??
    null
  );
}

/** Lock a plan's row for the rest of the transaction: one change to its parts at a time. */
export async function lockPlan(db: DbOrTrx, id: number): Promise<PlanRow | null> {
  return (
    (await db
      .selectFrom('workshop_plans')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

/** A council's plans with their agenda totals and how many courses follow each. */
export async function listPlans(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('workshop_plans as w')
    .select((eb) => [
      'w.id',
      'w.title',
      'w.duration_minutes',
      eb
        .selectFrom('workshop_agenda_items as i')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('i.minutes'), e.lit(0)).as('t'))
        .whereRef('i.plan_id', '=', 'w.id')
        .as('agenda_minutes'),
      eb
        .selectFrom('workshop_agenda_items as i')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('i.plan_id', '=', 'w.id')
        .as('agenda_items'),
      eb
        .selectFrom('courses as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.workshop_plan_id', '=', 'w.id')
        .as('courses'),
    ])
    .where('w.authority_id', '=', authorityId)
    .orderBy('w.title')
    .orderBy('w.id')
    .execute();
}

export async function listAgenda(db: DbOrTrx, planId: number): Promise<AgendaItemRow[]> {
  return db
    .selectFrom('workshop_agenda_items')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

export async function listExamples(db: DbOrTrx, planId: number): Promise<ExampleRow[]> {
  return db
    .selectFrom('workshop_examples')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function listSources(db: DbOrTrx, planId: number): Promise<SourceRow[]> {
  return db
    .selectFrom('workshop_sources')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function listLinks(db: DbOrTrx, planId: number): Promise<ParagraphLink[]> {
  return db
    .selectFrom('workshop_paragraphs')
    .select(['anchor', 'lineage', 'code_version_id', 'digest'])
    .where('plan_id', '=', planId)
    .orderBy('anchor')
    .execute();
}

/** The courses that follow a plan, with their programmes. */
export async function listCoursesUsing(db: DbOrTrx, planId: number) {
  return db
    .selectFrom('courses as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .select(['c.id', 'c.title', 'c.duration_minutes', 'p.title as programme_title', 'p.status'])
    .where('c.workshop_plan_id', '=', planId)
    .orderBy('p.starts_on', 'desc')
    .orderBy('c.position')
    .execute();
}

export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

export async function findCourse(db: DbOrTrx, courseId: number) {
  return (
    (await db
      .selectFrom('courses as c')
      .innerJoin('programmes as p', 'p.id', 'c.programme_id')
      .select([
        'c.id',
        'c.title',
        'c.duration_minutes',
        'c.workshop_plan_id',
        'p.title as programme_title',
        'p.status as programme_status',
        'p.authority_id',
      ])
      .where('c.id', '=', courseId)
      .executeTakeFirst()) ?? null
  );
}

/** The next free position among a plan's rows in one of its tables. */
export async function nextPosition(
  db: DbOrTrx,
  table: 'workshop_agenda_items' | 'workshop_examples' | 'workshop_sources',
  planId: number,
): Promise<number> {
  const { next } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('next'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(next) + 1;
}
