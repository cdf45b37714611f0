import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { findVersionInForce } from '../code-of-conduct/index.js';
import { idsNeedingReview, linkStates } from '../learning/index.js';
import { durationText } from './agenda.js';
import { paths } from './paths.js';
import { createPlan, updatePlan } from './plan-service.js';
import {
  listAgenda,
  listCoursesUsing,
  listExamples,
  listLinks,
  listPlans,
  listSources,
  type PlanRow,
} from './repository.js';
import {
  actorOf,
  bodyOf,
  noProblems,
  planFrom,
  renderPage,
  type Problems,
} from './route-support.js';
import { planForm } from './schemas.js';
import {
  agendaView,
  examplesView,
  linesOf,
  linksView,
  planFormValues,
  planListView,
  sourcesView,
} from './view-model.js';

/** The council's workshop plans: the list, a new plan, a plan's page, changing a plan. */
export const planRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const renderForm = (
    reply: FastifyReply,
    plan: PlanRow | null,
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) =>
    renderPage(reply, 'plan-form.njk', {
      pageTitle: plan ? 'Change the workshop plan' : 'New workshop plan',
      caption: plan ? plan.title : 'Workshop plans',
      action: plan ? paths.editPlan(plan.id) : paths.newPlan,
      backHref: plan ? paths.plan(plan.id) : paths.list,
      values,
      ...problems,
    });

  app.get(paths.list, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const authorityId = request.user!.authorityId;
      const rows = await listPlans(db, authorityId);
      const review = await idsNeedingReview(
        db,
        authorityId,
        'workshop_paragraphs',
        rows.map((r) => r.id),
      );
      return renderPage(reply, 'plans.njk', {
        pageTitle: 'Workshop plans',
        plans: planListView(rows, review),
        newHref: paths.newPlan,
      });
    }),
  );

  app.get(paths.newPlan, { config: administrators }, async (_request, outer) =>
    outer.renderPersonalPageWith((reply) => renderForm(reply, null, {})),
  );

  app.post(paths.newPlan, { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const form = parseForm(planForm, body);
    if (!form.ok) return renderForm(reply, null, body, form);
    const result = await createPlan(db, request.user!.authorityId, form.data, actorOf(request));
    if (!result.ok) return renderForm(reply, null, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.plan(result.value), {
      title: 'Workshop plan added',
      text: 'Now add its agenda, examples, sources and code paragraphs.',
    });
  });

  app.get('/admin/workshops/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const plan = await planFrom(db, request);
      const [agenda, examples, sources, links, courses, inForce] = await Promise.all([
        listAgenda(db, plan.id),
        listExamples(db, plan.id),
        listSources(db, plan.id),
        listLinks(db, plan.id),
        listCoursesUsing(db, plan.id),
        findVersionInForce(db, plan.authority_id),
      ]);
      const states = await linkStates(db, plan.authority_id, links);
      return renderPage(reply, 'plan.njk', {
        pageTitle: plan.title,
        plan: {
          id: plan.id,
          title: plan.title,
          purposes: linesOf(plan.purposes),
          length: durationText(plan.duration_minutes),
          minutes: plan.duration_minutes,
        },
        agenda: agendaView(plan.id, agenda, plan.duration_minutes),
        examples: examplesView(plan.id, examples),
        sources: sourcesView(plan.id, sources),
        links: linksView(states, inForce),
        hasCode: inForce !== null,
        courses: courses.map((c) => ({
          title: c.title,
          programme: c.programme_title,
          href: paths.course(c.id),
          length: durationText(c.duration_minutes),
          differs: c.duration_minutes !== plan.duration_minutes,
        })),
        paths: {
          list: paths.list,
          edit: paths.editPlan(plan.id),
          newItem: paths.newItem(plan.id),
          newExample: paths.newExample(plan.id),
          newSource: paths.newSource(plan.id),
          paragraphs: paths.paragraphs(plan.id),
          reviewed: paths.reviewed(plan.id),
        },
      });
    }),
  );

  app.get('/admin/workshops/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const plan = await planFrom(db, request);
      return renderForm(reply, plan, planFormValues(plan));
    }),
  );

  app.post('/admin/workshops/:id/edit', { config: administrators }, async (request, reply) => {
    const plan = await planFrom(db, request);
    const body = bodyOf(request);
    const form = parseForm(planForm, body);
    if (!form.ok) return renderForm(reply, plan, body, form);
    const result = await updatePlan(db, plan.id, form.data, actorOf(request));
    if (!result.ok) return renderForm(reply, plan, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.plan(plan.id), { text: 'Workshop plan changed' });
  });
};
