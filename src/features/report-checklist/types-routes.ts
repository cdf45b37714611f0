import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import {
  parseForm,
  refusalPart,
  collectErrors,
  type ErrorSummaryItem,
} from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { findImplicationType, type ImplicationType } from './repository.js';
import { moveForm, newTypeForm, renameTypeForm } from './schemas.js';
import { addImplicationType, changeImplicationType, loadChecklist } from './types-service.js';
import { actorOf, authorityFrom, bodyOf, homeAuthorityOf, idFrom } from './route-support.js';
import { authorityItems, needsClearanceItems, paths, typeRows } from './view-model.js';
import { listManagedAuthorities } from './repository.js';

type Problems = { errors: Record<string, { text: string }>; errorList: ErrorSummaryItem[] };
const none: Problems = { errors: {}, errorList: [] };

export const typesRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    given: unknown,
    values: Record<string, unknown> = {},
    problems: Problems = none,
  ) => {
    const { authority, authorities } = await authorityFrom(deps.db, request, given);
    const types = await loadChecklist(deps.db, authority.id, actorOf(request));
    return reply.render(
      'report-checklist/templates/implication-types.njk',
      {
        pageTitle: `Statutory and policy checklist – ${authority.name}`,
        authority,
        authorityItems: authorityItems(authorities, authority.id),
        showAuthoritySelect: authorities.length > 1,
        rows: typeRows(types),
        values,
        needsClearanceItems: needsClearanceItems(values.needsClearance),
        ...problems,
      },
      problems.errorList.length ? 400 : 200,
    );
  };

  app.get('/admin/implication-types', { config: administrators }, (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => renderList(request, reply, undefined)),
  );

  app.post('/admin/implication-types', { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const { authority } = await authorityFrom(deps.db, request, body.authorityId ?? '');
    const form = parseForm(newTypeForm, body);
    if (!form.ok) return renderList(request, reply, String(authority.id), body, form);
    const outcome = await addImplicationType(
      deps.db,
      authority.id,
      { label: form.data.label, needsClearance: form.data.needsClearance === 'yes' },
      actorOf(request),
    );
    if (!outcome.ok) {
      return renderList(
        request,
        reply,
        String(authority.id),
        body,
        collectErrors(refusalPart(outcome.refusal)),
      );
    }
    return redirectWithFlash(reply, paths.types(authority.id), {
      title: 'Implication added',
      text: `${form.data.label} is now on the checklist of ${authority.name}'s reports.`,
    });
  });

  // One type: rename page, and the buttons on the list ------------------------------------------
  const loadType = async (request: FastifyRequest): Promise<ImplicationType> => {
    const authorities = await listManagedAuthorities(deps.db, homeAuthorityOf(request));
    const type = await findImplicationType(
      deps.db,
      idFrom(request.params),
      authorities.map((a) => a.id),
    );
    if (!type) throw notFound();
    return type;
  };

  const renderEdit = (
    reply: FastifyReply,
    type: ImplicationType,
    values: Record<string, unknown>,
    problems: Problems = none,
  ) =>
    reply.render(
      'report-checklist/templates/implication-type-edit.njk',
      {
        pageTitle: `Rename ${type.label}`,
        type,
        backHref: paths.types(type.authority_id),
        values,
        ...problems,
      },
      problems.errorList.length ? 400 : 200,
    );

  app.get('/admin/implication-types/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const type = await loadType(request);
      return renderEdit(reply, type, { label: type.label });
    }),
  );

  app.post('/admin/implication-types/:id', { config: administrators }, async (request, reply) => {
    const type = await loadType(request);
    const body = bodyOf(request);
    const form = parseForm(renameTypeForm, body);
    if (!form.ok) return renderEdit(reply, type, body, form);
    const outcome = await changeImplicationType(
      deps.db,
      type.authority_id,
      type.id,
      { kind: 'rename', label: form.data.label },
      actorOf(request),
    );
    if (!outcome) throw notFound();
    if (!outcome.ok)
      return renderEdit(reply, type, body, collectErrors(refusalPart(outcome.refusal)));
    return redirectWithFlash(reply, paths.types(type.authority_id), {
      title: outcome.value.changed ? 'Implication renamed' : 'Nothing changed',
      text: outcome.value.changed
        ? `${type.label} is now called ${form.data.label}. Reports already answered keep their answers.`
        : `${type.label} already had that name.`,
    });
  });

  const button = (
    action: string,
    change: (request: FastifyRequest) => Parameters<typeof changeImplicationType>[3],
    banner: (type: ImplicationType) => { title: string; text: string },
  ) =>
    app.post(
      `/admin/implication-types/:id/${action}`,
      { config: administrators },
      async (request, reply) => {
        const type = await loadType(request);
        const outcome = await changeImplicationType(
          deps.db,
          type.authority_id,
          type.id,
          change(request),
          actorOf(request),
        );
        if (!outcome || !outcome.ok) throw notFound();
        return redirectWithFlash(reply, paths.types(type.authority_id), banner(outcome.value.type));
      },
    );

  button(
    'clearance',
    () => ({ kind: 'toggle-clearance' }),
    (t) => ({
      title: 'Clearance changed',
      text: t.needs_clearance
        ? `${t.label} now needs clearance by a named officer.`
        : `${t.label} no longer needs clearance by a named officer.`,
    }),
  );
  button(
    'move',
    (request) => {
      const form = parseForm(moveForm, bodyOf(request));
      if (!form.ok) throw notFound();
      return { kind: 'move', direction: form.data.direction };
    },
    (t) => ({ title: 'Checklist reordered', text: `${t.label} has moved.` }),
  );
  button(
    'retire',
    () => ({ kind: 'retire' }),
    (t) => ({
      title: 'Implication retired',
      text: `${t.label} is no longer asked on new reports. Reports that answered it keep their answer.`,
    }),
  );
  button(
    'restore',
    () => ({ kind: 'restore' }),
    (t) => ({
      title: 'Implication restored',
      text: `${t.label} is asked on reports again.`,
    }),
  );
};
