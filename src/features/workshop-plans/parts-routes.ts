import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../index.js';
import type { Db } from '../../db/database.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import type { Actor, Outcome } from '../../platform/outcome.js';
import { paths } from './paths.js';
import {
  addAgendaItem,
  addExample,
  addSource,
  changeAgendaItem,
  changeExample,
  changeSource,
  moveAgendaItem,
  removePart,
} from './parts-service.js';
import type { PlanRow } from './repository.js';
import {
  actorOf,
  bodyOf,
  noProblems,
  partIdOf,
  planFrom,
  renderPage,
  type Problems,
} from './route-support.js';
import { exampleForm, itemForm, moveForm, sourceForm } from './schemas.js';

/** One kind of part of a plan, and how its pages and forms read. */
interface PartKind<S extends z.ZodType> {
  segment: 'agenda' | 'examples' | 'sources';
  table: 'workshop_agenda_items' | 'workshop_examples' | 'workshop_sources';
  template: string;
  newTitle: string;
  editTitle: string;
  schema: S;
  /** the row's values as the form shows them */
  values: (row: Record<string, unknown>) => Record<string, unknown>;
  add: (db: Db, planId: number, input: z.infer<S>, actor: Actor) => Promise<Outcome<number>>;
  change: (db: Db, planId: number, id: number, input: z.infer<S>, actor: Actor) => Promise<Outcome>;
  added: string;
  changed: string;
  removed: string;
  anchor: string;
}

const agenda: PartKind<typeof itemForm> = {
  segment: 'agenda',
  table: 'workshop_agenda_items',
  template: 'item-form.njk',
  newTitle: 'Add an agenda item',
  editTitle: 'Change the agenda item',
  schema: itemForm,
  values: (r) => ({
    title: r.title,
    minutes: String(r.minutes),
    facilitatorNotes: r.facilitator_notes,
    materials: r.materials,
  }),
  add: addAgendaItem,
  change: changeAgendaItem,
  added: 'Agenda item added',
  changed: 'Agenda item changed',
  removed: 'Agenda item removed',
  anchor: '#agenda',
};

const examples: PartKind<typeof exampleForm> = {
  segment: 'examples',
  table: 'workshop_examples',
  template: 'example-form.njk',
  newTitle: 'Add an example of conduct',
  editTitle: 'Change the example',
  schema: exampleForm,
  values: (r) => ({ kind: r.kind, text: r.text }),
  add: addExample,
  change: changeExample,
  added: 'Example added',
  changed: 'Example changed',
  removed: 'Example removed',
  anchor: '#examples',
};

const sources: PartKind<typeof sourceForm> = {
  segment: 'sources',
  table: 'workshop_sources',
  template: 'source-form.njk',
  newTitle: 'Add a source of guidance',
  editTitle: 'Change the source',
  schema: sourceForm,
  values: (r) => ({ title: r.title, publisher: r.publisher, url: r.url ?? '' }),
  add: addSource,
  change: changeSource,
  added: 'Source added',
  changed: 'Source changed',
  removed: 'Source removed',
  anchor: '#sources',
};

/**
 * Adding, changing and removing a plan's agenda items, examples and sources (and moving
 * agenda items up and down). Every page is the plan's council's administrators' only.
 */
export const partsRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const findPart = async (kind: PartKind<z.ZodType>, plan: PlanRow, request: FastifyRequest) => {
    const row = await db
      .selectFrom(kind.table)
      .selectAll()
      .where('id', '=', partIdOf(request))
      .where('plan_id', '=', plan.id)
      .executeTakeFirst();
    if (!row) throw notFound();
    return row as Record<string, unknown> & { id: number };
  };

  const register = <S extends z.ZodType>(kind: PartKind<S>) => {
    const base = `/admin/workshops/:id/${kind.segment}`;
    const render = (
      reply: FastifyReply,
      plan: PlanRow,
      partId: number | null,
      values: Record<string, unknown>,
      problems: Problems = noProblems(),
    ) =>
      renderPage(reply, kind.template, {
        pageTitle: partId === null ? kind.newTitle : kind.editTitle,
        caption: plan.title,
        action:
          partId === null
            ? `/admin/workshops/${plan.id}/${kind.segment}/new`
            : `/admin/workshops/${plan.id}/${kind.segment}/${partId}/edit`,
        backHref: paths.plan(plan.id) + kind.anchor,
        values,
        ...problems,
      });

    app.get(`${base}/new`, { config: administrators }, async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const plan = await planFrom(db, request);
        return render(reply, plan, null, {});
      }),
    );

    app.post(`${base}/new`, { config: administrators }, async (request, reply) => {
      const plan = await planFrom(db, request);
      const body = bodyOf(request);
      const form = parseForm(kind.schema, body);
      if (!form.ok) return render(reply, plan, null, body, form);
      const result = await kind.add(db, plan.id, form.data, actorOf(request));
      if (!result.ok) return render(reply, plan, null, body, refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.plan(plan.id) + kind.anchor, { text: kind.added });
    });

    app.get(`${base}/:itemId/edit`, { config: administrators }, async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const plan = await planFrom(db, request);
        const row = await findPart(kind as PartKind<z.ZodType>, plan, request);
        return render(reply, plan, row.id, kind.values(row));
      }),
    );

    app.post(`${base}/:itemId/edit`, { config: administrators }, async (request, reply) => {
      const plan = await planFrom(db, request);
      const row = await findPart(kind as PartKind<z.ZodType>, plan, request);
      const body = bodyOf(request);
      const form = parseForm(kind.schema, body);
      if (!form.ok) return render(reply, plan, row.id, body, form);
      const result = await kind.change(db, plan.id, row.id, form.data, actorOf(request));
      if (!result.ok) return render(reply, plan, row.id, body, refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.plan(plan.id) + kind.anchor, { text: kind.changed });
    });

    app.post(`${base}/:itemId/remove`, { config: administrators }, async (request, reply) => {
      const plan = await planFrom(db, request);
      const row = await findPart(kind as PartKind<z.ZodType>, plan, request);
      const result = await removePart(db, kind.table, plan.id, row.id, actorOf(request));
      if (!result.ok) throw notFound();
      return redirectWithFlash(reply, paths.plan(plan.id) + kind.anchor, { text: kind.removed });
    });
  };

  register(agenda);
  register(examples);
  register(sources);

  app.post(
    '/admin/workshops/:id/agenda/:itemId/move',
    { config: administrators },
    async (request, reply) => {
      const plan = await planFrom(db, request);
      const row = await findPart(agenda as unknown as PartKind<z.ZodType>, plan, request);
      const form = parseForm(moveForm, bodyOf(request));
      if (!form.ok) return reply.redirect(paths.plan(plan.id) + '#agenda', 303);
      const result = await moveAgendaItem(
        db,
        plan.id,
        row.id,
        form.data.direction,
        actorOf(request),
      );
      if (!result.ok) throw notFound();
      return redirectWithFlash(reply, paths.plan(plan.id) + '#agenda', {
        text: result.value
          ? `“${String(row.title)}” moved ${form.data.direction}`
          : `“${String(row.title)}” is already at the ${form.data.direction === 'up' ? 'top' : 'bottom'}`,
      });
    },
  );
};
