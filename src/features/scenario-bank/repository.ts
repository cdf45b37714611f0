import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { ScenarioTopic } from '../../db/schema.js';

/** The scenario bank's SQL: scenarios, their links and choices, sets and self-study answers. */

export async function findScenario(db: DbOrTrx, id: number) {
  return (
    (await db.selectFrom('scenarios').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
  );
}
export type ScenarioRow = NonNullable<Awaited<ReturnType<typeof findScenario>>>;

export async function listScenarios(
  db: DbOrTrx,
  authorityId: number,
  filter: { topic?: ScenarioTopic; status?: 'published' } = {},
) {
  let query = db
    .selectFrom('scenarios')
    .select(['id', 'title', 'topics', 'status', 'updated_at'])
    .where('authority_id', '=', authorityId);
  if (filter.topic) query = query.where(sql<boolean>`topics @> array[${filter.topic}]::text[]`);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('title').orderBy('id').execute();
}

export async function listLinks(db: DbOrTrx, scenarioId: number) {
  return db
    .selectFrom('scenario_paragraphs')
    .select(['anchor', 'lineage', 'code_version_id', 'digest'])
    .where('scenario_id', '=', scenarioId)
    .orderBy('anchor')
    .execute();
}

export async function listChoices(db: DbOrTrx, scenarioId: number) {
  return db
    .selectFrom('scenario_choices')
    .select(['id', 'position', 'text', 'correct', 'feedback'])
    .where('scenario_id', '=', scenarioId)
    .orderBy('position')
    .execute();
}
export type ChoiceRow = Awaited<ReturnType<typeof listChoices>>[number];

/** Sets (of a council) holding a scenario. */
export async function setsHolding(db: DbOrTrx, scenarioId: number) {
  return db
    .selectFrom('scenario_set_items as i')
    .innerJoin('scenario_sets as s', 's.id', 'i.set_id')
    .select(['s.id', 's.title'])
    .where('i.scenario_id', '=', scenarioId)
    .orderBy('s.title')
    .execute();
}

export async function findSet(db: DbOrTrx, id: number) {
  return (
    (await db
      .selectFrom('scenario_sets as s')
      .leftJoin('courses as c', 'c.id', 's.counts_towards_course_id')
      .selectAll('s')
      .select(['c.title as course_title'])
      .where('s.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}
export type SetRow = NonNullable<Awaited<ReturnType<typeof findSet>>>;

export async function listSets(db: DbOrTrx, authorityId: number, onlyPublished = false) {
  let query = db
    .selectFrom('scenario_sets as s')
    .leftJoin('courses as c', 'c.id', 's.counts_towards_course_id')
    .select((eb) => [
      's.id',
      's.title',
      's.description',
      's.published',
      'c.title as course_title',
      eb
        .selectFrom('scenario_set_items as i')
        .innerJoin('scenarios as sc', 'sc.id', 'i.scenario_id')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('i.set_id', '=', 's.id')
        .where('sc.status', '=', 'published')
        .as('scenario_count'),
    ])
    .where('s.authority_id', '=', authorityId);
  if (onlyPublished) query = query.where('s.published', '=', true);
  return query.orderBy('s.title').orderBy('s.id').execute();
}

/** A set's scenarios in order, with their status. */
export async function listSetItems(db: DbOrTrx, setId: number) {
  return db
    .selectFrom('scenario_set_items as i')
    .innerJoin('scenarios as s', 's.id', 'i.scenario_id')
    .select(['s.id', 's.title', 's.status', 's.topics', 'i.position'])
    .where('i.set_id', '=', setId)
    .orderBy('i.position')
    .execute();
}

/** The courses of the council's programmes, for "completing this set counts towards". */
export async function listCourses(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('courses as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .select(['c.id', 'c.title', 'p.title as programme_title'])
    .where('p.authority_id', '=', authorityId)
    .orderBy('p.title')
    .orderBy('c.position')
    .execute();
}

/** One person's answers in a set, by scenario. */
export async function listMyAnswers(db: DbOrTrx, setId: number, personId: number) {
  return db
    .selectFrom('self_study_answers')
    .selectAll()
    .where('set_id', '=', setId)
    .where('person_id', '=', personId)
    .execute();
}

/** Published sets of a council with one person's progress: scenarios answered and completion. */
export async function listSetsWithProgress(db: DbOrTrx, authorityId: number, personId: number) {
  return db
    .selectFrom('scenario_sets as s')
    .leftJoin('scenario_set_completions as done', (join) =>
      join.onRef('done.set_id', '=', 's.id').on('done.person_id', '=', personId),
    )
    .select((eb) => [
      's.id',
      's.title',
      's.description',
      'done.completed_at',
      eb
        .selectFrom('scenario_set_items as i')
        .innerJoin('scenarios as sc', 'sc.id', 'i.scenario_id')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('i.set_id', '=', 's.id')
        .where('sc.status', '=', 'published')
        .as('total'),
      eb
        .selectFrom('self_study_answers as a')
        .innerJoin('scenario_set_items as i', (join) =>
          join.onRef('i.set_id', '=', 'a.set_id').onRef('i.scenario_id', '=', 'a.scenario_id'),
        )
        .innerJoin('scenarios as sc', 'sc.id', 'a.scenario_id')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.set_id', '=', 's.id')
        .where('a.person_id', '=', personId)
        .where('sc.status', '=', 'published')
        .as('answered'),
    ])
    .where('s.authority_id', '=', authorityId)
    .where('s.published', '=', true)
    .orderBy('s.title')
    .orderBy('s.id')
    .execute();
}

/**
 * The self-study answers to a scenario, in aggregate only: how many, how many said
 * acceptable, how many chose each paragraph and each choice. No person is ever selected.
 */
export async function answerAggregates(db: DbOrTrx, scenarioId: number) {
  const totals = await db
    .selectFrom('self_study_answers')
    .select((eb) => [
      eb.fn.countAll<string>().as('answers'),
      eb.fn.count<string>(eb.case().when('acceptable', '=', true).then(1).end()).as('acceptable'),
    ])
    .where('scenario_id', '=', scenarioId)
    .executeTakeFirstOrThrow();
  const anchors = await sql<{ anchor: string; n: string }>`
    select anchor, count(*) as n
    from self_study_answers, unnest(anchors) as anchor
    where scenario_id = ${scenarioId}
    group by anchor order by anchor
  `.execute(db);
  const choices = await db
    .selectFrom('self_study_answers')
    .select(['choice_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('scenario_id', '=', scenarioId)
    .where('choice_id', 'is not', null)
    .groupBy('choice_id')
    .execute();
  const texts = await db
    .selectFrom('self_study_answers')
    .select('next_step_text')
    .where('scenario_id', '=', scenarioId)
    .where('next_step_text', '<>', '')
    .orderBy('next_step_text')
    .execute();
  return {
    answers: Number(totals.answers),
    acceptable: Number(totals.acceptable),
    anchors: new Map(anchors.rows.map((r) => [r.anchor, Number(r.n)])),
    choices: new Map(choices.map((c) => [c.choice_id!, Number(c.n)])),
    texts: texts.map((t) => t.next_step_text),
  };
}
