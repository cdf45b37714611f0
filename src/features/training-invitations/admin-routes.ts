import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { findSessionForAdmin, listInvitees } from './admin-repository.js';
import { adminInvitationsView } from './admin-view-model.js';
import { invitationsQuery, sessionParams } from './schemas.js';

/**
 * `/admin/sessions/<id>/invitations`: who is invited to a session, whether it is required of
 * them, their replies, and the numbers against the session's capacity and minimum.
 */
export const adminRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/admin/sessions/:sessionId/invitations',
    { config: administrators },
    async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const params = sessionParams.safeParse(request.params);
        if (!params.success) throw notFound();
        const session = await findSessionForAdmin(deps.db, params.data.sessionId);
        if (!session) throw notFound();
        const invitees = await listInvitees(deps.db, session.id);
        const { reply: filter } = invitationsQuery.parse(request.query ?? {});
        return reply.render(
          'training-invitations/templates/admin-invitations.njk',
          adminInvitationsView(session, invitees, filter),
        );
      }),
  );
};
