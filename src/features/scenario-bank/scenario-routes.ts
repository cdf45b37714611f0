import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import {
  collectErrors,
  parseForm,
  refusalPart,
  type ErrorSummaryItem,
} from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { findVersionInForce } from '../code-of-conduct/index.js';
import { idsNeedingReview, linkableParagraphs, linkStates } from '../learning/index.js';
import { paths } from './paths.js';
import {
  listChoices,
  listLinks,
  listScenarios,
  setsHolding,
  type ScenarioRow,
} from './repository.js';
import {
  actorOf,
  bodyOf,
  noProblems,
  renderPage,
  scenarioFrom,
  type Problems,
} from './route-support.js';
import { createScenario, markReviewed, updateScenario } from './scenario-service.js';
import { bankQuery, CHOICE_SLOTS, readChoices, scenarioForm, toArray } from './schemas.js';
import {
  acceptableText,
  paragraphSections,
  paragraphsOf,
  paragraphView,
  reviewTag,
  statusTag,
  topicFilterItems,
  topicItems,
  topicsText,
  yesNoItems,
} from './view-model.js';

const STATUS_ITEMS = [
  { value: 'draft', text: 'Draft', hint: { text: 'Only administrators see it.' } },
  {
    value: 'published',
    text: 'Published',
    hint: { text: 'It can be used in sets and in sessions.' },
  },
  {
    value: 'retired',
    text: 'Retired',
    hint: { text: 'Kept with its answers, no longer offered.' },
  },
];

/** The administrators' scenario bank: the list, a scenario, adding and changing one. */
export const scenarioRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const codeRef = async (authorityId: number) => {
    const version = await findVersionInForce(db, authorityId);
    return version ? { slug: version.authoritySlug, number: version.number } : null;
  };

  app.get(paths.bank, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const query = bankQuery.parse(request.query ?? {});
      const authorityId = request.user!.authorityId;
      const rows = await listScenarios(db, authorityId, query.topic ? { topic: query.topic } : {});
      const flagged = await idsNeedingReview(
        db,
        authorityId,
        'scenario_paragraphs',
        rows.map((r) => r.id),
      );
      const shown = query.review ? rows.filter((r) => flagged.has(r.id)) : rows;
      return renderPage(reply, 'scenarios.njk', {
        pageTitle: 'Scenario bank',
        topicItems: topicFilterItems(query.topic),
        reviewChecked: query.review === 'yes',
        filtered: Boolean(query.topic || query.review),
        flaggedCount: flagged.size,
        scenarios: shown.map((r) => ({
          title: r.title,
          href: paths.scenario(r.id),
          topics: topicsText(r.topics),
          status: statusTag(r.status),
          needsReview: flagged.has(r.id),
        })),
        reviewTag,
        paths,
      });
    }),
  );

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    scenario: ScenarioRow | null,
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) => {
    const { paragraphs } = await linkableParagraphs(db, request.user!.authorityId);
    const slots = Array.from({ length: CHOICE_SLOTS }, (_, k) => {
      const n = k + 1;
      return {
        n,
        text: values[`choice${n}Text`],
        feedback: values[`choice${n}Feedback`],
        correctItems: [
          {
            value: 'yes',
            text: 'This is a right answer',
            checked: values[`choice${n}Correct`] === 'yes',
          },
        ],
      };
    });
    return renderPage(reply, 'scenario-form.njk', {
      pageTitle: scenario ? 'Change the scenario' : 'New scenario',
      action: scenario ? paths.editScenario(scenario.id) : paths.newScenario,
      backHref: scenario ? paths.scenario(scenario.id) : paths.bank,
      values,
      topicItems: topicItems(values.topics),
      acceptableItems: yesNoItems(values.acceptable, 'Acceptable', 'Not acceptable'),
      paragraphSections: paragraphSections(paragraphs, toArray(values.anchors)),
      noCode: paragraphs.length === 0,
      nextStepItems: [
        {
          value: 'choice',
          text: 'By choosing one of the choices below',
          checked: values.nextStepKind === 'choice',
        },
        {
          value: 'text',
          text: 'In a few words of their own (not marked)',
          checked: values.nextStepKind === 'text',
        },
      ],
      slots,
      statusItems: STATUS_ITEMS.map((s) => ({ ...s, checked: values.status === s.value })),
      ...problems,
    });
  };

  /** Validate the whole form: its fields and the choices typed in its slots. */
  const readForm = (body: Record<string, unknown>) => {
    const form = parseForm(scenarioForm, body);
    const kind = body.nextStepKind === 'text' ? 'text' : 'choice';
    const { choices, problems } = readChoices(body, kind);
    const choiceErrors = {
      errors: Object.fromEntries(problems.map((p) => [p.field, { text: p.message }])),
      errorList: problems.map((p): ErrorSummaryItem => ({ text: p.message, href: `#${p.field}` })),
    };
    if (!form.ok || problems.length > 0)
      return { ok: false as const, problems: collectErrors(form.ok ? null : form, choiceErrors) };
    return { ok: true as const, data: form.data, choices };
  };

  app.get(paths.newScenario, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith((reply) =>
      renderForm(request, reply, null, { nextStepKind: 'choice', status: 'draft' }),
    ),
  );

  app.post(paths.newScenario, { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const form = readForm(body);
    if (!form.ok) return renderForm(request, reply, null, body, form.problems);
    const result = await createScenario(
      db,
      request.user!.authorityId,
      form.data,
      form.choices,
      actorOf(request),
    );
    if (!result.ok) return renderForm(request, reply, null, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.scenario(result.value), { text: 'Scenario added' });
  });

  app.get('/admin/scenarios/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const scenario = await scenarioFrom(db, request);
      const [links, choices, sets, code] = await Promise.all([
        listLinks(db, scenario.id),
        listChoices(db, scenario.id),
        setsHolding(db, scenario.id),
        codeRef(scenario.authority_id),
      ]);
      const engaged = (await linkStates(db, scenario.authority_id, links)).map((s) =>
        paragraphView(s, code),
      );
      return renderPage(reply, 'scenario.njk', {
        pageTitle: scenario.title,
        scenario: {
          situation: paragraphsOf(scenario.situation),
          topics: topicsText(scenario.topics),
          acceptable: acceptableText(scenario.acceptable),
          nextStepKind: scenario.next_step_kind,
          modelAnswer: paragraphsOf(scenario.model_answer),
          explanation: paragraphsOf(scenario.explanation),
          status: statusTag(scenario.status),
        },
        engaged,
        needsReview: engaged.some((p) => p.needsReview),
        reviewItems: engaged
          .filter((p) => p.href !== null)
          .map((p) => ({
            value: p.anchor,
            text: `Paragraph ${p.number}`,
            hint: { text: p.text },
            checked: true,
          })),
        choices,
        sets: sets.map((s) => ({ title: s.title, href: paths.set(s.id) })),
        paths: {
          bank: paths.bank,
          edit: paths.editScenario(scenario.id),
          review: paths.reviewScenario(scenario.id),
          answers: paths.answers(scenario.id),
        },
        reviewTag,
      });
    }),
  );

  app.get('/admin/scenarios/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const scenario = await scenarioFrom(db, request);
      const [links, choices] = await Promise.all([
        listLinks(db, scenario.id),
        listChoices(db, scenario.id),
      ]);
      const states = await linkStates(db, scenario.authority_id, links);
      const values: Record<string, unknown> = {
        title: scenario.title,
        situation: scenario.situation,
        topics: scenario.topics,
        acceptable: scenario.acceptable ? 'yes' : 'no',
        anchors: states.flatMap((s) => (s.current ? [s.current.anchor] : [])),
        nextStepKind: scenario.next_step_kind,
        modelAnswer: scenario.model_answer,
        explanation: scenario.explanation,
        status: scenario.status,
      };
      choices.forEach((c, k) => {
        values[`choice${k + 1}Text`] = c.text;
        values[`choice${k + 1}Feedback`] = c.feedback;
        if (c.correct) values[`choice${k + 1}Correct`] = 'yes';
      });
      return renderForm(request, reply, scenario, values);
    }),
  );

  app.post('/admin/scenarios/:id/edit', { config: administrators }, async (request, reply) => {
    const scenario = await scenarioFrom(db, request);
    const body = bodyOf(request);
    const form = readForm(body);
    if (!form.ok) return renderForm(request, reply, scenario, body, form.problems);
    const result = await updateScenario(db, scenario.id, form.data, form.choices, actorOf(request));
    if (!result.ok) return renderForm(request, reply, scenario, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.scenario(scenario.id), { text: 'Scenario changed' });
  });

  app.post('/admin/scenarios/:id/review', { config: administrators }, async (request, reply) => {
    const scenario = await scenarioFrom(db, request);
    const anchors = toArray(bodyOf(request).anchors);
    const result = await markReviewed(db, scenario.id, anchors, actorOf(request));
    return redirectWithFlash(reply, paths.scenario(scenario.id), {
      text: result.ok
        ? 'Paragraphs marked as reviewed against the code in force'
        : result.refusal.message,
    });
  });
};
