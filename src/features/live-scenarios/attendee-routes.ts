import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { signedIn } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import {
  findSession,
  registerWithCode,
  sessionTitle,
  type SessionRow,
} from '../training-attendance/index.js';
import { scenarioDetails } from './details.js';
import { wrongSessionCodes } from '../training-attendance/index.js';
import {
  isPresent,
  listLives,
  listMySessions,
  listOwnAnswers,
  ownAnswerFingerprint,
  PRESENT,
} from './repository.js';
import { formatDateTime } from '../../platform/views.js';
import { answerForm, codeForm, sessionParams } from './schemas.js';
import { answer } from './service.js';
import { paths } from './paths.js';
import {
  answerFormView,
  ownAnswerView,
  reached,
  stageTag,
  valuesOf,
  type FormValues,
} from './view-model.js';

interface Problems {
  errors: Record<string, { text: string }>;
  errorList: { text: string; href: string }[];
}
const noProblems = (): Problems => ({ errors: {}, errorList: [] });

/** The session named by the path, if the signed-in person is recorded as present at it. */
async function attendedSession(db: AppDeps['db'], request: FastifyRequest): Promise<SessionRow> {
  const params = sessionParams.safeParse(request.params);
  if (!params.success) throw notFound();
  const [session, present] = await Promise.all([
    findSession(db, params.data.sessionId),
    isPresent(db, params.data.sessionId, request.user!.personId),
  ]);
  if (!session || !present) throw notFound();
  return session;
}

/**
 * Attendees' side of live scenarios, on their phones and without JavaScript: join with the
 * session's code (which records them as attending), answer the scenario open now with a plain
 * form (and change the answer until the tally is shown), then read the model answer beside
 * their own. Nobody but the person sees their answers.
 */
export const attendeeRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  const wrongCodes = wrongSessionCodes(db);

  const renderJoin = async (
    request: FastifyRequest,
    reply: FastifyReply,
    code: unknown,
    problems = noProblems(),
  ) =>
    reply.render(
      'live-scenarios/templates/join.njk',
      {
        pageTitle: 'Join a live session',
        code: typeof code === 'string' ? code : '',
        mine: (await listMySessions(db, request.user!.personId)).map((s) => ({
          title: sessionTitle(s),
          when: s.startsAt ? formatDateTime(s.startsAt) : '',
          href: paths.attendee(s.id),
        })),
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );

  app.get(paths.join, { config: signedIn }, async (request, reply) =>
    reply.renderPersonalPageWith((page) => renderJoin(request, page, '')),
  );

  app.post(paths.join, { config: signedIn }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const personId = request.user!.personId;
    const wait = wrongCodes.waitMinutes(personId);
    if (wait > 0)
      return renderJoin(
        request,
        reply,
        body.code,
        refusalPart({
          field: 'code',
          message: `You have typed too many wrong codes. Try again in ${wait} ${wait === 1 ? 'minute' : 'minutes'}, or ask the facilitator`,
        }),
      );
    const form = parseForm(codeForm, body);
    if (!form.ok) return renderJoin(request, reply, body.code, form);
    const result = await registerWithCode(db, form.data.code, {
      actorPersonId: personId,
      requestId: request.id,
    });
    if (!result.ok) {
      wrongCodes.noteWrong(personId);
      return renderJoin(request, reply, body.code, refusalPart(result.refusal));
    }
    const { session, already } = result.value;
    if (already && !PRESENT.includes(already))
      return renderJoin(
        request,
        reply,
        body.code,
        refusalPart({
          field: 'code',
          message:
            'You are recorded as absent from this session: ask the facilitator to record you as attending',
        }),
      );
    return reply.redirect(paths.attendee(session.id), 303);
  });

  const renderSession = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: SessionRow,
    options: { typed?: FormValues; problems?: Problems } = {},
  ) => {
    const problems = options.problems ?? noProblems();
    const personId = request.user!.personId;
    const [lives, own] = await Promise.all([
      listLives(db, session.id),
      listOwnAnswers(db, session.id, personId),
    ]);
    const details = await scenarioDetails(db, session.authorityId, lives, { tallies: false });
    const ownOf = (liveId: number) => own.find((a) => a.liveScenarioId === liveId);
    const view = (live: (typeof lives)[number]) => {
      const choices = details.choicesOf(live.scenarioId);
      const detail = details.viewOf(live);
      const marked = reached(live.stage, 'model-answer');
      return {
        id: live.id,
        title: live.title,
        situation: live.situation,
        stage: live.stage,
        stageTag: stageTag(live.stage),
        model: detail.model,
        own: ownOf(live.id)
          ? ownAnswerView(ownOf(live.id), live, choices, details.paragraphs, detail.engaged, marked)
          : null,
      };
    };
    const open = lives.find((l) => l.stage !== 'closed');
    const form =
      open && open.stage === 'answering'
        ? answerFormView(
            open,
            details.choicesOf(open.scenarioId),
            details.paragraphs,
            options.typed ?? valuesOf(ownOf(open.id)),
          )
        : null;
    const title = sessionTitle(session);
    return reply.render(
      'live-scenarios/templates/attendee.njk',
      {
        pageTitle: `Live scenarios – ${title}`,
        sessionTitle: title,
        open: open ? view(open) : null,
        answered: open ? Boolean(ownOf(open.id)) : false,
        form,
        answerAction: paths.answer(session.id),
        checkHref: paths.attendee(session.id),
        past: lives.filter((l) => l.stage === 'closed').map(view),
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get('/live/:sessionId', { config: signedIn }, async (request, reply) => {
    const session = await attendedSession(db, request);
    // Kept until the data changes (the facilitator moving on is audited) or the attendee's own
    // answers change (quiet writes, so they are part of the key).
    const own = await ownAnswerFingerprint(db, session.id, request.user!.personId);
    return reply.renderPersonalPageWith((page) => renderSession(request, page, session), own);
  });

  app.post('/live/:sessionId/answer', { config: signedIn }, async (request, reply) => {
    const params = sessionParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const sessionId = params.data.sessionId;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(answerForm, body);
    const typed = () => ({
      ...(typeof body.acceptable === 'string' ? { acceptable: body.acceptable } : {}),
      anchors: [body.anchors ?? []].flat().filter((a): a is string => typeof a === 'string'),
      ...(typeof body.choiceId === 'string' ? { choiceId: body.choiceId } : {}),
      nextStepText: typeof body.nextStepText === 'string' ? body.nextStepText : '',
    });
    if (!form.ok) {
      if (form.errors.liveId) throw notFound();
      return renderSession(request, reply, await attendedSession(db, request), {
        typed: typed(),
        problems: form,
      });
    }
    const result = await answer(db, sessionId, request.user!.personId, {
      liveId: form.data.liveId,
      acceptable: form.data.acceptable === 'yes',
      anchors: form.data.anchors,
      choiceId: form.data.choiceId ?? null,
      nextStepText: form.data.nextStepText,
    });
    if (result.ok)
      return redirectWithFlash(reply, paths.attendee(sessionId), {
        title: 'Answer saved',
        text: 'You can change it until the facilitator shows the tally.',
      });
    if (result.why === 'missing') throw notFound();
    const session = await attendedSession(db, request);
    if (result.why === 'closed')
      return renderSession(request, reply, session, {
        problems: refusalPart({
          field: 'live-now',
          message:
            'Your answer was not saved: answers closed when the facilitator showed the tally',
        }),
      });
    return renderSession(request, reply, session, {
      typed: typed(),
      problems: refusalPart({ field: 'choiceId', message: 'Choose what the member should do now' }),
    });
  });
};
