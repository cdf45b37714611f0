import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { listAgendaItems, type MeetingRow } from './repository.js';
import { listAttendance, listDeclarations, listMembersOn } from './record-repository.js';
import {
  markHeld,
  publishMinutes,
  recordAttendance,
  recordDeclaration,
  type AttendanceEntry,
} from './record-service.js';
import { ATTENDANCE, declarationForm, id } from './schemas.js';
import { meetingPaths } from './paths.js';
import { renderMeetingPage } from './meeting-page.js';
import { actorOf, bodyOf, meetingFrom, noProblems, type Problems } from './route-support.js';
import { meetingView } from './view-model.js';
import { minutesRoutes } from './minutes-routes.js';

type Status = keyof typeof ATTENDANCE;

/** Attendance, declarations of interest, marking the meeting held and publishing the minutes. */
export const recordRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  const { db } = options.deps;
  await app.register(minutesRoutes, options);

  const renderAttendance = async (
    reply: FastifyReply,
    meeting: MeetingRow,
    values: Record<string, unknown> | null,
    problems: Problems = noProblems(),
  ) => {
    const view = meetingView(meeting);
    const members = await listMembersOn(db, meeting.organisationId, view.date);
    const recorded = await listAttendance(db, meeting.id);
    const valueOf = (key: string, personId: number) => {
      if (values) return String(values[`${key}-${personId}`] ?? '');
      const row = recorded.find((r) => r.personId === personId);
      return key === 'status' ? (row?.status ?? '') : String(row?.substituteFor ?? '');
    };
    return reply.render(
      'meetings/templates/attendance.njk',
      {
        pageTitle: `Attendance – ${view.body}`,
        meeting: view,
        members: members.map((m) => ({
          ...m,
          status: valueOf('status', m.personId),
          substituteItems: [
            { value: '', text: 'Not a substitute' },
            ...members
              .filter((o) => o.personId !== m.personId)
              .map((o) => ({
                value: String(o.personId),
                text: o.name,
                selected: valueOf('substitute', m.personId) === String(o.personId),
              })),
          ],
        })),
        statuses: ATTENDANCE,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get('/admin/meetings/:id/attendance', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      renderAttendance(reply, await meetingFrom(db, request), null),
    ),
  );

  app.post('/admin/meetings/:id/attendance', { config: administrators }, async (request, reply) => {
    const meeting = await meetingFrom(db, request);
    const body = bodyOf(request);
    const entries: AttendanceEntry[] = [];
    for (const [key, value] of Object.entries(body)) {
      const match = /^status-(\d{1,10})$/.exec(key);
      if (!match || typeof value !== 'string' || !(value in ATTENDANCE)) continue;
      const personId = Number(match[1]);
      const substitute = id.safeParse(body[`substitute-${personId}`]);
      entries.push({
        personId,
        status: value as Status,
        substituteFor: substitute.success ? substitute.data : undefined,
      });
    }
    const result = await recordAttendance(db, meeting.id, entries, actorOf(request));
    if (!result.ok) return renderAttendance(reply, meeting, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, meetingPaths.meeting(meeting.id), {
      text: 'Attendance recorded',
    });
  });

  const renderDeclarations = async (
    reply: FastifyReply,
    meeting: MeetingRow,
    values: Record<string, unknown> = {},
    problems: Problems = noProblems(),
  ) => {
    const present = (await listAttendance(db, meeting.id)).filter((a) => a.status === 'present');
    const items = await listAgendaItems(db, meeting.id);
    const view = meetingView(meeting);
    return reply.render(
      'meetings/templates/declarations.njk',
      {
        pageTitle: `Declarations of interest – ${view.body}`,
        meeting: view,
        declarations: await listDeclarations(db, meeting.id),
        personItems: [
          { value: '', text: 'Select' },
          ...present.map((p) => ({
            value: String(p.personId),
            text: p.name,
            selected: String(values.personId ?? '') === String(p.personId),
          })),
        ],
        itemItems: [
          { value: '', text: 'Not about one item' },
          ...items.map((i, n) => ({
            value: String(i.id),
            text: `Item ${n + 1}: ${i.title}`,
            selected: String(values.agendaItemId ?? '') === String(i.id),
          })),
        ],
        nobodyPresent: present.length === 0,
        values,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get('/admin/meetings/:id/declarations', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      renderDeclarations(reply, await meetingFrom(db, request)),
    ),
  );

  app.post(
    '/admin/meetings/:id/declarations',
    { config: administrators },
    async (request, reply) => {
      const meeting = await meetingFrom(db, request);
      const body = bodyOf(request);
      const form = parseForm(declarationForm, body);
      if (!form.ok) return renderDeclarations(reply, meeting, body, form);
      const result = await recordDeclaration(
        db,
        meeting.id,
        { ...form.data, personId: form.data.personId! },
        actorOf(request),
      );
      if (!result.ok) return renderDeclarations(reply, meeting, body, refusalPart(result.refusal));
      return redirectWithFlash(reply, meetingPaths.declarations(meeting.id), {
        text: 'Declaration recorded',
      });
    },
  );

  app.post('/admin/meetings/:id/held', { config: administrators }, async (request, reply) => {
    const meeting = await meetingFrom(db, request);
    const result = await markHeld(db, meeting.id, actorOf(request));
    if (!result.ok)
      return renderMeetingPage(db, reply, meeting, { problems: refusalPart(result.refusal) });
    return redirectWithFlash(reply, meetingPaths.meeting(meeting.id), {
      text: 'The meeting is marked as held',
    });
  });

  app.post(
    '/admin/meetings/:id/publish-minutes',
    { config: administrators },
    async (request, reply) => {
      const meeting = await meetingFrom(db, request);
      const result = await publishMinutes(db, meeting.id, actorOf(request));
      if (!result.ok) {
        const problems = refusalPart(result.refusal);
        if (result.refusal.link)
          problems.errorList = [{ text: result.refusal.message, href: result.refusal.link.href }];
        return renderMeetingPage(db, reply, meeting, { problems });
      }
      return redirectWithFlash(reply, meetingPaths.meeting(meeting.id), {
        title: 'Minutes published',
        text: 'The record of the meeting can no longer change.',
      });
    },
  );
};
