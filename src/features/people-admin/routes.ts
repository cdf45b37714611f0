import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import { findPerson, listAuthorities, listFilterChoices, searchPeople } from './repository.js';
import { invitePersonForm, peopleQuery } from './schemas.js';
import { invitePerson, resendInvitation, resetAccess, type ActionContext } from './service.js';
import {
  filterChoicesView,
  historyView,
  inviteFormView,
  peopleListView,
  personView,
} from './view-model.js';
import { listAppointments, listMemberships } from './membership-repository.js';

const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const peopleAdminRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const context = (request: { user: { personId: number } | null; id: string }): ActionContext => ({
    actorPersonId: request.user!.personId,
    requestId: request.id,
    baseUrl: deps.config.baseUrl,
    councilName: deps.config.COUNCIL_NAME,
  });
  const personId = (params: unknown): number => {
    const parsed = idParam.safeParse(params);
    if (!parsed.success) throw notFound();
    return parsed.data.id;
  };

  app.get('/admin/people', { config: administrators }, async (request, reply) =>
    reply.renderPersonalPage(async () => {
      const query = parseForm(peopleQuery, request.query);
      const filter = query.ok ? query.data : { page: 1 };
      const [result, choices] = await Promise.all([
        searchPeople(deps.db, filter),
        listFilterChoices(deps.db, filter.authority),
      ]);
      return {
        template: 'people-admin/templates/list.njk',
        context: {
          pageTitle: 'People',
          ...peopleListView(result, filter),
          ...filterChoicesView(choices, filter),
        },
      };
    }),
  );

  app.get('/admin/people/new', { config: administrators }, async (_request, reply) =>
    reply.renderPersonalPage(async () => ({
      template: 'people-admin/templates/invite.njk',
      context: {
        pageTitle: 'Invite a person',
        ...inviteFormView(await listAuthorities(deps.db), {}, undefined),
      },
    })),
  );

  app.post('/admin/people', { config: administrators }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(invitePersonForm, body);
    const renderErrors = async (
      errors: Record<string, { text: string }>,
      errorList: { text: string; href: string }[],
    ) =>
      reply.render(
        'people-admin/templates/invite.njk',
        {
          pageTitle: 'Invite a person',
          errorList,
          ...inviteFormView(await listAuthorities(deps.db), body, errors),
        },
        400,
      );
    if (!form.ok) return renderErrors(form.errors, form.errorList);
    const result = await invitePerson(deps.db, form.data, context(request));
    if (!result.ok) {
      return renderErrors({ [result.field]: { text: result.message } }, [
        { text: result.message, href: `#${result.field}` },
      ]);
    }
    return redirectWithFlash(reply, `/admin/people/${result.personId}`, {
      title: 'Invitation sent',
      text: `${form.data.givenName} ${form.data.familyName} has been added and their invitation is in the outbox.`,
    });
  });

  app.get('/admin/people/:id', { config: administrators }, async (request, reply) =>
    reply.renderPersonalPage(async () => {
      const person = await findPerson(deps.db, personId(request.params));
      if (!person) throw notFound();
      const [memberships, appointments] = await Promise.all([
        listMemberships(deps.db, person.id),
        listAppointments(deps.db, person.id),
      ]);
      return {
        template: 'people-admin/templates/person.njk',
        context: {
          pageTitle: `${person.given_name} ${person.family_name}`,
          ...personView(person),
          ...historyView(person.id, person.kind, memberships, appointments),
        },
      };
    }),
  );

  /**
   * Invitation and reset both send a link by email: a person without an email address gets the
   * person page again with an error summary instead.
   */
  const accessAction = (
    path: string,
    action: typeof resendInvitation,
    missingEmail: { text: string; href: string },
    done: (name: string) => { title: string; text: string },
  ) =>
    app.post(path, { config: administrators }, async (request, reply) => {
      const id = personId(request.params);
      const person = await findPerson(deps.db, id);
      if (!person) throw notFound();
      const name = `${person.given_name} ${person.family_name}`;
      if (!person.email) {
        return reply.render(
          'people-admin/templates/person.njk',
          { pageTitle: name, errorList: [missingEmail], ...personView(person) },
          400,
        );
      }
      await action(deps.db, id, context(request));
      return redirectWithFlash(reply, `/admin/people/${id}`, done(name));
    });

  accessAction(
    '/admin/people/:id/invite',
    resendInvitation,
    { text: 'Add an email address for this person before inviting them', href: '#invite' },
    (name) => ({
      title: 'Invitation sent',
      text: `A new invitation for ${name} is in the outbox. Older links no longer work.`,
    }),
  );

  accessAction(
    '/admin/people/:id/reset-access',
    resetAccess,
    { text: 'Add an email address for this person before resetting their access', href: '#reset' },
    (name) => ({
      title: 'Access reset',
      text: `${name} has been signed out everywhere and sent a link to choose a new password.`,
    }),
  );
};
