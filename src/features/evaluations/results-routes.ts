import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
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
import { courseFrom, programmeFrom, renderPage } from './route-support.js';
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
  const download = async (reply: FastifyReply, page: Page) => {
    const body = resultsCsv(await loadResults(db, page.scope));
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', contentDisposition(page.fileName))
      .send(body);
  };

  // A facilitator may be any signed-in person; sessionForFacilitation answers 404 for others.
  app.get('/admin/sessions/:id/evaluations', { config: signedIn }, async (request, reply) =>
    show(reply, await sessionPage(request)),
  );
  app.get('/admin/sessions/:id/evaluations.csv', { config: signedIn }, async (request, reply) =>
    download(reply, await sessionPage(request)),
  );
  app.get('/admin/courses/:id/evaluations', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => show(reply, await coursePage(request))),
  );
  app.get(
    '/admin/courses/:id/evaluations.csv',
    { config: administrators },
    async (request, reply) => download(reply, await coursePage(request)),
  );
  app.get('/admin/programmes/:id/evaluations', { config: administrators }, async (request, reply) =>
    show(reply, await programmePage(request)),
  );
  app.get(
    '/admin/programmes/:id/evaluations.csv',
    { config: administrators },
    async (request, reply) => download(reply, await programmePage(request)),
  );
};
