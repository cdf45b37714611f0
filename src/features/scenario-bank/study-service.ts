import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../db/database.js';
import { done, refuse, type Outcome } from '../../platform/outcome.js';
import { linkStates } from '../learning/index.js';
import { markAnswer, type Marking } from './marking.js';
import {
  listChoices,
  listLinks,
  listSetItems,
  type ScenarioRow,
  type SetRow,
} from './repository.js';
import type { AnswerInput } from './schemas.js';

/**
 * Self-study: a member answers the published scenarios of a published set in turn; each
 * answer is stored (the latest one counts) and marked; answering every published scenario of
 * the set records its completion once.
 */

/** The published scenarios of a set, in order. */
export async function publishedItems(db: DbOrTrx, setId: number) {
  return (await listSetItems(db, setId)).filter((i) => i.status === 'published');
}

/** What a scenario expects, for marking. */
export async function keyOf(db: DbOrTrx, scenario: ScenarioRow) {
  const [links, choices] = await Promise.all([
    listLinks(db, scenario.id),
    listChoices(db, scenario.id),
  ]);
  // members choose from the code in force: compare with the paragraphs' anchors there now
  const states = await linkStates(db, scenario.authority_id, links);
  return {
    links,
    states,
    choices,
    key: {
      acceptable: scenario.acceptable,
      anchors: states.map((s) => s.current?.anchor ?? s.anchor),
      nextStepKind: scenario.next_step_kind,
      correctChoiceIds: choices.filter((c) => c.correct).map((c) => c.id),
    },
  };
}

export interface Answered {
  marking: Marking;
  /** true when this answer completed the set (recorded now) */
  completedNow: boolean;
}

export async function answerScenario(
  db: Db,
  set: SetRow,
  scenario: ScenarioRow,
  personId: number,
  input: AnswerInput,
): Promise<Outcome<Answered>> {
  return db.transaction().execute(async (trx) => {
    // one person's answers in one set, one at a time: two last answers posted together (two
    // tabs) must not both miss the completion
    await sql`select pg_advisory_xact_lock(${set.id}, ${personId})`.execute(trx);
    const { key, choices } = await keyOf(trx, scenario);
    const choiceId = scenario.next_step_kind === 'choice' ? (input.choiceId ?? null) : null;
    if (scenario.next_step_kind === 'choice' && !choices.some((c) => c.id === choiceId))
      return refuse('choiceId', 'Choose what the member should do now');
    if (scenario.next_step_kind === 'text' && !input.nextStepText)
      return refuse('nextStepText', 'Say what the member should do now');
    const row = {
      acceptable: input.acceptable === 'yes',
      anchors: [...new Set(input.anchors)],
      choice_id: choiceId,
      next_step_text: scenario.next_step_kind === 'text' ? input.nextStepText : '',
    };
    await trx
      .insertInto('self_study_answers')
      .values({ set_id: set.id, scenario_id: scenario.id, person_id: personId, ...row })
      .onConflict((oc) =>
        oc.columns(['set_id', 'scenario_id', 'person_id']).doUpdateSet({
          ...row,
          answered_at: sql`now()`,
        }),
      )
      .execute();
    const items = await publishedItems(trx, set.id);
    const { n } = await trx
      .selectFrom('self_study_answers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('set_id', '=', set.id)
      .where('person_id', '=', personId)
      .where(
        'scenario_id',
        'in',
        items.map((i) => i.id),
      )
      .executeTakeFirstOrThrow();
    let completedNow = false;
    if (Number(n) === items.length) {
      const inserted = await trx
        .insertInto('scenario_set_completions')
        .values({ set_id: set.id, person_id: personId })
        .onConflict((oc) => oc.doNothing())
        .returning('set_id')
        .executeTakeFirst();
      completedNow = inserted !== undefined;
    }
    return done({
      marking: markAnswer(key, {
        acceptable: row.acceptable,
        anchors: row.anchors,
        choiceId,
        nextStepText: row.next_step_text,
      }),
      completedNow,
    });
  });
}

/**
 * The sets a person has completed that count towards a course: for compliance and the
 * member's training record.
 */
export async function completedSetsCountingTowards(db: DbOrTrx, personId: number) {
  return db
    .selectFrom('scenario_set_completions as done')
    .innerJoin('scenario_sets as s', 's.id', 'done.set_id')
    .innerJoin('courses as c', 'c.id', 's.counts_towards_course_id')
    .select([
      's.id as setId',
      's.title as setTitle',
      'c.id as courseId',
      'c.title as courseTitle',
      'c.topic as courseTopic',
      'done.completed_at as completedAt',
    ])
    .where('done.person_id', '=', personId)
    .orderBy('done.completed_at')
    .execute();
}

/**
 * Record the completions now due in these sets: people who have answered every published
 * scenario of a set but have no completion, because the one they had not answered was since
 * retired, unpublished or taken out of the set. In the caller's transaction.
 */
export async function recordDueCompletions(trx: DbOrTrx, setIds: readonly number[]) {
  if (setIds.length === 0) return;
  await sql`
    insert into scenario_set_completions (set_id, person_id)
    select a.set_id, a.person_id
      from self_study_answers a
      join scenario_set_items i on i.set_id = a.set_id and i.scenario_id = a.scenario_id
      join scenarios s on s.id = a.scenario_id and s.status = 'published'
     where a.set_id = any(${sql.val([...setIds])}::int[])
     group by a.set_id, a.person_id
    having count(*) = (select count(*)
                         from scenario_set_items i2
                         join scenarios s2 on s2.id = i2.scenario_id and s2.status = 'published'
                        where i2.set_id = a.set_id)
    on conflict do nothing
  `.execute(trx);
}
