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
import { listAuthorities } from './repository.js';
import { appointIndependentPerson, updatePersonDetails } from './person-service.js';
import { appointmentForm, idParams, personDetailsForm, STATUTORY_ROLES } from './person-schemas.js';
import type { Actor } from './membership-service.js';

type Found = { errors: Record<string, { text: string }>; errorList: ErrorSummaryItem[] };
const none: Found = { errors: {}, errorList: [] };

export const personRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const actor = (request: FastifyRequest): Actor => ({
    actorPersonId: request.user!.personId,
    requestId: request.id,
  });
  const loadPerson = async (params: unknown) => {
    const parsed = idParams.safeParse(params);
    if (!parsed.success) throw notFound();
    const person = await deps.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', parsed.data.id)
      .executeTakeFirst();
    if (!person) throw notFound();
    return person;
  };
  type Person = Awaited<ReturnType<typeof loadPerson>>;
  const nameOf = (p: Person) => `${p.given_name} ${p.family_name}`;

  // Correct details ----------------------------------------------------------------------
  const renderEdit = (
    reply: FastifyReply,
    person: Person,
    values: Record<string, unknown>,
    found: Found = none,
  ) => {
    const chosen = new Set(
      [values.statutoryRoles].flat().filter((v): v is string => typeof v === 'string'),
    );
    return reply.render(
      'people-admin/templates/person-edit.njk',
      {
        pageTitle: `Correct ${nameOf(person)}'s details`,
        person: { id: person.id, name: nameOf(person), isOfficer: person.kind === 'officer' },
        values,
        statutoryItems: Object.entries(STATUTORY_ROLES).map(([value, text]) => ({
          value,
          text,
          checked: chosen.has(value),
        })),
        ...found,
      },
      found.errorList.length ? 400 : 200,
    );
  };

  app.get('/admin/people/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const person = await loadPerson(request.params);
      return renderEdit(reply, person, {
        givenName: person.given_name,
        familyName: person.family_name,
        email: person.email,
        publishEmail: person.publish_email ? 'yes' : 'no',
        jobTitle: person.job_title,
        department: person.department,
        externalId: person.external_id,
        statutoryRoles: person.statutory_roles,
      });
    }),
  );

  app.post('/admin/people/:id/edit', { config: administrators }, async (request, reply) => {
    const person = await loadPerson(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(personDetailsForm, body);
    if (!form.ok) return renderEdit(reply, person, body, form);
    const result = await updatePersonDetails(deps.db, person.id, form.data, actor(request));
    if (!result.ok) return renderEdit(reply, person, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, `/admin/people/${person.id}`, {
      title: 'Details corrected',
      text: `${form.data.givenName} ${form.data.familyName}'s details have been saved. The audit trail keeps the old values.`,
    });
  });

  // Independent Person appointments --------------------------------------------------------
  const renderAppointment = async (
    reply: FastifyReply,
    person: Person,
    values: Record<string, unknown>,
    dates: Record<string, unknown>,
    found: Found = none,
  ) => {
    const authorities = await listAuthorities(deps.db);
    return reply.render(
      'people-admin/templates/appointment-new.njk',
      {
        pageTitle: `Record ${nameOf(person)}'s appointment`,
        person: { id: person.id, name: nameOf(person) },
        values,
        dates,
        authorityItems: authorities
          .filter((a) => a.kind === 'principal')
          .map((a) => ({
            value: String(a.id),
            text: a.name,
            selected: String(values.authorityId ?? person.authority_id) === String(a.id),
          })),
        ...found,
      },
      found.errorList.length ? 400 : 200,
    );
  };

  const fourYearsOn = () => {
    const parts = todayParts();
    return { ...parts, year: String(Number(parts.year) + 4) };
  };

  app.get(
    '/admin/people/:id/appointments/new',
    { config: administrators },
    async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const person = await loadPerson(request.params);
        if (person.kind !== 'independent-person') throw notFound();
        return renderAppointment(
          reply,
          person,
          {},
          { startDate: todayParts(), endDate: fourYearsOn() },
        );
      }),
  );

  app.post('/admin/people/:id/appointments', { config: administrators }, async (request, reply) => {
    const person = await loadPerson(request.params);
    if (person.kind !== 'independent-person') throw notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(appointmentForm, body);
    const start = dateError(body, 'startDate', 'The start of the appointment', true);
    const end = dateError(body, 'endDate', 'The end of the appointment', true);
    const dates = { startDate: start.raw, endDate: end.raw };
    if (!form.ok || start.part || end.part) {
      return renderAppointment(
        reply,
        person,
        body,
        dates,
        collectErrors(form.ok ? null : form, start.part, end.part),
      );
    }
    const result = await appointIndependentPerson(
      deps.db,
      person.id,
      { authorityId: form.data.authorityId, startDate: start.value!, endDate: end.value! },
      actor(request),
    );
    if (!result.ok)
      return renderAppointment(reply, person, body, dates, refusalPart(result.refusal));
    return redirectWithFlash(reply, `/admin/people/${person.id}`, {
      title: 'Appointment recorded',
      text: `${nameOf(person)}'s appointment as an Independent Person has been recorded.`,
    });
  });
};
