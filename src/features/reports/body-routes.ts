import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import { listReportItems, type ReportItemRow, type ReportRow } from './repository.js';
import { afterField, itemForm } from './schemas.js';
import {
  editBodyItem,
  insertBodyItem,
  moveBodyItem,
  removeBodyItem,
  type ItemChange,
} from './body-service.js';
import { NOT_A_DRAFT } from './service.js';
import {
  adminOf,
  bodyOf,
  noProblems,
  renderReportPage,
  reportAndLineageFrom,
  reportFrom,
  type Problems,
} from './route-support.js';
import {
  bodyViews,
  itemFormValues,
  itemLabel,
  kindItems,
  paths,
  suggestedKind,
} from './view-model.js';

const BODY = `${paths.list}/:id/body`;

const backToItem = (report: ReportRow, change: ItemChange) =>
  `${paths.report(report.id)}${change.lineage ? `#item-${change.lineage}` : '#body'}`;

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The body editor's actions, each working without JavaScript: links to a form (insert, edit),
 * small forms (move up or down) and a confirmation page (remove).
 */
export const bodyRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const itemOf = async (report: ReportRow, lineage: string): Promise<ReportItemRow> => {
    const item = (await listReportItems(deps.db, report.id)).find((i) => i.lineage === lineage);
    if (!item) throw notFound();
    return item;
  };

  const renderForm = (
    reply: FastifyReply,
    report: ReportRow,
    form: { action: string; heading: string; button: string; after?: string },
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) =>
    reply.render(
      'reports/templates/item-form.njk',
      {
        pageTitle: `${form.heading} – ${report.title}`,
        report,
        notDraft: report.status !== 'draft' ? NOT_A_DRAFT(report.status) : null,
        form,
        values,
        kindItems: kindItems(values),
        backHref: `${paths.report(report.id)}#body`,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );

  const insertShape = (report: ReportRow, items: ReportItemRow[], after: string) => {
    const previous = after === 'start' ? undefined : items.find((i) => i.lineage === after);
    if (after !== 'start' && !previous) throw notFound();
    return {
      heading: previous
        ? `Insert an item after ${itemLabel(previous)}`
        : 'Insert an item at the start',
      button: 'Insert the item',
      after,
      previous,
      action: paths.body(report.id),
    };
  };

  app.get(`${BODY}/new`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const report = await reportFrom(deps.db, request);
      const where = afterField.safeParse(request.query ?? {});
      if (!where.success) throw notFound();
      const shape = insertShape(
        report,
        await listReportItems(deps.db, report.id),
        where.data.after,
      );
      return renderForm(reply, report, shape, { kind: suggestedKind(shape.previous) });
    }),
  );

  app.post(BODY, { config: administrators }, async (request, reply) => {
    const report = await reportFrom(deps.db, request);
    const body = bodyOf(request);
    const where = afterField.safeParse(body);
    if (!where.success) throw notFound();
    const shape = insertShape(report, await listReportItems(deps.db, report.id), where.data.after);
    const form = parseForm(itemForm, body);
    if (!form.ok) return renderForm(reply, report, shape, body, form);
    const result = await insertBodyItem(
      deps.db,
      report.id,
      where.data.after,
      form.data,
      adminOf(request),
    );
    if (!result.ok) return renderForm(reply, report, shape, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, backToItem(report, result.value), {
      title: 'Item inserted',
      text: `The new item is numbered ${result.value.number}. The items after it are renumbered.`,
    });
  });

  const editShape = (report: ReportRow, item: ReportItemRow) => ({
    action: `${paths.body(report.id)}/${item.lineage}/edit`,
    heading: `Edit ${itemLabel(item)}`,
    button: 'Save the item',
  });

  app.get(`${BODY}/:lineage/edit`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { report, lineage } = await reportAndLineageFrom(deps.db, request);
      const item = await itemOf(report, lineage);
      return renderForm(reply, report, editShape(report, item), itemFormValues(item));
    }),
  );

  app.post(`${BODY}/:lineage/edit`, { config: administrators }, async (request, reply) => {
    const { report, lineage } = await reportAndLineageFrom(deps.db, request);
    const item = await itemOf(report, lineage);
    const body = bodyOf(request);
    const form = parseForm(itemForm, body);
    if (!form.ok) return renderForm(reply, report, editShape(report, item), body, form);
    const result = await editBodyItem(deps.db, report.id, lineage, form.data, adminOf(request));
    if (!result.ok)
      return renderForm(reply, report, editShape(report, item), body, refusalPart(result.refusal));
    return redirectWithFlash(reply, backToItem(report, result.value), {
      title: 'Item saved',
      text: `Your changes to ${result.value.number} are saved and the body is renumbered.`,
    });
  });

  app.post(`${BODY}/:lineage/move`, { config: administrators }, async (request, reply) => {
    const { report, lineage } = await reportAndLineageFrom(deps.db, request);
    const direction = bodyOf(request).direction;
    if (direction !== 'up' && direction !== 'down') throw notFound();
    const result = await moveBodyItem(deps.db, report.id, lineage, direction, adminOf(request));
    if (!result.ok) return renderReportPage(deps.db, reply, report, refusalPart(result.refusal));
    return redirectWithFlash(reply, backToItem(report, result.value), {
      title: 'Item moved',
      text: `The item is now numbered ${result.value.number}.`,
    });
  });

  const renderRemove = (
    reply: FastifyReply,
    report: ReportRow,
    item: ReportItemRow,
    problems: Problems = noProblems(),
  ) =>
    reply.render(
      'reports/templates/item-remove.njk',
      {
        pageTitle: `Remove ${itemLabel(item)} – ${report.title}`,
        report,
        notDraft: report.status !== 'draft' ? NOT_A_DRAFT(report.status) : null,
        label: itemLabel(item),
        item: bodyViews(report.id, [item])[0],
        action: `${paths.body(report.id)}/${item.lineage}/remove`,
        backHref: `${paths.report(report.id)}#item-${item.lineage}`,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );

  app.get(`${BODY}/:lineage/remove`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { report, lineage } = await reportAndLineageFrom(deps.db, request);
      return renderRemove(reply, report, await itemOf(report, lineage));
    }),
  );

  app.post(`${BODY}/:lineage/remove`, { config: administrators }, async (request, reply) => {
    const { report, lineage } = await reportAndLineageFrom(deps.db, request);
    const item = await itemOf(report, lineage);
    const result = await removeBodyItem(deps.db, report.id, lineage, adminOf(request));
    if (!result.ok) return renderRemove(reply, report, item, refusalPart(result.refusal));
    return redirectWithFlash(reply, `${paths.report(report.id)}#body`, {
      title: 'Item removed',
      text: `${capitalised(itemLabel(item))} is removed and the body is renumbered.`,
    });
  });
};
