import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { collectErrors, dateError, parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { paths } from './paths.js';
import {
  findCourse,
  listComplementableSessions,
  listOrganisations,
  type CourseRow,
  type SessionRow,
} from './repository.js';
import {
  actorOf,
  bodyOf,
  courseFrom,
  noProblems,
  renderPage,
  sessionFrom,
  type Problems,
} from './route-support.js';
import { sessionForm } from './schemas.js';
import { cancelSession, createSession, updateSession } from './session-service.js';
import { sessionPage } from './session-page.js';
import { complementText, selectItems, sessionFormValues } from './view-model.js';

/** Sessions of a course: adding one, changing it, cancelling it. */
export const sessionRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    course: CourseRow,
    session: SessionRow | null,
    values: Record<string, unknown>,
    raw: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) => {
    const authorityId = request.user!.authorityId;
    const isGroup = course.audience === 'political-group';
    const isOfficers = course.audience === 'officers';
    const groups = isGroup ? await listOrganisations(db, authorityId, ['political-group']) : [];
    const complementable = isOfficers ? await listComplementableSessions(db, authorityId) : [];
    return renderPage(reply, 'session-form.njk', {
      pageTitle: session ? 'Change the session' : 'New session',
      caption: course.title,
      action: session ? paths.editSession(session.id) : paths.newSession(course.id),
      backHref: session ? paths.session(session.id) : paths.course(course.id),
      isGroup,
      isOfficers,
      confirmed: session?.status === 'confirmed',
      dateOptional: isGroup && session?.status !== 'confirmed',
      duration: course.duration_minutes,
      groupItems: selectItems(
        groups.map((g) => ({ id: g.id, text: g.name })),
        values.groupId,
        'Select the group',
      ),
      complementItems: selectItems(
        complementable.map((c) => ({ id: c.id, text: complementText(c) })),
        values.complementsSessionId,
        'None',
      ),
      values,
      raw,
      ...problems,
    });
  };

  const readForm = (body: Record<string, unknown>) => {
    const form = parseForm(sessionForm, body);
    const date = dateError(body, 'sessionDate', 'The date of the session', false);
    const groupPart = form.ok
      ? null
      : {
          errors: Object.fromEntries(
            Object.entries(form.errors).filter(([field]) => field === 'groupId'),
          ),
          errorList: form.errorList.filter((e) => e.href === '#groupId'),
        };
    const rest = form.ok
      ? null
      : {
          errors: form.errors,
          errorList: form.errorList.filter((e) => e.href !== '#groupId'),
        };
    return {
      form,
      date,
      raw: { sessionDate: date.raw },
      problems: collectErrors(groupPart, date.part, rest),
    };
  };

  app.get('/admin/courses/:id/sessions/new', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const course = await courseFrom(db, request);
      return renderForm(request, reply, course, null, {}, {});
    }),
  );

  app.post(
    '/admin/courses/:id/sessions/new',
    { config: administrators },
    async (request, reply) => {
      const course = await courseFrom(db, request);
      const body = bodyOf(request);
      const { form, date, raw, problems } = readForm(body);
      if (!form.ok || date.part)
        return renderForm(request, reply, course, null, body, raw, problems);
      const result = await createSession(
        db,
        course.id,
        { ...form.data, date: date.value },
        actorOf(request),
      );
      if (!result.ok)
        return renderForm(request, reply, course, null, body, raw, refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.session(result.value), {
        title: 'Session added',
        text:
          course.audience === 'political-group'
            ? 'Propose dates to the group’s whip, then confirm the one agreed.'
            : 'Add its facilitators, then confirm it to invite its audience.',
      });
    },
  );

  app.get('/admin/sessions/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      sessionPage(db, reply, await sessionFrom(db, request), noProblems(), 'session.njk', {
        find: (request.query as Record<string, unknown> | undefined)?.find,
      }),
    ),
  );

  const courseOf = async (session: SessionRow) => (await findCourse(db, session.course_id))!;

  app.get('/admin/sessions/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const session = await sessionFrom(db, request);
      const { values, raw } = sessionFormValues(session);
      return renderForm(request, reply, await courseOf(session), session, values, raw);
    }),
  );

  app.post('/admin/sessions/:id/edit', { config: administrators }, async (request, reply) => {
    const session = await sessionFrom(db, request);
    const course = await courseOf(session);
    const body = bodyOf(request);
    const { form, date, raw, problems } = readForm(body);
    if (!form.ok || date.part)
      return renderForm(request, reply, course, session, body, raw, problems);
    const result = await updateSession(
      db,
      session.id,
      { ...form.data, date: date.value },
      actorOf(request),
    );
    if (!result.ok)
      return renderForm(request, reply, course, session, body, raw, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.session(session.id), {
      title: 'Session changed',
      text: result.value.resent
        ? 'Everyone invited will be sent the new time and place.'
        : 'The session has been changed.',
    });
  });

  app.get('/admin/sessions/:id/cancel', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const session = await sessionFrom(db, request);
      return sessionPage(db, reply, session, noProblems(), 'session-cancel.njk');
    }),
  );

  app.post('/admin/sessions/:id/cancel', { config: administrators }, async (request, reply) => {
    const session = await sessionFrom(db, request);
    const result = await cancelSession(db, session.id, actorOf(request));
    if (!result.ok)
      return sessionPage(db, reply, session, refusalPart(result.refusal), 'session-cancel.njk');
    return redirectWithFlash(reply, paths.session(session.id), {
      title: 'Session cancelled',
      text: result.value.wasConfirmed
        ? 'Everyone invited will be sent the cancellation.'
        : 'The session is kept, marked as cancelled.',
    });
  });
};
