import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import {
  EDITABLE_STATUSES,
  listItems,
  type CodeItem,
  type CodeVersion,
} from '../code-of-conduct/index.js';
import { afterField, itemForm } from './schemas.js';
import { editItem, insertItem, moveItem, removeItem, type ItemChange } from './editor-service.js';
import {
  itemFormFields,
  itemFormValues,
  itemLabel,
  itemViews,
  suggestedKind,
} from './editor-view-model.js';
import {
  actorOf,
  bodyOf,
  noProblems,
  paths,
  versionAndLineageFrom,
  versionFrom,
  type Problems,
} from './route-support.js';
import { renderVersionPage } from './version-page.js';

const ITEMS = `${paths.list}/versions/:id/items`;

/** After a change, back to the editor at the item changed. */
const backToItem = (version: CodeVersion, change: ItemChange) =>
  `${paths.version(version.id)}${change.lineage ? `#item-${change.lineage}` : '#items'}`;

/**
 * The structured editor's actions. Each works without JavaScript: links to a form (insert,
 * edit), small forms (move up or down) and a confirmation page (remove).
 */
export const editorRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const itemOf = async (version: CodeVersion, lineage: string): Promise<CodeItem> => {
    const item = (await listItems(deps.db, version.id)).find((i) => i.lineage === lineage);
    if (!item) throw notFound();
    return item;
  };

  const renderForm = (
    reply: FastifyReply,
    version: CodeVersion,
    form: { action: string; heading: string; button: string; after?: string; item?: CodeItem },
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) =>
    reply.render(
      'code-admin/templates/item-form.njk',
      {
        pageTitle: `${form.heading} – version ${version.number}`,
        version,
        editable: EDITABLE_STATUSES.includes(version.status),
        form,
        values,
        ...itemFormFields(values),
        backHref: `${paths.version(version.id)}#items`,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );

  // Insert --------------------------------------------------------------------------------------
  const insertForm = (items: CodeItem[], after: string) => {
    const previous = after === 'start' ? undefined : items.find((i) => i.lineage === after);
    if (after !== 'start' && !previous) throw notFound();
    return {
      heading: previous
        ? `Insert an item after ${itemLabel(previous)}`
        : 'Insert an item at the start',
      button: 'Insert the item',
      after,
      previous,
    };
  };

  app.get(`${ITEMS}/new`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const version = await versionFrom(deps.db, request.params);
      const where = afterField.safeParse(request.query ?? {});
      if (!where.success) throw notFound();
      const items = await listItems(deps.db, version.id);
      const form = insertForm(items, where.data.after);
      return renderForm(
        reply,
        version,
        { ...form, action: `${paths.version(version.id)}/items` },
        {
          kind: suggestedKind(form.previous),
          local: form.previous?.origin === 'local' ? 'yes' : '',
        },
      );
    }),
  );

  app.post(ITEMS, { config: administrators }, async (request, reply) => {
    const version = await versionFrom(deps.db, request.params);
    const body = bodyOf(request);
    const where = afterField.safeParse(body);
    if (!where.success) throw notFound();
    const items = await listItems(deps.db, version.id);
    const formShape = {
      ...insertForm(items, where.data.after),
      action: `${paths.version(version.id)}/items`,
    };
    const form = parseForm(itemForm, body);
    if (!form.ok) return renderForm(reply, version, formShape, body, form);
    const result = await insertItem(
      deps.db,
      version.id,
      where.data.after,
      form.data,
      actorOf(request),
    );
    if (!result.ok) return renderForm(reply, version, formShape, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, backToItem(version, result.value), {
      title: 'Item inserted',
      text: `The new item is numbered ${result.value.number}. The items after it are renumbered.`,
    });
  });

  // Edit ----------------------------------------------------------------------------------------
  const editShape = (version: CodeVersion, item: CodeItem) => ({
    action: `${paths.version(version.id)}/items/${item.lineage}/edit`,
    heading: `Edit ${itemLabel(item)}`,
    button: 'Save the item',
    item,
  });

  app.get(`${ITEMS}/:lineage/edit`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { version, lineage } = await versionAndLineageFrom(deps.db, request.params);
      const item = await itemOf(version, lineage);
      return renderForm(reply, version, editShape(version, item), itemFormValues(item));
    }),
  );

  app.post(`${ITEMS}/:lineage/edit`, { config: administrators }, async (request, reply) => {
    const { version, lineage } = await versionAndLineageFrom(deps.db, request.params);
    const item = await itemOf(version, lineage);
    const body = bodyOf(request);
    const form = parseForm(itemForm, body);
    if (!form.ok) return renderForm(reply, version, editShape(version, item), body, form);
    const result = await editItem(deps.db, version.id, lineage, form.data, actorOf(request));
    if (!result.ok)
      return renderForm(
        reply,
        version,
        editShape(version, item),
        body,
        refusalPart(result.refusal),
      );
    return redirectWithFlash(reply, backToItem(version, result.value), {
      title: 'Item saved',
      text: `Your changes to ${result.value.number} are saved and the code is renumbered.`,
    });
  });

  // Move ----------------------------------------------------------------------------------------
  app.post(`${ITEMS}/:lineage/move`, { config: administrators }, async (request, reply) => {
    const { version, lineage } = await versionAndLineageFrom(deps.db, request.params);
    const direction = bodyOf(request).direction;
    if (direction !== 'up' && direction !== 'down') throw notFound();
    const result = await moveItem(deps.db, version.id, lineage, direction, actorOf(request));
    if (!result.ok) {
      const fresh = await versionFrom(deps.db, { id: String(version.id) });
      return renderVersionPage(deps, reply, fresh, refusalPart(result.refusal));
    }
    return redirectWithFlash(reply, backToItem(version, result.value), {
      title: 'Item moved',
      text: `The item is now numbered ${result.value.number}.`,
    });
  });

  // Remove --------------------------------------------------------------------------------------
  const renderRemove = (
    reply: FastifyReply,
    version: CodeVersion,
    item: CodeItem,
    problems: Problems = noProblems(),
  ) =>
    reply.render(
      'code-admin/templates/item-remove.njk',
      {
        pageTitle: `Remove ${itemLabel(item)} – version ${version.number}`,
        version,
        editable: EDITABLE_STATUSES.includes(version.status),
        label: itemLabel(item),
        item: itemViews(version.id, [item])[0],
        action: `${paths.version(version.id)}/items/${item.lineage}/remove`,
        backHref: `${paths.version(version.id)}#item-${item.lineage}`,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );

  app.get(`${ITEMS}/:lineage/remove`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { version, lineage } = await versionAndLineageFrom(deps.db, request.params);
      return renderRemove(reply, version, await itemOf(version, lineage));
    }),
  );

  app.post(`${ITEMS}/:lineage/remove`, { config: administrators }, async (request, reply) => {
    const { version, lineage } = await versionAndLineageFrom(deps.db, request.params);
    const item = await itemOf(version, lineage);
    const result = await removeItem(deps.db, version.id, lineage, actorOf(request));
    if (!result.ok) return renderRemove(reply, version, item, refusalPart(result.refusal));
    return redirectWithFlash(reply, `${paths.version(version.id)}#items`, {
      title: 'Item removed',
      text: `${itemLabel(item).charAt(0).toUpperCase()}${itemLabel(item).slice(1)} is removed and the code is renumbered.`,
    });
  });
};
