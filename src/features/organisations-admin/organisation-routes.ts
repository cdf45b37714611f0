import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseDateInput, parseForm } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import { findOrganisation, listParentCommittees, type OrganisationDetails } from './repository.js';
import {
  authorityField,
  editOrganisationForm,
  hasCommitteeFields,
  newOrganisationForm,
} from './schemas.js';
import { addOrganisation, updateOrganisation } from './organisation-service.js';
import { committeeTypeItems, newOrganisationView, trainingItems } from './form-view-model.js';
import { paths } from './list-view-model.js';
import { FormProblems } from './form-problems.js';
import { actorOf, authorityFrom, bodyOf, idFrom } from './route-support.js';

export const organisationRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Add an organisation ---------------------------------------------------------------------
  const renderNew = async (
    reply: FastifyReply,
    authority: { id: number; name: string },
    values: Record<string, unknown>,
    foundedOn: Record<string, string> | undefined,
    problems = new FormProblems(),
  ) =>
    reply.render(
      'organisations-admin/templates/organisation-new.njk',
      {
        pageTitle: `Add an organisation to ${authority.name}`,
        ...newOrganisationView(
          authority,
          await listParentCommittees(deps.db, authority.id),
          values,
        ),
        foundedOn,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.found ? 400 : 200,
    );

  app.get('/admin/organisations/new', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { authority } = await authorityFrom(deps.db, request.query);
      return renderNew(reply, authority, {}, undefined);
    }),
  );

  app.post('/admin/organisations', { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const hidden = authorityField.safeParse(body);
    if (!hidden.success) throw notFound();
    const { authority } = await authorityFrom(deps.db, {
      authority: String(hidden.data.authorityId),
    });
    const form = parseForm(newOrganisationForm, body);
    const founded = parseDateInput(body, 'foundedOn', 'The date it was founded');
    const problems = new FormProblems().fromSchema(form).fromDate('foundedOn', founded);
    if (!form.ok || problems.found) return renderNew(reply, authority, body, founded.raw, problems);
    const result = await addOrganisation(
      deps.db,
      authority.id,
      { ...form.data, foundedOn: founded.value },
      actorOf(request),
    );
    if (!result.ok) {
      problems.fromRefusal(result.refusal, ['foundedOn']);
      return renderNew(reply, authority, body, founded.raw, problems);
    }
    return redirectWithFlash(reply, paths.list(authority.id), {
      title: 'Organisation added',
      text: `${form.data.name} has been added to ${authority.name}.`,
    });
  });

  // Edit an organisation --------------------------------------------------------------------
  const loadOrganisation = async (params: unknown) => {
    const organisation = await findOrganisation(deps.db, idFrom(params));
    if (!organisation) throw notFound();
    return organisation;
  };

  const renderEdit = (
    reply: FastifyReply,
    organisation: OrganisationDetails,
    values: Record<string, unknown>,
    problems = new FormProblems(),
  ) =>
    reply.render(
      'organisations-admin/templates/organisation-edit.njk',
      {
        pageTitle: `Edit ${organisation.name}`,
        organisation,
        backHref: paths.list(organisation.authority_id),
        hasCommitteeFields: hasCommitteeFields(organisation.classification),
        values,
        committeeTypeItems: committeeTypeItems(values, organisation.committee_type),
        trainingItems: trainingItems(values),
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.found ? 400 : 200,
    );

  app.get('/admin/organisations/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const organisation = await loadOrganisation(request.params);
      return renderEdit(reply, organisation, {
        name: organisation.name,
        committeeType: organisation.committee_type ?? '',
        trainingRequired: organisation.training_required ? 'yes' : 'no',
      });
    }),
  );

  app.post('/admin/organisations/:id/edit', { config: administrators }, async (request, reply) => {
    const organisation = await loadOrganisation(request.params);
    const body = bodyOf(request);
    const form = parseForm(editOrganisationForm, body);
    if (!form.ok) return renderEdit(reply, organisation, body, new FormProblems().fromSchema(form));
    const result = await updateOrganisation(deps.db, organisation.id, form.data, actorOf(request));
    if (!result.ok)
      return renderEdit(reply, organisation, body, new FormProblems().fromRefusal(result.refusal));
    return redirectWithFlash(
      reply,
      paths.list(organisation.authority_id),
      result.value.changed
        ? { title: 'Organisation updated', text: `Your changes to ${form.data.name} are saved.` }
        : { title: 'Nothing changed', text: `${organisation.name} already had those details.` },
    );
  });
};
