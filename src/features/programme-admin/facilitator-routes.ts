import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { addFacilitator, removeFacilitator } from './facilitator-service.js';
import { paths } from './paths.js';
import { actorOf, bodyOf, sessionFrom } from './route-support.js';
import { facilitatorForm, facilitatorParams } from './schemas.js';
import { sessionPage } from './session-page.js';

/** Adding and removing a session's facilitators, from the session page. */
export const facilitatorRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.post(
    '/admin/sessions/:id/facilitators',
    { config: administrators },
    async (request, reply) => {
      const session = await sessionFrom(db, request);
      const body = bodyOf(request);
      const form = parseForm(facilitatorForm, body);
      if (!form.ok) return sessionPage(db, reply, session, form, 'session.njk', body);
      const result = await addFacilitator(
        db,
        { id: session.id, authorityId: session.authority_id },
        { personId: form.data.personId!, role: form.data.role },
        actorOf(request),
      );
      if (!result.ok)
        return sessionPage(db, reply, session, refusalPart(result.refusal), 'session.njk', body);
      return redirectWithFlash(reply, `${paths.session(session.id)}#facilitators`, {
        text: 'Facilitator added',
      });
    },
  );

  app.post(
    '/admin/sessions/:id/facilitators/:personId/remove',
    { config: administrators },
    async (request, reply) => {
      const parsed = facilitatorParams.safeParse(request.params);
      if (!parsed.success) throw notFound();
      const session = await sessionFrom(db, request);
      const result = await removeFacilitator(
        db,
        session.id,
        parsed.data.personId,
        actorOf(request),
      );
      if (!result.ok) throw notFound();
      return redirectWithFlash(reply, `${paths.session(session.id)}#facilitators`, {
        text: 'Facilitator removed',
      });
    },
  );
};
