import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { findVersionInForce } from '../code-of-conduct/index.js';
import { linkableParagraphs, linkStates } from '../learning/index.js';
import { paths } from './paths.js';
import { answerAggregates, listChoices, listLinks } from './repository.js';
import { idOf, renderPage, scenarioFrom } from './route-support.js';
import { paragraphView } from './view-model.js';

/**
 * Members' self-study answers to a scenario, in total only: counts for acceptable or not, for
 * each paragraph and each choice, and answers in words in alphabetical order. No names, no ids.
 */
export const answersRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  /** How many answers the scenario has, and when the latest was given. */
  const answersFingerprint = async (scenarioId: number) => {
    const { rows } = await sql<{ n: number; latest: Date | null }>`
      select count(*)::int as n, max(answered_at) as latest
        from self_study_answers where scenario_id = ${scenarioId}`.execute(db);
    return `${rows[0]?.n ?? 0}:${rows[0]?.latest?.getTime() ?? 0}`;
  };

  const codeRef = async (authorityId: number) => {
    const version = await findVersionInForce(db, authorityId);
    return version ? { slug: version.authoritySlug, number: version.number } : null;
  };

  app.get('/admin/scenarios/:id/answers', { config: administrators }, async (request, outer) => {
    // Members' answers are not audited, so another process's cache would not know of a new one:
    // what they are now is part of the page's key.
    const answered = await answersFingerprint(idOf(request));
    return outer.renderPersonalPageWith(async (reply) => {
      const scenario = await scenarioFrom(db, request);
      const [aggregates, links, choices, code] = await Promise.all([
        answerAggregates(db, scenario.id),
        listLinks(db, scenario.id),
        listChoices(db, scenario.id),
        codeRef(scenario.authority_id),
      ]);
      const engaged = (await linkStates(db, scenario.authority_id, links)).map((s) =>
        paragraphView(s, code),
      );
      const { paragraphs } = await linkableParagraphs(db, scenario.authority_id);
      const numberOf = new Map(paragraphs.map((p) => [p.anchor, p.number]));
      const engagedAnchors = new Set(engaged.map((p) => p.anchor));
      const n = aggregates.answers;
      const share = (k: number) => (n === 0 ? '' : `${Math.round((100 * k) / n)}%`);
      return renderPage(reply, 'answers.njk', {
        pageTitle: `Answers: ${scenario.title}`,
        title: scenario.title,
        backHref: paths.scenario(scenario.id),
        answers: n,
        acceptableRows: [
          {
            text: 'Acceptable',
            count: aggregates.acceptable,
            share: share(aggregates.acceptable),
            model: scenario.acceptable,
          },
          {
            text: 'Not acceptable',
            count: n - aggregates.acceptable,
            share: share(n - aggregates.acceptable),
            model: !scenario.acceptable,
          },
        ],
        paragraphRows: [...aggregates.anchors.entries()]
          .map(([anchor, count]) => ({
            number: numberOf.get(anchor) ?? anchor,
            count,
            share: share(count),
            engaged: engagedAnchors.has(anchor),
          }))
          .concat(
            engaged
              .filter((p) => !aggregates.anchors.has(p.anchor))
              .map((p) => ({ number: p.number, count: 0, share: share(0), engaged: true })),
          )
          .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true })),
        choiceRows: choices.map((c) => {
          const count = aggregates.choices.get(c.id) ?? 0;
          return { text: c.text, correct: c.correct, count, share: share(count) };
        }),
        texts: aggregates.texts,
        nextStepKind: scenario.next_step_kind,
      });
    }, answered);
  });
};
