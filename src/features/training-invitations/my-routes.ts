import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { signedIn } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { parseForm, refusalPart, type ErrorSummaryItem } from '../../platform/forms.js';
import { invitationPaths } from './paths.js';
import { findMyInvitation, listMyInvitations } from './repository.js';
import { replyForm, sessionParams } from './schemas.js';
import { replyToInvitation } from './service.js';
import { myTrainingView, RESPONSE_TEXT, sessionTitle } from './view-model.js';

/**
 * `/my/training`: the sessions the signed-in person is invited to, whether each is required
 * of them, and their reply (attending, not attending with a reason, tentative). Anyone signed in:
 * who is invited is decided by memberships and roles, and the page shows only their own.
 */
export const myRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    problem?: {
      sessionId: number;
      response?: string;
      reason?: string;
      errors: Record<string, { text: string }>;
      errorList: ErrorSummaryItem[];
    },
  ) => {
    const invitations = await listMyInvitations(db, request.user!.personId);
    return reply.render(
      'training-invitations/templates/my-training.njk',
      {
        pageTitle: 'Your training',
        calendarHref: invitationPaths.calendar,
        errorList: problem?.errorList ?? [],
        ...myTrainingView(invitations, new Date(), problem),
      },
      problem ? 400 : 200,
    );
  };

  app.get(invitationPaths.mine, { config: signedIn }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => render(request, reply)),
  );

  app.post('/my/training/:sessionId/reply', { config: signedIn }, async (request, reply) => {
    const params = sessionParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const { sessionId } = params.data;
    const personId = request.user!.personId;
    const invitation = await findMyInvitation(db, personId, sessionId);
    if (!invitation) throw notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const typed = {
      sessionId,
      ...(typeof body.response === 'string' ? { response: body.response } : {}),
      ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
    };
    // Field ids carry the session's id: the page has one form per session.
    const located = (errors: Record<string, { text: string }>, list: ErrorSummaryItem[]) => ({
      ...typed,
      errors,
      errorList: list.map((e) => ({ text: e.text, href: `${e.href}-${sessionId}` })),
    });
    const form = parseForm(replyForm, body);
    if (!form.ok) return render(request, reply, located(form.errors, form.errorList));
    const outcome = await replyToInvitation(db, sessionId, form.data, {
      actorPersonId: personId,
      requestId: request.id,
    });
    if (!outcome) throw notFound();
    if (!outcome.ok) {
      const part = refusalPart(outcome.refusal);
      return render(request, reply, located(part.errors, part.errorList));
    }
    return redirectWithFlash(reply, invitationPaths.mine, {
      title: 'Reply sent',
      text: `${sessionTitle(invitation)}: ${RESPONSE_TEXT[form.data.response].toLowerCase()}.`,
    });
  });
};
