import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../index.js';
import { administrators, signedIn } from '../../platform/access.js';
import { contentDisposition } from '../../platform/downloads.js';
import { escapeHtml } from '../../platform/html.js';
import {
  isAdministrator,
  sessionForFacilitation,
  sessionTitle,
} from '../training-attendance/index.js';
import { paths } from './paths.js';
import { listSessionRates, loadResults, type Scope } from './results.js';
import { resultsCsv, resultsView } from './results-view.js';
import { courseFrom, idOf, programmeFrom, renderPage } from './route-support.js';
import { sessionWhen } from './view-model.js';

interface Page {
  scope: Scope;
  heading: string;
  caption: string;
  back: { href: string; text: string };
  more: { href: string; text: string } | null;
  csvHref: string;
  fileName: string;
}

/**
 * Evaluation results without names: for a session (its council's administrators and its
 * facilitators), a course and a programme (administrators). Each has a CSV of the same.
 */
export const resultsRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const sessionPage = async (request: FastifyRequest): Promise<Page> => {
    const session = await sessionForFacilitation(db, request);
    return {
      scope: { sessionId: session.id },
      heading: `Evaluations: ${sessionTitle(session)}`,
      caption: sessionWhen(session),
      // A facilitator who is not an administrator goes back to the sessions they facilitate.
      back: isAdministrator(request)
        ? { href: paths.session(session.id), text: 'Back to the session' }
        : { href: '/facilitating', text: 'Back to the sessions you facilitate' },
      more: isAdministrator(request)
        ? {
            href: paths.courseResults(session.courseId),
            text: 'Results of every session of the course',
          }
        : null,
      csvHref: `${paths.sessionResults(session.id)}.csv`,
      fileName: `evaluations-session-${session.id}.csv`,
    };
  };
  const coursePage = async (request: FastifyRequest): Promise<Page> => {
    const course = await courseFrom(db, request);
    return {
      scope: { courseId: course.id },
      heading: `Evaluations: ${course.title}`,
      caption: `${course.programmeTitle}: every session`,
      back: { href: paths.questions(course.id), text: 'Back to the course’s questions' },
      more: {
        href: paths.programmeResults(course.programmeId),
        text: 'Results of the whole programme',
      },
      csvHref: `${paths.courseResults(course.id)}.csv`,
      fileName: `evaluations-course-${course.id}.csv`,
    };
  };
  const programmePage = async (request: FastifyRequest): Promise<Page> => {
    const programme = await programmeFrom(db, request);
    return {
      scope: { programmeId: programme.id },
      heading: `Evaluations: ${programme.title}`,
      caption: 'Every course of the programme',
      back: { href: paths.programme(programme.id), text: 'Back to the programme' },
      more: null,
      csvHref: `${paths.programmeResults(programme.id)}.csv`,
      fileName: `evaluations-programme-${programme.id}.csv`,
    };
  };

  /**
   * The sent responses in scope as they are now: sending one is not audited, so another
   * process's page cache would not hear of it; this is part of the key of the results pages.
   * (A sent response's answers never change.)
   */
  const sentFingerprint = async (scope: Scope) => {
    // The sessions in scope first, so that responses are read through their session index
    // rather than every council's responses being joined to the sessions.
    const sessions =
      'sessionId' in scope
        ? sql`array[${scope.sessionId}::int]`
        : 'courseId' in scope
          ? sql`array(select id from training_sessions where course_id = ${scope.courseId})`
          : sql`array(select s.id from training_sessions s join courses c on c.id = s.course_id
                       where c.programme_id = ${scope.programmeId})`;
    const { rows } = await sql<{ n: number; latest: Date | null }>`
      select count(*)::int as n, max(r.submitted_at) as latest
        from evaluation_responses r
       where r.session_id = any(${sessions}) and r.submitted_at is not null`.execute(db);
    return `${rows[0]?.n ?? 0}:${rows[0]?.latest?.getTime() ?? 0}`;
  };

  const show = async (reply: FastifyReply, page: Page) => {
    const results = await loadResults(db, page.scope);
    const sessions =
      'courseId' in page.scope ? await listSessionRates(db, page.scope.courseId) : [];
    return renderPage(reply, 'results.njk', {
      pageTitle: page.heading,
      ...page,
      sessionRows: sessions.map((s) => [
        {
          html: `<a class="govuk-link" href="${paths.sessionResults(s.id)}">${escapeHtml(
            sessionWhen(s) + (s.groupName ? ` (${s.groupName})` : ''),
          )}</a>`,
        },
        { text: String(s.attendees), format: 'numeric' },
        { text: String(s.responses), format: 'numeric' },
      ]),
      courses: resultsView(results),
      byCourse: 'programmeId' in page.scope,
    });
  };
  /** The results as CSV: kept per person until the data or the sent responses change. */
  const download = async (reply: FastifyReply, load: () => Promise<Page>, sent: string) =>
    reply.sendKeptFile(async () => {
      const page = await load();
      return {
        type: 'text/csv; charset=utf-8',
        body: resultsCsv(await loadResults(db, page.scope)),
        headers: {
          'cache-control': 'no-store',
          'content-disposition': contentDisposition(page.fileName),
        },
      };
    }, sent);

  // A facilitator may be any signed-in person; sessionForFacilitation answers 404 for others.
  app.get('/admin/sessions/:id/evaluations', { config: signedIn }, async (request, outer) =>
    outer.renderPersonalPageWith(
      async (reply) => show(reply, await sessionPage(request)),
      await sentFingerprint({ sessionId: idOf(request) }),
    ),
  );
  app.get('/admin/sessions/:id/evaluations.csv', { config: signedIn }, async (request, reply) =>
    download(
      reply,
      () => sessionPage(request),
      await sentFingerprint({ sessionId: idOf(request) }),
    ),
  );
  app.get('/admin/courses/:id/evaluations', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(
      async (reply) => show(reply, await coursePage(request)),
      await sentFingerprint({ courseId: idOf(request) }),
    ),
  );
  app.get(
    '/admin/courses/:id/evaluations.csv',
    { config: administrators },
    async (request, reply) =>
      download(
        reply,
        () => coursePage(request),
        await sentFingerprint({ courseId: idOf(request) }),
      ),
  );
  app.get('/admin/programmes/:id/evaluations', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(
      async (reply) => show(reply, await programmePage(request)),
      await sentFingerprint({ programmeId: idOf(request) }),
    ),
  );
  app.get(
    '/admin/programmes/:id/evaluations.csv',
    { config: administrators },
    async (request, reply) =>
      download(
        reply,
        () => programmePage(request),
        await sentFingerprint({ programmeId: idOf(request) }),
      ),
  );
};
