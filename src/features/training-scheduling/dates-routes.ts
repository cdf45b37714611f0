import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { closeDate, confirmSession, proposeDate } from './dates-service.js';
import { paths } from './paths.js';
import { findGroupSession, listDateProposals, type GroupSessionRow } from './repository.js';
import {
  actorOf,
  bodyOf,
  noProblems,
  paramsOf,
  rawDate,
  readProposedTimes,
  type Problems,
} from './route-support.js';
import { closeForm, confirmForm, idParams } from './schemas.js';
import { closeItems, confirmItems, proposalView, sessionSummary } from './view-model.js';

/**
 * `/admin/sessions/<id>/dates`: administrators propose dates for a political group's session,
 * see the whip's answers, and confirm a date (agreed, or with an override reason). Another
 * council's session, or a session that is not a group's, is a 404.
 */
export const datesRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const sessionFrom = async (request: FastifyRequest): Promise<GroupSessionRow> => {
    const { id } = paramsOf(idParams, request);
    const session = await findGroupSession(db, id);
    if (!session || session.authorityId !== request.user!.authorityId) throw notFound();
    return session;
  };

  const render = async (
    reply: FastifyReply,
    session: GroupSessionRow,
    form: { values?: Record<string, unknown>; raw?: Record<string, unknown> } = {},
    problems: Problems = noProblems(),
  ) => {
    const proposals = (await listDateProposals(db, [session.id])).map(proposalView);
    const values = form.values ?? {};
    return reply.render(
      'training-scheduling/templates/dates.njk',
      {
        pageTitle: `Agree the date: ${session.courseTitle}, ${session.groupName}`,
        session: sessionSummary(session),
        proposals,
        confirmItems: confirmItems(proposals, values.proposalId),
        closeItems: closeItems(proposals, values.closeProposalId),
        closeAction: paths.closeDate(session.id),
        values,
        raw: form.raw ?? {},
        sessionHref: paths.session(session.id),
        proposeAction: paths.dates(session.id),
        confirmAction: paths.confirm(session.id),
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get('/admin/sessions/:id/dates', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => render(reply, await sessionFrom(request))),
  );

  app.post('/admin/sessions/:id/dates', { config: administrators }, async (request, reply) => {
    const session = await sessionFrom(request);
    const body = bodyOf(request);
    const read = readProposedTimes(body);
    const again = (problems: Problems) =>
      render(reply, session, { values: body, raw: { date: rawDate(body) } }, problems);
    if (!read.ok) return again(read.problems);
    const result = await proposeDate(db, session.id, read.times, actorOf(request));
    if (!result) throw notFound();
    if (!result.ok) return again(refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.dates(session.id), {
      title: 'Date proposed',
      text: `The ${session.groupName} whip can now accept it or propose another.`,
    });
  });

  app.post(
    '/admin/sessions/:id/dates/confirm',
    { config: administrators },
    async (request, reply) => {
      const session = await sessionFrom(request);
      const body = bodyOf(request);
      const form = parseForm(confirmForm, body);
      if (!form.ok) return render(reply, session, { values: body }, form);
      const result = await confirmSession(
        db,
        {
          sessionId: session.id,
          proposalId: form.data.proposalId,
          overrideReason: form.data.overrideReason,
        },
        actorOf(request),
      );
      if (!result) throw notFound();
      if (!result.ok) return render(reply, session, { values: body }, refusalPart(result.refusal));
      const invited = result.value.invited;
      return redirectWithFlash(reply, paths.dates(session.id), {
        title: 'Session confirmed',
        text: `${invited === 1 ? '1 person is' : `${invited} people are`} invited${
          result.value.overridden
            ? ". The reason for confirming without the whip's agreement is recorded"
            : ''
        }.`,
      });
    },
  );

  app.post(
    '/admin/sessions/:id/dates/close',
    { config: administrators },
    async (request, reply) => {
      const session = await sessionFrom(request);
      const body = bodyOf(request);
      const form = parseForm(closeForm, body);
      if (!form.ok) return render(reply, session, { values: body }, form);
      const result = await closeDate(
        db,
        { sessionId: session.id, proposalId: form.data.closeProposalId, note: form.data.closeNote },
        actorOf(request),
      );
      if (!result) throw notFound();
      if (!result.ok) return render(reply, session, { values: body }, refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.dates(session.id), {
        title: result.value === 'declined' ? 'Date declined' : 'Date withdrawn',
        text: 'The whip sees your note with the date.',
      });
    },
  );
};
