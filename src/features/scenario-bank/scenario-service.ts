import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { linksForAnchors, linkStates, type ParagraphLink } from '../learning/index.js';
import { listChoices, listLinks } from './repository.js';
import type { ChoiceInput, ScenarioInput } from './schemas.js';
import { recordDueCompletions } from './study-service.js';

/** Creating and changing scenarios of the bank, and marking their paragraph links reviewed. */

const columnsOf = (input: ScenarioInput) => ({
  title: input.title,
  situation: input.situation,
  topics: input.topics,
  acceptable: input.acceptable === 'yes',
  next_step_kind: input.nextStepKind,
  model_answer: input.modelAnswer,
  explanation: input.explanation,
  status: input.status,
});

/**
 * The links for the anchors chosen (anchors of the code in force). A paragraph already linked
 * keeps its link as it was, so a general edit does not clear a flag for review: only "mark as
 * reviewed" does that.
 */
async function linksFor(
  trx: Trx,
  authorityId: number,
  existing: ParagraphLink[],
  anchors: string[],
): Promise<Outcome<ParagraphLink[]>> {
  const states = await linkStates(trx, authorityId, existing);
  const kept = new Map<string, ParagraphLink>();
  states.forEach((s, k) => {
    if (s.current) kept.set(s.current.anchor, existing[k]!);
  });
  const fresh = anchors.filter((a) => !kept.has(a));
  const { links, unknown } = await linksForAnchors(trx, authorityId, fresh);
  if (unknown.length > 0)
    return refuse('anchors', 'Choose paragraphs of the code in force: it has changed, try again');
  return done([...anchors.flatMap((a) => (kept.has(a) ? [kept.get(a)!] : [])), ...links]);
}

async function writeLinks(trx: Trx, scenarioId: number, links: ParagraphLink[]) {
  await trx.deleteFrom('scenario_paragraphs').where('scenario_id', '=', scenarioId).execute();
  if (links.length > 0)
    await trx
      .insertInto('scenario_paragraphs')
      .values(links.map((l) => ({ ...l, scenario_id: scenarioId })))
      .execute();
}

/** Choices kept in place by position (answers refer to them); extra ones added or removed. */
async function writeChoices(
  trx: Trx,
  scenarioId: number,
  choices: ChoiceInput[],
): Promise<Outcome> {
  const existing = await listChoices(trx, scenarioId);
  for (const [position, c] of choices.entries()) {
    const old = existing.find((e) => e.position === position);
    if (old)
      await trx
        .updateTable('scenario_choices')
        .set({ text: c.text, correct: c.correct, feedback: c.feedback })
        .where('id', '=', old.id)
        .execute();
    else
      await trx
        .insertInto('scenario_choices')
        .values({ scenario_id: scenarioId, position, ...c })
        .execute();
  }
  const gone = existing.filter((e) => e.position >= choices.length).map((e) => e.id);
  if (gone.length === 0) return done(undefined);
  const used = await trx
    .selectFrom('self_study_answers')
    .select('choice_id')
    .where('choice_id', 'in', gone)
    .union(trx.selectFrom('live_answers').select('choice_id').where('choice_id', 'in', gone))
    .executeTakeFirst();
  if (used)
    return refuse(
      'choice1Text',
      'Members have chosen the choices you left blank, so they cannot be removed: change their words instead',
    );
  await trx.deleteFrom('scenario_choices').where('id', 'in', gone).execute();
  return done(undefined);
}

export async function createScenario(
  db: Db,
  authorityId: number,
  input: ScenarioInput,
  choices: ChoiceInput[],
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const links = await linksFor(trx, authorityId, [], input.anchors);
    if (!links.ok) return links;
    const values = {
      authority_id: authorityId,
      created_by: actor.actorPersonId,
      ...columnsOf(input),
    };
    const { id } = await trx
      .insertInto('scenarios')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(trx, id, links.value);
    await writeChoices(trx, id, input.nextStepKind === 'choice' ? choices : []);
    await recordAudit(trx, {
      ...actor,
      entity: 'scenario',
      entityId: id,
      action: 'created',
      after: { ...values, anchors: input.anchors, choices },
    });
    return done(id);
  });
}

export async function updateScenario(
  db: Db,
  scenarioId: number,
  input: ScenarioInput,
  choices: ChoiceInput[],
  actor: Actor,
): Promise<Outcome> {
  return db
    .transaction()
    .execute(async (trx) => {
      const scenario = await trx
        .selectFrom('scenarios')
        .selectAll()
        .where('id', '=', scenarioId)
        .forUpdate()
        .executeTakeFirst();
      if (!scenario) return refuse('title', 'That scenario no longer exists');
      const existing = await listLinks(trx, scenarioId);
      const links = await linksFor(trx, scenario.authority_id, existing, input.anchors);
      if (!links.ok) return links;
      const after = columnsOf(input);
      await trx
        .updateTable('scenarios')
        .set({ ...after, updated_at: new Date() })
        .where('id', '=', scenarioId)
        .execute();
      await writeLinks(trx, scenarioId, links.value);
      const written = await writeChoices(
        trx,
        scenarioId,
        input.nextStepKind === 'choice' ? choices : [],
      );
      if (!written.ok) {
        // undo the whole change: the transaction must not commit half of it
        throw new RefusedChange(written.refusal);
      }
      if (scenario.status === 'published' && after.status !== 'published') {
        const sets = await trx
          .selectFrom('scenario_set_items')
          .select('set_id')
          .where('scenario_id', '=', scenarioId)
          .execute();
        await recordDueCompletions(
          trx,
          sets.map((s) => s.set_id),
        );
      }
      const before = {
        ...Object.fromEntries(
          Object.keys(after).map((k) => [k, scenario[k as keyof typeof after]]),
        ),
        anchors: existing.map((l) => l.anchor),
      };
      await recordAudit(trx, {
        ...actor,
        entity: 'scenario',
        entityId: scenarioId,
        action: 'updated',
        before,
        after: { ...after, anchors: input.anchors, choices },
      });
      return done(undefined);
    })
    .catch((error: unknown) => {
      if (error instanceof RefusedChange) return { ok: false as const, refusal: error.refusal };
      throw error;
    });
}

class RefusedChange extends Error {
  constructor(readonly refusal: { field: string; message: string }) {
    super(refusal.message);
  }
}

/**
 * Mark the scenario's links reviewed: its links become the anchors the reviewer keeps, linked
 * afresh to the code in force.
 */
export async function markReviewed(
  db: Db,
  scenarioId: number,
  anchors: string[],
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const scenario = await trx
      .selectFrom('scenarios')
      .select(['id', 'authority_id'])
      .where('id', '=', scenarioId)
      .forUpdate()
      .executeTakeFirst();
    if (!scenario) return refuse('anchors', 'That scenario no longer exists');
    const before = await listLinks(trx, scenarioId);
    const { links, unknown } = await linksForAnchors(trx, scenario.authority_id, anchors);
    if (unknown.length > 0)
      return refuse('anchors', 'Keep only paragraphs that are in the code in force');
    await writeLinks(trx, scenarioId, links);
    await trx
      .updateTable('scenarios')
      .set({ updated_at: new Date() })
      .where('id', '=', scenarioId)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'scenario',
      entityId: scenarioId,
      action: 'paragraphs-reviewed',
      before: { anchors: before.map((l) => `${l.anchor} (version ${l.code_version_id})`) },
      after: { anchors: links.map((l) => `${l.anchor} (version ${l.code_version_id})`) },
    });
    return done(undefined);
  });
}
