import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../index.js';
import { administrators, anyone } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import {
  DOCX_TYPE,
  buildReportWord,
  loadReportLayout,
  reportWordFileName,
  type ReportLayout,
} from '../report-export/index.js';
import { CALENDAR_TYPE, committeeCalendar } from './calendar.js';
import { meetingPaths } from './paths.js';
import { checklistPaths, findAppendixFile } from '../report-checklist/index.js';
import {
  findMeetingBody,
  isCouncilReport,
  isPublicReport,
  listCommitteeMeetings,
} from './repository.js';
import { appendixParams, calendarParams, meetingParams, reportParams } from './schemas.js';
import { loadAgenda, loadMeetingsIndex, loadMinutes } from './service.js';
import { agendaView, meetingsIndexView, minutesView } from './view-model.js';
import { contentDisposition } from '../../platform/downloads.js';

/** Route parameters that cannot name a record are a 404, the same as a record that is not there. */
function params<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** A report's Word file, kept until the data changes (`load` checks access whenever it runs). */
function sendWord(reply: FastifyReply, layout: () => Promise<ReportLayout>) {
  return reply.sendKeptFile(async () => {
    const found = await layout();
    return {
      type: DOCX_TYPE,
      body: await buildReportWord(found),
      headers: {
        'content-disposition': contentDisposition(reportWordFileName(found.id)),
        'cache-control': 'no-store',
      },
    };
  });
}

/**
 * Public meetings, agendas, minutes and published reports; the report's print page and Word
 * download; each committee's calendar. A meeting is public once its agenda is published, its
 * minutes once they are; a report only when published and open. Anything else is a 404, to
 * everyone, administrators included: they have their own exports under /admin/reports.
 */
export const publicMeetingsRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (
  app,
  { deps },
) => {
  const { db, config } = deps;
  const publicLayout = async (id: number): Promise<ReportLayout> => {
    if (!(await isPublicReport(db, id))) throw notFound();
    const layout = await loadReportLayout(db, id, (appendixId) =>
      meetingPaths.appendixFile(id, appendixId),
    );
    if (!layout) throw notFound();
    return layout;
  };

  app.get('/meetings', { config: anyone }, async (_request, reply) =>
    reply.renderPublicPage(async () => ({
      template: 'public-meetings/templates/meetings.njk',
      context: meetingsIndexView(await loadMeetingsIndex(db)),
    })),
  );

  app.get('/meetings/:id', { config: anyone }, async (request, reply) => {
    const { id } = params(meetingParams, request.params);
    return reply.renderPublicPage(async () => {
      const agenda = await loadAgenda(db, id);
      if (!agenda) throw notFound();
      return { template: 'public-meetings/templates/agenda.njk', context: agendaView(agenda) };
    });
  });

  app.get('/meetings/:id/minutes', { config: anyone }, async (request, reply) => {
    const { id } = params(meetingParams, request.params);
    return reply.renderPublicPage(async () => {
      const minutes = await loadMinutes(db, id);
      if (!minutes) throw notFound();
      return { template: 'public-meetings/templates/minutes.njk', context: minutesView(minutes) };
    });
  });

  app.get('/reports/:id', { config: anyone }, async (request, reply) => {
    const { id } = params(reportParams, request.params);
    return reply.renderPublicPage(async () => {
      const layout = await publicLayout(id);
      return {
        template: 'public-meetings/templates/report.njk',
        context: {
          pageTitle: layout.title,
          layout,
          printHref: meetingPaths.reportPrint(id),
          wordHref: meetingPaths.reportWord(id),
        },
      };
    });
  });

  app.get('/reports/:id/print', { config: anyone }, async (request, reply) => {
    const { id } = params(reportParams, request.params);
    return reply.renderPublicPage(async () => {
      const layout = await publicLayout(id);
      return {
        template: 'public-meetings/templates/report-print.njk',
        context: { pageTitle: layout.title, layout, backHref: meetingPaths.report(id) },
      };
    });
  });

  app.get('/reports/:id/word', { config: anyone }, async (request, reply) => {
    const { id } = params(reportParams, request.params);
    return sendWord(reply, () => publicLayout(id));
  });

  app.get('/reports/:id/appendices/:appendixId', { config: anyone }, async (request, reply) => {
    const { id, appendixId } = params(appendixParams, request.params);
    // The report-checklist feature owns appendices: undefined unless the report is published and open.
    return reply.sendKeptFile(async () => {
      const file = await findAppendixFile(db, id, appendixId);
      if (!file) throw notFound();
      return {
        type: file.mediaType,
        body: file.content,
        headers: {
          'content-disposition': contentDisposition(file.fileName),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        },
      };
    });
  });

  app.get(
    '/committees/:organisationId/meetings.ics',
    { config: anyone },
    async (request, reply) => {
      const { organisationId } = params(calendarParams, request.params);
      return reply.sendKeptFile(async () => {
        const body = await findMeetingBody(db, organisationId);
        if (!body) throw notFound();
        const meetings = await listCommitteeMeetings(db, organisationId);
        const text = committeeCalendar(body, meetings, {
          baseUrl: config.baseUrl,
          now: new Date(),
        });
        return {
          type: CALENDAR_TYPE,
          body: text,
          headers: {
            'content-disposition': contentDisposition(`committee-${organisationId}.ics`, 'inline'),
            'cache-control': 'no-cache',
          },
        };
      });
    },
  );

  // Administrators print and download any report of their own council, drafts and exempt ones
  // included; another council's report is a 404, as on the report's own page.
  const adminLayout = async (id: number, authorityId: number): Promise<ReportLayout> => {
    if (!(await isCouncilReport(db, id, authorityId))) throw notFound();
    const layout = await loadReportLayout(db, id, (appendixId) =>
      checklistPaths.appendixFile(id, appendixId),
    );
    if (!layout) throw notFound();
    return layout;
  };

  app.get('/admin/reports/:id/print', { config: administrators }, async (request, reply) => {
    const { id } = params(reportParams, request.params);
    return reply.renderPersonalPage(async () => {
      const layout = await adminLayout(id, request.user!.authorityId);
      return {
        template: 'public-meetings/templates/report-print.njk',
        context: { pageTitle: layout.title, layout, backHref: meetingPaths.adminReport(id) },
      };
    });
  });

  app.get('/admin/reports/:id/word', { config: administrators }, async (request, reply) => {
    const { id } = params(reportParams, request.params);
    return sendWord(reply, () => adminLayout(id, request.user!.authorityId));
  });
};
