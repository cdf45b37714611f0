import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { confirmRefusal, confirmSessionAsPlanned, countAudience } from './confirm-service.js';
import { paths } from './paths.js';
import { findCourse, type SessionRow } from './repository.js';
import { actorOf, noProblems, renderPage, sessionFrom, type Problems } from './route-support.js';
import { AUDIENCES } from './schemas.js';
import { whenText } from './view-model.js';

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/**
 * `/admin/sessions/<id>/confirm`: an administrator confirms a session that is not a political
 * group's (its date is theirs to set) and so invites its audience. A group's session is
 * confirmed on its dates page once the whip has agreed a date, so here it is a 404, as is
 * another council's session.
 */
export const confirmRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const nonGroupSession = async (request: FastifyRequest) => {
    const session = await sessionFrom(db, request);
    if (session.audience === 'political-group' || session.group_id !== null) throw notFound();
    return session;
  };

  const render = async (
    reply: FastifyReply,
    session: SessionRow,
    problems: Problems = noProblems(),
  ) => {
    const course = await findCourse(db, session.course_id);
    const refusal = confirmRefusal(session, new Date(), paths.editSession(session.id));
    return renderPage(reply, 'session-confirm.njk', {
      pageTitle: 'Confirm the session and send invitations',
      session: {
        courseTitle: session.course_title,
        when: whenText(session),
        venue: session.venue,
        onlineUrl: session.online_url ?? '',
        status: session.status,
      },
      audienceText:
        course?.audience === 'committee'
          ? `Members of ${course.committee_name ?? 'the committee'}`
          : AUDIENCES[session.audience],
      audienceCount: refusal ? null : people(await countAudience(db, session.id)),
      canConfirm: refusal === null,
      refusal: refusal
        ? { message: refusal.refusal.message, link: refusal.refusal.link ?? null }
        : null,
      paths: { session: paths.session(session.id), confirm: paths.confirm(session.id) },
      ...problems,
    });
  };

  app.get('/admin/sessions/:id/confirm', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => render(reply, await nonGroupSession(request))),
  );

  app.post('/admin/sessions/:id/confirm', { config: administrators }, async (request, reply) => {
    const session = await nonGroupSession(request);
    const result = await confirmSessionAsPlanned(
      db,
      session.id,
      paths.editSession(session.id),
      actorOf(request),
    );
    if (!result) throw notFound();
    if (!result.ok) return render(reply, session, refusalPart(result.refusal));
    const invited = result.value.invited;
    return redirectWithFlash(reply, paths.session(session.id), {
      title: 'Session confirmed',
      text: `${people(invited)} will be invited. Each is sent an email with a calendar file within a few minutes. Anyone without an email address sees the invitation on their training page.`,
    });
  });
};
