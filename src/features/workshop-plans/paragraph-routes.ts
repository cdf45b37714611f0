import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { linkableParagraphs, linkStates } from '../learning/index.js';
import { paths } from './paths.js';
import { markReviewed, setParagraphs } from './plan-service.js';
import { listLinks, type PlanRow } from './repository.js';
import {
  actorOf,
  bodyOf,
  noProblems,
  planFrom,
  renderPage,
  type Problems,
} from './route-support.js';
import { anchorsOf } from './schemas.js';

/** Choosing the paragraphs of the code in force that a plan covers, and marking them reviewed. */
export const paragraphRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const render = async (
    reply: FastifyReply,
    plan: PlanRow,
    chosen: Set<string>,
    problems: Problems = noProblems(),
  ) => {
    const { versionId, paragraphs } = await linkableParagraphs(db, plan.authority_id);
    const sections: { heading: string; items: unknown[] }[] = [];
    for (const p of paragraphs) {
      let section = sections[sections.length - 1];
      if (!section || section.heading !== p.section) {
        section = { heading: p.section, items: [] };
        sections.push(section);
      }
      section.items.push({
        value: p.anchor,
        text: p.number,
        hint: { text: p.text },
        checked: chosen.has(p.anchor),
      });
    }
    return renderPage(reply, 'paragraphs.njk', {
      pageTitle: 'Paragraphs of the code the workshop covers',
      caption: plan.title,
      hasCode: versionId !== null,
      sections,
      action: paths.paragraphs(plan.id),
      backHref: paths.plan(plan.id) + '#paragraphs',
      ...problems,
    });
  };

  app.get('/admin/workshops/:id/paragraphs', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const plan = await planFrom(db, request);
      const states = await linkStates(db, plan.authority_id, await listLinks(db, plan.id));
      return render(
        reply,
        plan,
        new Set(states.flatMap((s) => (s.current ? [s.current.anchor] : []))),
      );
    }),
  );

  app.post(
    '/admin/workshops/:id/paragraphs',
    { config: administrators },
    async (request, reply) => {
      const plan = await planFrom(db, request);
      const anchors = anchorsOf(bodyOf(request).anchors);
      const result = await setParagraphs(db, plan.id, anchors, actorOf(request));
      if (!result.ok) return render(reply, plan, new Set(anchors), refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.plan(plan.id) + '#paragraphs', {
        title: 'Paragraphs saved',
        text:
          result.value === 0
            ? 'The plan links to no paragraphs of the code.'
            : `The plan covers ${result.value} ${result.value === 1 ? 'paragraph' : 'paragraphs'} of the code in force.`,
      });
    },
  );

  app.post(
    '/admin/workshops/:id/paragraphs/reviewed',
    { config: administrators },
    async (request, reply) => {
      const plan = await planFrom(db, request);
      const result = await markReviewed(db, plan.id, actorOf(request));
      if (!result.ok) return render(reply, plan, new Set(), refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.plan(plan.id) + '#paragraphs', {
        title: 'Marked as reviewed',
        text: 'The plan’s paragraphs now point at the code in force.',
      });
    },
  );
};
