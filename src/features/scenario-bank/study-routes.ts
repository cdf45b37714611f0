import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { signedIn } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { findVersionInForce } from '../code-of-conduct/index.js';
import { linkableParagraphs } from '../learning/index.js';
import { markAnswer } from './marking.js';
import { paths } from './paths.js';
import { findScenario, findSet, listMyAnswers, listSetsWithProgress } from './repository.js';
import { bodyOf, noProblems, renderPage, type Problems } from './route-support.js';
import { answerForm, setParams, studyParams } from './schemas.js';
import { answerScenario, keyOf, publishedItems } from './study-service.js';
import {
  acceptableText,
  paragraphSections,
  paragraphsOf,
  paragraphView,
  progressView,
  yesNoItems,
} from './view-model.js';

/** A published set of the member's own council; anything else is a 404. */
async function studySet(db: Db, request: FastifyRequest, setId: number) {
  const set = await findSet(db, setId);
  if (!set || !set.published || set.authority_id !== request.user!.authorityId) throw notFound();
  return set;
}

/** A published scenario of the set, with the set's published scenarios in order. */
async function studyScenario(db: Db, request: FastifyRequest) {
  const parsed = studyParams.safeParse(request.params);
  if (!parsed.success) throw notFound();
  const set = await studySet(db, request, parsed.data.setId);
  const items = await publishedItems(db, set.id);
  const index = items.findIndex((i) => i.id === parsed.data.scenarioId);
  const scenario = index >= 0 ? await findScenario(db, parsed.data.scenarioId) : null;
  if (!scenario) throw notFound();
  return { set, items, index, scenario };
}

/**
 * The person's answers in a set as they are now: answers are not audited, so another process's
 * page cache would not hear of a new one; this is part of the key of the pages showing them.
 */
async function myAnswersFingerprint(db: Db, setId: number, personId: number): Promise<string> {
  const { rows } = await sql<{ n: number; latest: Date | null; completed: Date | null }>`
    select count(*)::int as n, max(answered_at) as latest,
           (select completed_at from scenario_set_completions
             where set_id = ${setId} and person_id = ${personId}) as completed
      from self_study_answers where set_id = ${setId} and person_id = ${personId}`.execute(db);
  const row = rows[0];
  return `${row?.n ?? 0}:${row?.latest?.getTime() ?? 0}:${row?.completed?.getTime() ?? 0}`;
}

/** The `:setId` of a study page; anything else is a 404. */
function setIdOf(request: FastifyRequest): number {
  const parsed = setParams.safeParse({ setId: (request.params as { setId?: unknown }).setId });
  if (!parsed.success) throw notFound();
  return parsed.data.setId;
}

/** Members working through the published scenario sets of their council. */
export const studyRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get(paths.mySets, { config: signedIn }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const rows = await listSetsWithProgress(
        db,
        request.user!.authorityId,
        request.user!.personId,
      );
      return renderPage(reply, 'my-sets.njk', {
        pageTitle: 'Scenarios to work through',
        sets: rows
          .filter((r) => Number(r.total) > 0)
          .map((r) => ({
            title: r.title,
            description: r.description,
            href: paths.mySet(r.id),
            progress: progressView(Number(r.answered), Number(r.total), r.completed_at !== null),
          })),
      });
    }),
  );

  app.get('/my/scenarios/:setId', { config: signedIn }, async (request, outer) => {
    const setId = setIdOf(request);
    const mine = await myAnswersFingerprint(db, setId, request.user!.personId);
    return outer.renderPersonalPageWith(async (reply) => {
      const set = await studySet(db, request, setId);
      const [items, answers, completion] = await Promise.all([
        publishedItems(db, set.id),
        listMyAnswers(db, set.id, request.user!.personId),
        db
          .selectFrom('scenario_set_completions')
          .select('completed_at')
          .where('set_id', '=', set.id)
          .where('person_id', '=', request.user!.personId)
          .executeTakeFirst(),
      ]);
      const answered = new Set(answers.map((a) => a.scenario_id));
      const next = items.find((i) => !answered.has(i.id)) ?? items[0];
      const count = items.filter((i) => answered.has(i.id)).length;
      return renderPage(reply, 'my-set.njk', {
        pageTitle: set.title,
        set: {
          title: set.title,
          description: paragraphsOf(set.description),
          course: set.course_title,
        },
        progress: progressView(count, items.length, completion !== undefined),
        completedAt: completion?.completed_at ?? null,
        items: items.map((i, k) => ({
          title: { text: `${k + 1}. ${i.title}` },
          href: answered.has(i.id)
            ? paths.myFeedback(set.id, i.id)
            : paths.myScenario(set.id, i.id),
          status: answered.has(i.id)
            ? { tag: { text: 'Answered', classes: 'govuk-tag--green' } }
            : { tag: { text: 'Not answered', classes: 'govuk-tag--grey' } },
        })),
        next: next
          ? {
              href: paths.myScenario(set.id, next.id),
              text:
                count === 0 ? 'Start' : count < items.length ? 'Continue' : 'Go through them again',
            }
          : null,
        backHref: paths.mySets,
      });
    }, mine);
  });

  const renderQuestion = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: Awaited<ReturnType<typeof studyScenario>>,
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) => {
    const { set, items, index, scenario } = target;
    const [{ paragraphs }, { choices }] = await Promise.all([
      linkableParagraphs(db, request.user!.authorityId),
      keyOf(db, scenario),
    ]);
    const chosen = [values.anchors ?? []].flat().filter((a): a is string => typeof a === 'string');
    return renderPage(reply, 'my-scenario.njk', {
      pageTitle: scenario.title,
      caption: `${set.title}: scenario ${index + 1} of ${items.length}`,
      action: paths.myScenario(set.id, scenario.id),
      backHref: paths.mySet(set.id),
      situation: paragraphsOf(scenario.situation),
      values,
      acceptableItems: yesNoItems(values.acceptable, 'Acceptable', 'Not acceptable'),
      paragraphSections: paragraphSections(paragraphs, chosen),
      nextStepKind: scenario.next_step_kind,
      choiceItems: choices.map((c) => ({
        value: String(c.id),
        text: c.text,
        checked: values.choiceId === String(c.id),
      })),
      ...problems,
    });
  };

  app.get('/my/scenarios/:setId/:scenarioId', { config: signedIn }, async (request, outer) => {
    const setId = setIdOf(request);
    const answered = await myAnswersFingerprint(db, setId, request.user!.personId);
    return outer.renderPersonalPageWith(async (reply) => {
      const target = await studyScenario(db, request);
      const mine = (await listMyAnswers(db, target.set.id, request.user!.personId)).find(
        (a) => a.scenario_id === target.scenario.id,
      );
      const values = mine
        ? {
            acceptable: mine.acceptable ? 'yes' : 'no',
            anchors: mine.anchors,
            choiceId: mine.choice_id === null ? undefined : String(mine.choice_id),
            nextStepText: mine.next_step_text,
          }
        : {};
      return renderQuestion(request, reply, target, values);
    }, answered);
  });

  app.post('/my/scenarios/:setId/:scenarioId', { config: signedIn }, async (request, reply) => {
    const target = await studyScenario(db, request);
    const body = bodyOf(request);
    const form = parseForm(answerForm, body);
    if (!form.ok) return renderQuestion(request, reply, target, body, form);
    const result = await answerScenario(
      db,
      target.set,
      target.scenario,
      request.user!.personId,
      form.data,
    );
    if (!result.ok)
      return renderQuestion(request, reply, target, body, refusalPart(result.refusal));
    return reply.redirect(paths.myFeedback(target.set.id, target.scenario.id), 303);
  });

  app.get(
    '/my/scenarios/:setId/:scenarioId/feedback',
    { config: signedIn },
    async (request, outer) => {
      const setId = setIdOf(request);
      const answered = await myAnswersFingerprint(db, setId, request.user!.personId);
      return outer.renderPersonalPageWith(async (reply) => {
        const { set, items, index, scenario } = await studyScenario(db, request);
        const personId = request.user!.personId;
        const answers = await listMyAnswers(db, set.id, personId);
        const mine = answers.find((a) => a.scenario_id === scenario.id);
        if (!mine) return reply.redirect(paths.myScenario(set.id, scenario.id), 303);
        const [{ key, states, choices }, version, completion] = await Promise.all([
          keyOf(db, scenario),
          findVersionInForce(db, set.authority_id),
          db
            .selectFrom('scenario_set_completions')
            .select('completed_at')
            .where('set_id', '=', set.id)
            .where('person_id', '=', personId)
            .executeTakeFirst(),
        ]);
        const code = version ? { slug: version.authoritySlug, number: version.number } : null;
        const marking = markAnswer(key, {
          acceptable: mine.acceptable,
          anchors: mine.anchors,
          choiceId: mine.choice_id,
          nextStepText: mine.next_step_text,
        });
        const engaged = states.map((s) => paragraphView(s, code));
        const { paragraphs } = await linkableParagraphs(db, set.authority_id);
        const numberOf = new Map(paragraphs.map((p) => [p.anchor, p.number]));
        const answered = new Set(answers.map((a) => a.scenario_id));
        const following =
          items.slice(index + 1).find((i) => !answered.has(i.id)) ??
          items.find((i) => !answered.has(i.id)) ??
          items[index + 1];
        const chosenChoice = choices.find((c) => c.id === mine.choice_id);
        return renderPage(reply, 'my-feedback.njk', {
          pageTitle: `Feedback: ${scenario.title}`,
          title: scenario.title,
          caption: `${set.title}: scenario ${index + 1} of ${items.length}`,
          backHref: paths.mySet(set.id),
          situation: paragraphsOf(scenario.situation),
          marking,
          acceptable: {
            yours: acceptableText(mine.acceptable),
            model: acceptableText(scenario.acceptable),
          },
          engaged: engaged.map((p) => ({ ...p, chosen: mine.anchors.includes(p.anchor) })),
          extra: marking.paragraphs.extra.map((a) => numberOf.get(a) ?? a),
          nextStepKind: scenario.next_step_kind,
          yourChoice: chosenChoice ?? null,
          rightChoices: choices.filter((c) => c.correct),
          yourText: mine.next_step_text,
          modelAnswer: paragraphsOf(scenario.model_answer),
          explanation: paragraphsOf(scenario.explanation),
          completed: completion !== undefined,
          changeHref: paths.myScenario(set.id, scenario.id),
          next: following ? { href: paths.myScenario(set.id, following.id) } : null,
          setHref: paths.mySet(set.id),
        });
      }, answered);
    },
  );
};
