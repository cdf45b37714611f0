import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { collectErrors, dateError, parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { cancelMeeting, createMeeting, updateMeeting } from './meeting-service.js';
import { listMeetingBodies, listMeetings, type MeetingRow } from './repository.js';
import { listQuery, meetingForm } from './schemas.js';
import { meetingPaths } from './paths.js';
import { actorOf, bodyOf, meetingFrom, noProblems, type Problems } from './route-support.js';
import { bodyItems, meetingFormValues, meetingView } from './view-model.js';

/** The list of meetings, and creating, changing and cancelling one. */
export const meetingRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get(meetingPaths.list, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const query = listQuery.parse(request.query ?? {});
      const authorityId = request.user!.authorityId;
      const bodies = await listMeetingBodies(db, authorityId);
      const meetings = await listMeetings(db, {
        authorityId,
        organisationId: query.organisation,
        when: query.when,
        now: new Date(),
      });
      return reply.render('meetings/templates/list.njk', {
        pageTitle: 'Meetings',
        meetings: meetings.map(meetingView),
        bodyItems: bodyItems(bodies, query.organisation, 'All councils and committees'),
        when: query.when,
        organisation: query.organisation ?? '',
      });
    }),
  );

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    meeting: MeetingRow | null,
    values: Record<string, unknown>,
    raw: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) =>
    reply.render(
      'meetings/templates/meeting-form.njk',
      {
        pageTitle: meeting ? 'Change the meeting' : 'New meeting',
        heading: meeting ? 'Change the meeting' : 'New meeting',
        action: meeting ? meetingPaths.edit(meeting.id) : meetingPaths.new,
        backHref: meeting ? meetingPaths.meeting(meeting.id) : meetingPaths.list,
        bodyItems: bodyItems(
          await listMeetingBodies(db, request.user!.authorityId),
          values.organisationId,
        ),
        values,
        raw,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );

  const readForm = (body: Record<string, unknown>) => {
    const date = dateError(body, 'date', 'The date of the meeting', true);
    const form = parseForm(meetingForm, body);
    const problems = collectErrors(
      form.ok
        ? null
        : {
            errors: pick(form.errors, 'organisationId'),
            errorList: form.errorList.filter((e) => e.href === '#organisationId'),
          },
      date.part,
      form.ok
        ? null
        : {
            errors: form.errors,
            errorList: form.errorList.filter((e) => e.href !== '#organisationId'),
          },
    );
    return { date, form, problems };
  };

  app.get(meetingPaths.new, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => renderForm(request, reply, null, {}, {})),
  );

  app.post(meetingPaths.new, { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const { date, form, problems } = readForm(body);
    if (!form.ok || !date.value)
      return renderForm(request, reply, null, body, { date: date.raw }, problems);
    const result = await createMeeting(
      db,
      {
        ...form.data,
        authorityId: request.user!.authorityId,
        organisationId: form.data.organisationId!,
        date: date.value,
      },
      actorOf(request),
    );
    if (!result.ok)
      return renderForm(
        request,
        reply,
        null,
        body,
        { date: date.raw },
        refusalPart(result.refusal),
      );
    return redirectWithFlash(reply, meetingPaths.meeting(result.value), {
      title: 'Meeting added',
      text: 'Add the items of business to its agenda.',
    });
  });

  app.get('/admin/meetings/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const meeting = await meetingFrom(db, request);
      const { values, raw } = meetingFormValues(meeting);
      return renderForm(request, reply, meeting, values, raw);
    }),
  );

  app.post('/admin/meetings/:id/edit', { config: administrators }, async (request, reply) => {
    const meeting = await meetingFrom(db, request);
    const body = bodyOf(request);
    const { date, form, problems } = readForm(body);
    if (!form.ok || !date.value)
      return renderForm(request, reply, meeting, body, { date: date.raw }, problems);
    const result = await updateMeeting(
      db,
      meeting.id,
      {
        ...form.data,
        authorityId: request.user!.authorityId,
        organisationId: form.data.organisationId!,
        date: date.value,
      },
      actorOf(request),
    );
    if (!result.ok)
      return renderForm(
        request,
        reply,
        meeting,
        body,
        { date: date.raw },
        refusalPart(result.refusal),
      );
    return redirectWithFlash(reply, meetingPaths.meeting(meeting.id), { text: 'Meeting changed' });
  });

  app.get('/admin/meetings/:id/cancel', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const meeting = await meetingFrom(db, request);
      return reply.render('meetings/templates/cancel.njk', {
        pageTitle: 'Cancel the meeting',
        meeting: meetingView(meeting),
        errors: {},
        errorList: [],
      });
    }),
  );

  app.post('/admin/meetings/:id/cancel', { config: administrators }, async (request, reply) => {
    const meeting = await meetingFrom(db, request);
    const result = await cancelMeeting(db, meeting.id, actorOf(request));
    if (!result.ok) {
      const problems = refusalPart(result.refusal);
      return reply.render(
        'meetings/templates/cancel.njk',
        { pageTitle: 'Cancel the meeting', meeting: meetingView(meeting), ...problems },
        400,
      );
    }
    return redirectWithFlash(reply, meetingPaths.meeting(meeting.id), {
      title: 'Meeting cancelled',
      text: 'The meeting is kept, marked as cancelled.',
    });
  });
};

const pick = (errors: Record<string, { text: string }>, key: string) =>
  errors[key] ? { [key]: errors[key] } : {};
