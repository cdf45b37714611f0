import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import {
  addAgendaItem,
  moveAgendaItem,
  publishAgenda,
  removeAgendaItem,
} from './agenda-service.js';
import { findReportForAgenda } from './repository.js';
import { agendaForm, moveForm } from './schemas.js';
import { meetingPaths } from './paths.js';
import { renderMeetingPage } from './meeting-page.js';
import { actorOf, bodyOf, meetingAndItemFrom, meetingFrom } from './route-support.js';

/** The meeting page and its agenda: add, move, remove, publish. */
export const agendaRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get('/admin/meetings/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const meeting = await meetingFrom(db, request);
      return renderMeetingPage(db, reply, meeting);
    }),
  );

  app.post('/admin/meetings/:id/agenda', { config: administrators }, async (request, reply) => {
    const meeting = await meetingFrom(db, request);
    const body = bodyOf(request);
    const form = parseForm(agendaForm, body);
    if (!form.ok) return renderMeetingPage(db, reply, meeting, { problems: form, values: body });
    const report = form.data.reportId ? await findReportForAgenda(db, form.data.reportId) : null;
    const title = form.data.title ?? report?.title;
    if (!title) {
      const problems = refusalPart({
        field: 'title',
        message: 'Enter a title, or select a report',
      });
      return renderMeetingPage(db, reply, meeting, { problems, values: body });
    }
    const result = await addAgendaItem(
      db,
      meeting.id,
      { title, reportId: form.data.reportId },
      actorOf(request),
    );
    if (!result.ok)
      return renderMeetingPage(db, reply, meeting, {
        problems: refusalPart(result.refusal),
        values: body,
      });
    return redirectWithFlash(reply, `${meetingPaths.meeting(meeting.id)}#agenda`, {
      text: `Item added: ${title}`,
    });
  });

  app.post(
    '/admin/meetings/:id/agenda/:itemId/move',
    { config: administrators },
    async (request, reply) => {
      const { meeting, item } = await meetingAndItemFrom(db, request);
      const form = moveForm.safeParse(bodyOf(request));
      if (!form.success) throw notFound();
      const result = await moveAgendaItem(
        db,
        meeting.id,
        item.id,
        form.data.direction,
        actorOf(request),
      );
      if (!result.ok)
        return renderMeetingPage(db, reply, meeting, { problems: refusalPart(result.refusal) });
      return redirectWithFlash(reply, `${meetingPaths.meeting(meeting.id)}#agenda`, {
        text: `Item moved ${form.data.direction}: ${item.title}`,
      });
    },
  );

  app.post(
    '/admin/meetings/:id/agenda/:itemId/remove',
    { config: administrators },
    async (request, reply) => {
      const { meeting, item } = await meetingAndItemFrom(db, request);
      const result = await removeAgendaItem(db, meeting.id, item.id, actorOf(request));
      if (!result.ok)
        return renderMeetingPage(db, reply, meeting, { problems: refusalPart(result.refusal) });
      return redirectWithFlash(reply, `${meetingPaths.meeting(meeting.id)}#agenda`, {
        text: `Item removed: ${item.title}`,
      });
    },
  );

  app.post(
    '/admin/meetings/:id/publish-agenda',
    { config: administrators },
    async (request, reply) => {
      const meeting = await meetingFrom(db, request);
      const result = await publishAgenda(db, meeting, actorOf(request));
      if (!result.ok) {
        const problems = refusalPart(result.refusal);
        for (const p of result.problems ?? [])
          problems.errorList.push({ text: `${p.reportTitle}: ${p.message}`, href: p.href });
        return renderMeetingPage(db, reply, meeting, { problems });
      }
      const n = result.value.publishedReports;
      return redirectWithFlash(reply, meetingPaths.meeting(meeting.id), {
        title: 'Agenda published',
        text:
          n === 0
            ? 'No reports were published with it.'
            : `${n} open report${n === 1 ? ' was' : 's were'} published with it.`,
      });
    },
  );
};
