import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../index.js';
import { signedIn } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { paths } from './paths.js';
import { listMySessions } from './repository.js';
import {
  loadEvaluation,
  saveAnswer,
  submitEvaluation,
  type Evaluation,
} from './response-service.js';
import { bodyOf, noProblems, renderPage, type Problems } from './route-support.js';
import { answerParams, sessionParams } from './schemas.js';
import { answerText, ratingItems, sentOn, sessionTitle, sessionWhen } from './view-model.js';

/**
 * An attendee's evaluation of a session: one question per screen, each answer saved as it is
 * posted, a page to check the answers, then sent once. Anyone who was not there gets a 404.
 */
export const memberRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const evaluationFor = async (request: FastifyRequest, sessionId: number) => {
    const evaluation = await loadEvaluation(db, sessionId, request.user!.personId);
    if (!evaluation) throw notFound();
    return evaluation;
  };

  const sessionIdOf = (request: FastifyRequest) => {
    const parsed = sessionParams.safeParse({
      sessionId: (request.params as { sessionId?: unknown }).sessionId,
    });
    if (!parsed.success) throw notFound();
    return parsed.data.sessionId;
  };

  /**
   * The person's response as it is now: answers are not audited, so another process's page
   * cache would not hear of a change; this is part of the key of the pages showing them.
   */
  const responseFingerprint = async (request: FastifyRequest, sessionId: number) => {
    const { rows } = await sql<{ f: string | null }>`
      select r.id || ':' || coalesce(extract(epoch from r.submitted_at)::text, '') || ':' ||
             coalesce((select md5(string_agg(a.question_id || '=' || coalesce(a.rating::text, '') ||
                                             '/' || coalesce(a.text, ''), '|' order by a.question_id))
                         from evaluation_answers a where a.response_id = r.id), '') as f
        from evaluation_responses r
       where r.session_id = ${sessionId} and r.person_id = ${request.user!.personId}`.execute(db);
    return rows[0]?.f ?? '';
  };

  const heading = (e: Evaluation) => ({
    id: e.session.id,
    title: sessionTitle(e.session),
    when: sessionWhen(e.session),
  });

  app.get(paths.mine, { config: signedIn }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const rows = await listMySessions(db, request.user!.personId, new Date());
      const line = (r: (typeof rows)[number]) => ({
        title: sessionTitle(r),
        when: sessionWhen(r),
        href: paths.start(r.sessionId),
        started: r.startedAt !== null,
        sent: r.submittedAt ? sentOn(r.submittedAt) : null,
      });
      return renderPage(reply, 'mine.njk', {
        pageTitle: 'Your evaluations',
        waiting: rows.filter((r) => !r.submittedAt).map(line),
        sent: rows.filter((r) => r.submittedAt).map(line),
      });
    }),
  );

  app.get('/my/evaluations/:sessionId', { config: signedIn }, async (request, outer) => {
    const sessionId = sessionIdOf(request);
    const mine = await responseFingerprint(request, sessionId);
    return outer.renderPersonalPageWith(async (reply) => {
      const e = await evaluationFor(request, sessionId);
      const next = e.questions.findIndex((q) => !e.answers.has(q.id));
      return renderPage(reply, 'start.njk', {
        pageTitle: `Evaluate ${sessionTitle(e.session)}`,
        session: heading(e),
        count: e.questions.length,
        sent: e.submittedAt ? sentOn(e.submittedAt) : null,
        started: e.started,
        startHref:
          e.started && next >= 0
            ? paths.question(e.session.id, next + 1)
            : paths.question(e.session.id, 1),
        checkHref: paths.check(e.session.id),
        answeredAll: next < 0,
      });
    }, mine);
  });

  const renderQuestion = (
    reply: FastifyReply,
    e: Evaluation,
    n: number,
    answer: string,
    fromCheck: boolean,
    problems: Problems = noProblems(),
  ) => {
    const question = e.questions[n - 1]!;
    return renderPage(reply, 'question.njk', {
      pageTitle: `Question ${n} of ${e.questions.length} – ${question.prompt}`,
      session: heading(e),
      n,
      total: e.questions.length,
      question,
      answer,
      ratingItems: ratingItems(answer),
      fromCheck,
      action: paths.question(e.session.id, n),
      backHref: fromCheck
        ? paths.check(e.session.id)
        : n > 1
          ? paths.question(e.session.id, n - 1)
          : paths.start(e.session.id),
      ...problems,
    });
  };

  const numbered = async (request: FastifyRequest) => {
    const parsed = answerParams.safeParse(request.params);
    if (!parsed.success) throw notFound();
    const e = await evaluationFor(request, parsed.data.sessionId);
    const n = parsed.data.n;
    if (n > e.questions.length) throw notFound();
    return { e, n };
  };

  app.get('/my/evaluations/:sessionId/:n', { config: signedIn }, async (request, outer) => {
    const mine = await responseFingerprint(request, sessionIdOf(request));
    return outer.renderPersonalPageWith(async (reply) => {
      const { e, n } = await numbered(request);
      if (e.submittedAt) return reply.redirect(paths.start(e.session.id), 303);
      const saved = e.answers.get(e.questions[n - 1]!.id);
      const answer = saved ? String(saved.rating ?? saved.text ?? '') : '';
      const fromCheck = (request.query as { from?: string } | undefined)?.from === 'check';
      return renderQuestion(reply, e, n, answer, fromCheck);
    }, mine);
  });

  app.post('/my/evaluations/:sessionId/:n', { config: signedIn }, async (request, reply) => {
    const { e, n } = await numbered(request);
    const body = bodyOf(request);
    const fromCheck = body.from === 'check';
    const question = e.questions[n - 1]!;
    const result = await saveAnswer(db, e.session.id, request.user!.personId, question, body);
    if (!result.ok && 'submitted' in result) return reply.redirect(paths.start(e.session.id), 303);
    if (!result.ok) {
      const typed = typeof body.answer === 'string' ? body.answer : '';
      return renderQuestion(reply, e, n, typed, fromCheck, refusalPart(result.refusal));
    }
    const next =
      fromCheck || n >= e.questions.length
        ? paths.check(e.session.id)
        : paths.question(e.session.id, n + 1);
    return reply.redirect(next, 303);
  });

  const renderCheck = (reply: FastifyReply, e: Evaluation, problems: Problems = noProblems()) =>
    renderPage(reply, 'check.njk', {
      pageTitle: 'Check your answers',
      session: heading(e),
      rows: e.questions.map((q, i) => ({
        key: { text: `${i + 1}. ${q.prompt}${q.required ? '' : ' (optional)'}` },
        value: { text: answerText(q.kind, e.answers.get(q.id)) },
        actions: {
          items: [
            {
              href: `${paths.question(e.session.id, i + 1)}?from=check`,
              text: 'Change',
              visuallyHiddenText: `your answer to question ${i + 1}`,
              attributes: { id: `question-${i + 1}` },
            },
          ],
        },
      })),
      action: paths.check(e.session.id),
      backHref: paths.question(e.session.id, e.questions.length),
      ...problems,
    });

  app.get('/my/evaluations/:sessionId/check', { config: signedIn }, async (request, outer) => {
    const sessionId = sessionIdOf(request);
    const mine = await responseFingerprint(request, sessionId);
    return outer.renderPersonalPageWith(async (reply) => {
      const e = await evaluationFor(request, sessionId);
      if (e.submittedAt) return reply.redirect(paths.start(e.session.id), 303);
      return renderCheck(reply, e);
    }, mine);
  });

  app.post('/my/evaluations/:sessionId/check', { config: signedIn }, async (request, reply) => {
    const e = await evaluationFor(request, sessionIdOf(request));
    const result = await submitEvaluation(db, e.session.id, request.user!.personId);
    if (!result.ok && 'submitted' in result) return reply.redirect(paths.start(e.session.id), 303);
    if (!result.ok) return renderCheck(reply, e, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.mine, {
      title: 'Evaluation sent',
      text: `Thank you. Your evaluation of ${sessionTitle(e.session)} has been sent.`,
    });
  });
};
