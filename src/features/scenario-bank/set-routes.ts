import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { paths } from './paths.js';
import { listCourses, listScenarios, listSetItems, listSets, type SetRow } from './repository.js';
import {
  actorOf,
  bodyOf,
  noProblems,
  renderPage,
  setFrom,
  type Problems,
} from './route-support.js';
import { addToSetForm, moveForm, setForm, setItemParams } from './schemas.js';
import { addToSet, createSet, moveInSet, removeFromSet, updateSet } from './set-service.js';
import { paragraphsOf, statusTag, topicsText, yesNoItems } from './view-model.js';

/** The administrators' scenario sets: the list, a set and its scenarios in order. */
export const setRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get(paths.sets, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const rows = await listSets(db, request.user!.authorityId);
      return renderPage(reply, 'sets.njk', {
        pageTitle: 'Scenario sets',
        sets: rows.map((r) => ({
          title: r.title,
          href: paths.set(r.id),
          count: Number(r.scenario_count),
          course: r.course_title,
          published: r.published,
        })),
        paths,
      });
    }),
  );

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    set: SetRow | null,
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) => {
    const courses = await listCourses(db, request.user!.authorityId);
    return renderPage(reply, 'set-form.njk', {
      pageTitle: set ? 'Change the set' : 'New scenario set',
      action: set ? paths.editSet(set.id) : paths.newSet,
      backHref: set ? paths.set(set.id) : paths.sets,
      values,
      courseItems: [
        { value: 'none', text: 'None', selected: !values.courseId || values.courseId === 'none' },
        ...courses.map((c) => ({
          value: String(c.id),
          text: `${c.title} (${c.programme_title})`,
          selected: String(values.courseId) === String(c.id),
        })),
      ],
      publishedItems: yesNoItems(
        values.published,
        'Yes, members can work through it',
        'No, not yet',
      ),
      ...problems,
    });
  };

  app.get(paths.newSet, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith((reply) => renderForm(request, reply, null, { published: 'no' })),
  );

  app.post(paths.newSet, { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const form = parseForm(setForm, body);
    if (!form.ok) return renderForm(request, reply, null, body, form);
    const result = await createSet(db, request.user!.authorityId, form.data, actorOf(request));
    if (!result.ok) return renderForm(request, reply, null, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.set(result.value), {
      title: 'Set added',
      text: 'Now add its scenarios.',
    });
  });

  app.get('/admin/scenario-sets/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const set = await setFrom(db, request);
      return renderSet(request, reply, set);
    }),
  );

  const renderSet = async (
    request: FastifyRequest,
    reply: FastifyReply,
    set: SetRow,
    problems: Problems = noProblems(),
  ) => {
    const [items, bank] = await Promise.all([
      listSetItems(db, set.id),
      listScenarios(db, set.authority_id),
    ]);
    const inSet = new Set(items.map((i) => i.id));
    return renderPage(reply, 'set.njk', {
      pageTitle: set.title,
      set: {
        description: paragraphsOf(set.description),
        course: set.course_title,
        published: set.published,
      },
      items: items.map((i, k) => ({
        title: i.title,
        href: paths.scenario(i.id),
        topics: topicsText(i.topics),
        status: statusTag(i.status),
        first: k === 0,
        last: k === items.length - 1,
        move: paths.moveInSet(set.id, i.id),
        remove: paths.removeFromSet(set.id, i.id),
      })),
      scenarioItems: [
        { value: '', text: 'Select a scenario' },
        ...bank
          .filter((s) => !inSet.has(s.id) && s.status !== 'retired')
          .map((s) => ({
            value: String(s.id),
            text: s.status === 'draft' ? `${s.title} (draft)` : s.title,
          })),
      ],
      paths: { sets: paths.sets, edit: paths.editSet(set.id), add: paths.addToSet(set.id) },
      ...problems,
    });
  };

  app.get('/admin/scenario-sets/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const set = await setFrom(db, request);
      return renderForm(request, reply, set, {
        title: set.title,
        description: set.description,
        courseId:
          set.counts_towards_course_id === null ? 'none' : String(set.counts_towards_course_id),
        published: set.published ? 'yes' : 'no',
      });
    }),
  );

  app.post('/admin/scenario-sets/:id/edit', { config: administrators }, async (request, reply) => {
    const set = await setFrom(db, request);
    const body = bodyOf(request);
    const form = parseForm(setForm, body);
    if (!form.ok) return renderForm(request, reply, set, body, form);
    const result = await updateSet(db, set.id, form.data, actorOf(request));
    if (!result.ok) return renderForm(request, reply, set, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.set(set.id), { text: 'Set changed' });
  });

  app.post(
    '/admin/scenario-sets/:id/scenarios',
    { config: administrators },
    async (request, reply) => {
      const set = await setFrom(db, request);
      const form = parseForm(addToSetForm, bodyOf(request));
      if (!form.ok) return renderSet(request, reply, set, form);
      const result = await addToSet(db, set.id, form.data.scenarioId, actorOf(request));
      if (!result.ok) return renderSet(request, reply, set, refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.set(set.id), { text: 'Scenario added to the set' });
    },
  );

  const itemFrom = async (request: FastifyRequest) => {
    const parsed = setItemParams.safeParse(request.params);
    if (!parsed.success) throw notFound();
    const set = await setFrom(db, request, parsed.data.id);
    return { set, scenarioId: parsed.data.scenarioId };
  };

  app.post(
    '/admin/scenario-sets/:id/scenarios/:scenarioId/remove',
    { config: administrators },
    async (request, reply) => {
      const { set, scenarioId } = await itemFrom(request);
      const result = await removeFromSet(db, set.id, scenarioId, actorOf(request));
      if (!result.ok) throw notFound();
      return redirectWithFlash(reply, paths.set(set.id), { text: 'Scenario taken out of the set' });
    },
  );

  app.post(
    '/admin/scenario-sets/:id/scenarios/:scenarioId/move',
    { config: administrators },
    async (request, reply) => {
      const { set, scenarioId } = await itemFrom(request);
      const form = parseForm(moveForm, bodyOf(request));
      if (!form.ok) throw notFound();
      await moveInSet(db, set.id, scenarioId, form.data.direction, actorOf(request));
      return redirectWithFlash(reply, `${paths.set(set.id)}#scenarios`, { text: 'Order changed' });
    },
  );
};
