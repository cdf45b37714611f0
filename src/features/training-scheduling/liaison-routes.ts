import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { todayInEngland } from '../../db/current.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { collectErrors, dateError, parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import {
  findLiaisonMeeting,
  listLiaisonMeetings,
  listWhipsAndLeaders,
} from './liaison-repository.js';
import { recordLiaisonMeeting } from './liaison-service.js';
import { paths } from './paths.js';
import { actorOf, bodyOf, noProblems, paramsOf, type Problems } from './route-support.js';
import { idParams, liaisonForm } from './schemas.js';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayText = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));

/**
 * `/admin/liaison-meetings`: the record of officers' regular standards meetings with group
 * whips and leaders (list, `/new`, `/<id>`). Another council's meeting is a 404.
 */
export const liaisonRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get(paths.liaisonMeetings, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const meetings = await listLiaisonMeetings(db, request.user!.authorityId);
      return reply.render('training-scheduling/templates/liaison-list.njk', {
        pageTitle: 'Standards meetings with whips and leaders',
        newHref: paths.newLiaisonMeeting,
        rows: meetings.map((m) => [
          {
            html: `<a class="govuk-link" href="${paths.liaisonMeeting(m.id)}">${dayText(m.heldOn)}</a>`,
          },
          { text: m.attendees || 'Nobody recorded' },
        ]),
      });
    }),
  );

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    raw: Record<string, unknown> = {},
    problems: Problems = noProblems(),
  ) => {
    const people = await listWhipsAndLeaders(db, request.user!.authorityId);
    const chosen = new Set([values.attendees ?? []].flat().map(String));
    return reply.render(
      'training-scheduling/templates/liaison-form.njk',
      {
        pageTitle: 'Record a standards meeting',
        backHref: paths.liaisonMeetings,
        action: paths.newLiaisonMeeting,
        attendeeItems: people.map((p) => ({
          value: String(p.id),
          text: p.name,
          hint: { text: p.posts },
          checked: chosen.has(String(p.id)),
        })),
        values,
        raw,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get(paths.newLiaisonMeeting, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith((reply) => renderForm(request, reply)),
  );

  app.post(paths.newLiaisonMeeting, { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const heldOn = dateError(body, 'heldOn', 'The date of the meeting', true);
    const form = parseForm(liaisonForm, body);
    const raw = { heldOn: heldOn.raw };
    if (!form.ok || !heldOn.value) {
      return renderForm(
        request,
        reply,
        body,
        raw,
        collectErrors(heldOn.part, form.ok ? null : form),
      );
    }
    const result = await recordLiaisonMeeting(
      db,
      {
        authorityId: request.user!.authorityId,
        heldOn: heldOn.value,
        attendees: form.data.attendees,
        notes: form.data.notes ?? '',
        today: todayInEngland(),
      },
      actorOf(request),
    );
    if (!result.ok) return renderForm(request, reply, body, raw, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.liaisonMeeting(result.value), {
      title: 'Meeting recorded',
      text: 'It is kept with the other standards meetings.',
    });
  });

  app.get('/admin/liaison-meetings/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { id } = paramsOf(idParams, request);
      const meeting = await findLiaisonMeeting(db, id);
      if (!meeting || meeting.authorityId !== request.user!.authorityId) throw notFound();
      return reply.render('training-scheduling/templates/liaison-meeting.njk', {
        pageTitle: `Standards meeting, ${dayText(meeting.heldOn)}`,
        heading: `Standards meeting on ${dayText(meeting.heldOn)}`,
        backHref: paths.liaisonMeetings,
        attendees: meeting.attendees.map((a) => a.name),
        notes: meeting.notes
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
        recordedBy: meeting.recordedBy,
      });
    }),
  );
};
