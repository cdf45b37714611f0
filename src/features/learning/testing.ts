import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  ScenarioChoicesTable,
  ScenariosTable,
  WorkshopAgendaItemsTable,
  WorkshopPlansTable,
} from '../../db/schema.js';
import { linksForAnchors } from './paragraphs.js';

/**
 * Helpers for tests of the learning content: rows straight in the database, in any state,
 * without going through the screens. Anchors are linked against the code in force (which
 * must have them).
 */
export async function createWorkshopPlan(
  db: Db,
  authorityId: number,
  options: {
    values?: Partial<Insertable<WorkshopPlansTable>>;
    agenda?: Pick<Insertable<WorkshopAgendaItemsTable>, 'title' | 'minutes'>[];
    anchors?: string[];
  } = {},
): Promise<number> {
  const { id } = await db
    .insertInto('workshop_plans')
    .values({
      authority_id: authorityId,
      title: 'Standards in practice',
      duration_minutes: 120,
      ...options.values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agenda = options.agenda ?? [
    { title: 'Welcome and aims', minutes: 15 },
    { title: 'The code in practice', minutes: 60 },
    { title: 'Scenarios', minutes: 45 },
  ];
  if (agenda.length > 0)
    await db
      .insertInto('workshop_agenda_items')
      .values(agenda.map((a, position) => ({ ...a, plan_id: id, position })))
      .execute();
  await linkAnchors(db, authorityId, 'workshop_paragraphs', id, options.anchors ?? []);
  return id;
}

export async function createScenario(
  db: Db,
  authorityId: number,
  options: {
    values?: Partial<Insertable<ScenariosTable>>;
    choices?: Pick<Insertable<ScenarioChoicesTable>, 'text' | 'correct' | 'feedback'>[];
    anchors?: string[];
  } = {},
): Promise<number> {
  const { id } = await db
    .insertInto('scenarios')
    .values({
      authority_id: authorityId,
      title: 'A post about an officer',
      situation: 'A councillor posts that a named planning officer is lazy and biased.',
      topics: ['social-media', 'respect'],
      acceptable: false,
      model_answer: 'Not acceptable: it attacks an officer who cannot answer back in public.',
      status: 'published',
      ...options.values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const choices = options.choices ?? [
    { text: 'Take the post down and apologise to the officer', correct: true },
    { text: 'Leave it up: it is a personal account', correct: false },
  ];
  if (choices.length > 0)
    await db
      .insertInto('scenario_choices')
      .values(choices.map((c, position) => ({ ...c, scenario_id: id, position })))
      .execute();
  await linkAnchors(db, authorityId, 'scenario_paragraphs', id, options.anchors ?? []);
  return id;
}

/** A set of the given scenarios, in order. */
export async function createScenarioSet(
  db: Db,
  authorityId: number,
  scenarioIds: number[],
  values: { title?: string; countsTowardsCourseId?: number | null; published?: boolean } = {},
): Promise<number> {
  const { id } = await db
    .insertInto('scenario_sets')
    .values({
      authority_id: authorityId,
      title: values.title ?? 'Scenarios on respect',
      counts_towards_course_id: values.countsTowardsCourseId ?? null,
      published: values.published ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (scenarioIds.length > 0)
    await db
      .insertInto('scenario_set_items')
      .values(scenarioIds.map((scenario_id, position) => ({ set_id: id, scenario_id, position })))
      .execute();
  return id;
}

async function linkAnchors(
  db: Db,
  authorityId: number,
  table: 'workshop_paragraphs' | 'scenario_paragraphs',
  id: number,
  anchors: string[],
): Promise<void> {
  if (anchors.length === 0) return;
  const { links, unknown } = await linksForAnchors(db, authorityId, anchors);
  if (unknown.length > 0) throw new Error(`Not in the code in force: ${unknown.join(', ')}`);
  if (table === 'workshop_paragraphs')
    await db
      .insertInto('workshop_paragraphs')
      .values(links.map((l) => ({ ...l, plan_id: id })))
      .execute();
  else
    await db
      .insertInto('scenario_paragraphs')
      .values(links.map((l) => ({ ...l, scenario_id: id })))
      .execute();
}
