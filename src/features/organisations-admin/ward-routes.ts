import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import { findWard, listAuthorities, type WardDetails } from './repository.js';
import { editWardForm, newWardForm } from './schemas.js';
import { addWard, updateWard } from './ward-service.js';
import { wardFormView } from './form-view-model.js';
import { paths } from './list-view-model.js';
import { FormProblems } from './form-problems.js';
import { actorOf, authorityFrom, bodyOf, idFrom } from './route-support.js';

export const wardRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Add a ward ------------------------------------------------------------------------------
  const renderNew = async (
    reply: FastifyReply,
    values: Record<string, unknown>,
    problems = new FormProblems(),
  ) =>
    reply.render(
      'organisations-admin/templates/ward-new.njk',
      {
        pageTitle: 'Add a ward',
        backHref: /^[1-9]\d{0,9}$/.test(String(values.authorityId))
          ? paths.list(Number(values.authorityId))
          : '/admin/organisations',
        ...wardFormView(await listAuthorities(deps.db), values),
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.found ? 400 : 200,
    );

  app.get('/admin/wards/new', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { authority } = await authorityFrom(deps.db, request.query);
      return renderNew(reply, { authorityId: String(authority.id) });
    }),
  );

  app.post('/admin/wards', { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const form = parseForm(newWardForm, body);
    if (!form.ok) return renderNew(reply, body, new FormProblems().fromSchema(form));
    const seats = Number(form.data.seats);
    const result = await addWard(deps.db, { ...form.data, seats }, actorOf(request));
    if (!result.ok) return renderNew(reply, body, new FormProblems().fromRefusal(result.refusal));
    return redirectWithFlash(reply, paths.list(form.data.authorityId), {
      title: 'Ward added',
      text: `${form.data.name} ward has been added with ${seats === 1 ? '1 seat' : `${seats} seats`} on ${result.value.council}.`,
    });
  });

  // Edit a ward -----------------------------------------------------------------------------
  const loadWard = async (params: unknown) => {
    const ward = await findWard(deps.db, idFrom(params));
    if (!ward) throw notFound();
    return ward;
  };

  const renderEdit = (
    reply: FastifyReply,
    ward: WardDetails,
    values: Record<string, unknown>,
    problems = new FormProblems(),
  ) =>
    reply.render(
      'organisations-admin/templates/ward-edit.njk',
      {
        pageTitle: `Edit ${ward.name} ward`,
        ward,
        backHref: paths.list(ward.authority_id),
        values,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.found ? 400 : 200,
    );

  app.get('/admin/wards/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const ward = await loadWard(request.params);
      return renderEdit(reply, ward, { name: ward.name, gssCode: ward.gss_code ?? '' });
    }),
  );

  app.post('/admin/wards/:id/edit', { config: administrators }, async (request, reply) => {
    const ward = await loadWard(request.params);
    const body = bodyOf(request);
    const form = parseForm(editWardForm, body);
    if (!form.ok) return renderEdit(reply, ward, body, new FormProblems().fromSchema(form));
    const result = await updateWard(deps.db, ward.id, form.data, actorOf(request));
    if (!result.ok)
      return renderEdit(reply, ward, body, new FormProblems().fromRefusal(result.refusal));
    return redirectWithFlash(
      reply,
      paths.list(ward.authority_id),
      result.value.changed
        ? { title: 'Ward updated', text: `Your changes to ${form.data.name} ward are saved.` }
        : { title: 'Nothing changed', text: `${ward.name} ward already had those details.` },
    );
  });
};
