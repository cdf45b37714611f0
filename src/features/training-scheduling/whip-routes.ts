import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { allow } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { acceptDate, proposeDateAsWhip } from './dates-service.js';
import { paths } from './paths.js';
import {
  findGroupSession,
  listDateProposals,
  listSessionsOfGroups,
  type GroupSessionRow,
} from './repository.js';
import {
  actorOf,
  bodyOf,
  noProblems,
  paramsOf,
  rawDate,
  readProposedTimes,
  type Problems,
} from './route-support.js';
import { acceptForm, idParams, proposalParams } from './schemas.js';
import { proposalView, sessionSummary } from './view-model.js';

const whips = allow('group-whip');

/**
 * `/group-training`: a whip's groups' sessions and the dates proposed for them; on a session's
 * page the whip accepts a date or proposes another with a note. A whip sees only the groups
 * they whip now (`request.user.whipOf`): any other session is a 404.
 */
export const whipRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get(paths.groupTraining, { config: whips }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const sessions = await listSessionsOfGroups(db, request.user!.whipOf);
      const proposals = await listDateProposals(
        db,
        sessions.map((s) => s.id),
      );
      return reply.render('training-scheduling/templates/group-training.njk', {
        pageTitle: 'Group training',
        sessions: sessions.map((s) => {
          const mine = proposals.filter((p) => p.sessionId === s.id);
          return {
            ...sessionSummary(s),
            href: paths.whipSession(s.id),
            waiting: mine.filter((p) => p.status === 'open' && !p.byWhip).length,
          };
        }),
        topicsHref: paths.groupTopics,
      });
    }),
  );

  const sessionFrom = async (request: FastifyRequest, id: number): Promise<GroupSessionRow> => {
    const session = await findGroupSession(db, id);
    if (!session || !request.user!.whipOf.includes(session.groupId)) throw notFound();
    if (session.status === 'cancelled') throw notFound();
    return session;
  };

  const render = async (
    reply: FastifyReply,
    session: GroupSessionRow,
    form: { values?: Record<string, unknown>; raw?: Record<string, unknown> } = {},
    problems: Problems = noProblems(),
  ) => {
    const proposals = (await listDateProposals(db, [session.id])).map((p) => ({
      ...proposalView(p),
      acceptAction: paths.whipAccept(session.id, p.id),
    }));
    return reply.render(
      'training-scheduling/templates/whip-session.njk',
      {
        pageTitle: `${session.courseTitle}: agree the date`,
        session: sessionSummary(session),
        proposals,
        waiting: proposals.filter((p) => p.open && !p.byWhip),
        values: form.values ?? {},
        raw: form.raw ?? {},
        backHref: paths.groupTraining,
        proposeAction: paths.whipPropose(session.id),
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get('/group-training/sessions/:id', { config: whips }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { id } = paramsOf(idParams, request);
      return render(reply, await sessionFrom(request, id));
    }),
  );

  app.post('/group-training/sessions/:id/dates', { config: whips }, async (request, reply) => {
    const { id } = paramsOf(idParams, request);
    const session = await sessionFrom(request, id);
    const body = bodyOf(request);
    const again = (problems: Problems) =>
      render(reply, session, { values: body, raw: { date: rawDate(body) } }, problems);
    const read = readProposedTimes(body);
    if (!read.ok) return again(read.problems);
    const result = await proposeDateAsWhip(
      db,
      session.id,
      request.user!.whipOf,
      read.times,
      actorOf(request),
    );
    if (!result) throw notFound();
    if (!result.ok) return again(refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.whipSession(session.id), {
      title: 'Date proposed',
      text: 'The officers will see your date and note, and confirm the session.',
    });
  });

  app.post(
    '/group-training/sessions/:id/dates/:proposalId/accept',
    { config: whips },
    async (request, reply) => {
      const { id, proposalId } = paramsOf(proposalParams, request);
      const session = await sessionFrom(request, id);
      const body = bodyOf(request);
      const field = `note-${proposalId}`;
      const form = parseForm(acceptForm, { note: body[field] });
      if (!form.ok) {
        return render(
          reply,
          session,
          { values: body },
          {
            errors: { [field]: form.errors.note! },
            errorList: [{ text: form.errors.note!.text, href: `#${field}` }],
          },
        );
      }
      const result = await acceptDate(
        db,
        {
          sessionId: session.id,
          proposalId,
          whipOf: request.user!.whipOf,
          note: form.data.note ?? '',
        },
        actorOf(request),
      );
      if (!result) throw notFound();
      if (!result.ok) return render(reply, session, { values: body }, refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.whipSession(session.id), {
        title: 'Date accepted',
        text: 'The officers can now confirm the session on this date.',
      });
    },
  );
};
