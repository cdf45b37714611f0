import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import {
  collectErrors,
  dateError,
  parseForm,
  refusalPart,
  todayParts,
  type ErrorSummaryItem,
} from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import { findPerson } from './repository.js';
import { findMembership, listOrganisations, listSeats } from './membership-repository.js';
import { addMembership, endMembership, moveGroup, type Actor } from './membership-service.js';
import { endMembershipForm, idParams, membershipForm, moveGroupForm } from './person-schemas.js';
import { membershipFormView, moveGroupView } from './membership-view-model.js';

type Errors = Record<string, { text: string }>;

export const membershipRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const actor = (request: FastifyRequest): Actor => ({
    actorPersonId: request.user!.personId,
    requestId: request.id,
  });
  const loadPerson = async (params: unknown) => {
    const parsed = idParams.safeParse(params);
    if (!parsed.success) throw notFound();
    const person = await findPerson(deps.db, parsed.data.id);
    if (!person) throw notFound();
    return { person, membershipId: parsed.data.membershipId };
  };
  const personName = (p: { given_name: string; family_name: string }) =>
    `${p.given_name} ${p.family_name}`;
  const authorityOf = async (personId: number) =>
    (
      await deps.db
        .selectFrom('people')
        .select('authority_id')
        .where('id', '=', personId)
        .executeTakeFirstOrThrow()
    ).authority_id;

  // Add a membership ---------------------------------------------------------------------
  const renderMembershipForm = async (
    reply: FastifyReply,
    person: { id: number; given_name: string; family_name: string },
    values: Record<string, unknown>,
    found: { errors: Errors; errorList: ErrorSummaryItem[] } = { errors: {}, errorList: [] },
    dates: Record<string, unknown> = { startDate: todayParts() },
  ) => {
    const authorityId = await authorityOf(person.id);
    const [organisations, seats] = await Promise.all([
      listOrganisations(deps.db, authorityId),
      listSeats(deps.db, authorityId),
    ]);
    return reply.render(
      'people-admin/templates/membership-new.njk',
      {
        pageTitle: `Add a membership for ${personName(person)}`,
        person: { id: person.id, name: personName(person) },
        ...membershipFormView(organisations, seats, values),
        dates,
        ...found,
      },
      found.errorList.length ? 400 : 200,
    );
  };

  app.get('/admin/people/:id/memberships/new', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { person } = await loadPerson(request.params);
      return renderMembershipForm(reply, person, { role: 'member', voting: 'yes' });
    }),
  );

  app.post('/admin/people/:id/memberships', { config: administrators }, async (request, reply) => {
    const { person } = await loadPerson(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(membershipForm, body);
    const start = dateError(body, 'startDate', 'The start date', true);
    const term = dateError(body, 'termEndsOn', 'The end of the term', false);
    const dates = { startDate: start.raw, termEndsOn: term.raw };
    if (!form.ok || start.part || term.part) {
      return renderMembershipForm(
        reply,
        person,
        body,
        collectErrors(form.ok ? null : form, start.part, term.part),
        dates,
      );
    }
    const result = await addMembership(
      deps.db,
      person.id,
      { ...form.data, startDate: start.value!, termEndsOn: term.value },
      actor(request),
    );
    if (!result.ok)
      return renderMembershipForm(reply, person, body, refusalPart(result.refusal), dates);
    return redirectWithFlash(reply, `/admin/people/${person.id}`, {
      title: 'Membership added',
      text: `${personName(person)}'s new membership has been recorded.`,
    });
  });

  // End a membership -----------------------------------------------------------------------
  const renderEndForm = (
    reply: FastifyReply,
    person: { id: number; given_name: string; family_name: string },
    membership: { id: number; organisation_name: string; role: string; start_date: string },
    values: Record<string, unknown>,
    raw: Record<string, string>,
    found: { errors: Errors; errorList: ErrorSummaryItem[] } = { errors: {}, errorList: [] },
  ) =>
    reply.render(
      'people-admin/templates/membership-end.njk',
      {
        pageTitle: `End ${personName(person)}'s membership of ${membership.organisation_name}`,
        person: { id: person.id, name: personName(person) },
        membership,
        values,
        raw,
        ...found,
      },
      found.errorList.length ? 400 : 200,
    );

  const loadMembership = async (params: unknown) => {
    const { person, membershipId } = await loadPerson(params);
    const membership = membershipId
      ? await findMembership(deps.db, person.id, membershipId)
      : undefined;
    if (!membership) throw notFound();
    return { person, membership };
  };

  app.get(
    '/admin/people/:id/memberships/:membershipId/end',
    { config: administrators },
    async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const { person, membership } = await loadMembership(request.params);
        return renderEndForm(reply, person, membership, {}, todayParts());
      }),
  );

  app.post(
    '/admin/people/:id/memberships/:membershipId/end',
    { config: administrators },
    async (request, reply) => {
      const { person, membership } = await loadMembership(request.params);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const form = parseForm(endMembershipForm, body);
      const end = dateError(body, 'endDate', 'The end date', true);
      if (!form.ok || end.part) {
        return renderEndForm(
          reply,
          person,
          membership,
          body,
          end.raw,
          collectErrors(end.part, form.ok ? null : form),
        );
      }
      const result = await endMembership(
        deps.db,
        person.id,
        membership.id,
        { endDate: end.value!, reason: form.data.reason },
        actor(request),
      );
      if (!result.ok)
        return renderEndForm(reply, person, membership, body, end.raw, refusalPart(result.refusal));
      return redirectWithFlash(reply, `/admin/people/${person.id}`, {
        title: 'Membership ended',
        text: `${personName(person)}'s membership of ${membership.organisation_name} ends on the date you gave. It stays in their history.`,
      });
    },
  );

  // Move to another group ------------------------------------------------------------------
  const renderMove = async (
    reply: FastifyReply,
    person: { id: number; given_name: string; family_name: string },
    values: Record<string, unknown>,
    raw: Record<string, string>,
    found: { errors: Errors; errorList: ErrorSummaryItem[] } = { errors: {}, errorList: [] },
  ) => {
    const organisations = await listOrganisations(deps.db, await authorityOf(person.id));
    return reply.render(
      'people-admin/templates/move-group.njk',
      {
        pageTitle: `Move ${personName(person)} to another group`,
        person: { id: person.id, name: personName(person) },
        ...moveGroupView(organisations, values),
        raw,
        ...found,
      },
      found.errorList.length ? 400 : 200,
    );
  };

  app.get('/admin/people/:id/move-group', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { person } = await loadPerson(request.params);
      return renderMove(reply, person, {}, todayParts());
    }),
  );

  app.post('/admin/people/:id/move-group', { config: administrators }, async (request, reply) => {
    const { person } = await loadPerson(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(moveGroupForm, body);
    const start = dateError(body, 'startDate', 'The date they join', true);
    if (!form.ok || start.part) {
      return renderMove(
        reply,
        person,
        body,
        start.raw,
        collectErrors(form.ok ? null : form, start.part),
      );
    }
    const result = await moveGroup(
      deps.db,
      person.id,
      { groupId: form.data.groupId, startDate: start.value! },
      actor(request),
    );
    if (!result.ok) return renderMove(reply, person, body, start.raw, refusalPart(result.refusal));
    return redirectWithFlash(reply, `/admin/people/${person.id}`, {
      title: 'Group changed',
      text: `${personName(person)} has moved group. Their old membership has ended and stays in their history.`,
    });
  });
};
