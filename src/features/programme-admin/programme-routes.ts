import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { todayInEngland } from '../../db/current.js';
import { administrators } from '../../platform/access.js';
import { collectErrors, dateError, parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { paths } from './paths.js';
import {
  approveProgramme,
  createProgramme,
  moveProgramme,
  updateProgramme,
} from './programme-service.js';
import {
  listCourses,
  listProgrammes,
  listSessionsOfCourses,
  type ProgrammeRow,
} from './repository.js';
import {
  actorOf,
  bodyOf,
  noProblems,
  programmeFrom,
  renderPage,
  type Problems,
} from './route-support.js';
import { approveForm, programmeForm } from './schemas.js';
import { findApprovalDecision, reportsProposing } from './decision-service.js';
import { courseView, dateRaw, programmeView, sessionListView } from './view-model.js';

/** Programmes: the list, creating and changing one, its approval, start and close. */
export const programmeRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get(paths.list, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const rows = await listProgrammes(db, request.user!.authorityId);
      return renderPage(reply, 'programmes.njk', {
        pageTitle: 'Member development programmes',
        programmes: rows.map((r) => ({ ...programmeView(r), courses: Number(r.courses ?? 0) })),
        newHref: paths.newProgramme,
      });
    }),
  );

  const renderForm = (
    reply: FastifyReply,
    programme: ProgrammeRow | null,
    values: Record<string, unknown>,
    raw: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) =>
    renderPage(reply, 'programme-form.njk', {
      pageTitle: programme ? 'Change the programme' : 'New programme',
      action: programme ? paths.editProgramme(programme.id) : paths.newProgramme,
      backHref: programme ? paths.programme(programme.id) : paths.list,
      values,
      raw,
      ...problems,
    });

  const readForm = (body: Record<string, unknown>) => {
    const form = parseForm(programmeForm, body);
    const startsOn = dateError(body, 'startsOnDate', 'The start of the programme', true);
    const endsOn = dateError(body, 'endsOnDate', 'The end of the programme', true);
    const problems = collectErrors(form.ok ? null : form, startsOn.part, endsOn.part);
    const raw = { startsOnDate: startsOn.raw, endsOnDate: endsOn.raw };
    if (!form.ok || !startsOn.value || !endsOn.value) return { ok: false as const, problems, raw };
    return {
      ok: true as const,
      raw,
      input: { title: form.data.title, startsOn: startsOn.value, endsOn: endsOn.value },
    };
  };

  app.get(paths.newProgramme, { config: administrators }, async (_request, outer) =>
    outer.renderPersonalPageWith((reply) => renderForm(reply, null, {}, {})),
  );

  app.post(paths.newProgramme, { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const read = readForm(body);
    if (!read.ok) return renderForm(reply, null, body, read.raw, read.problems);
    const result = await createProgramme(
      db,
      request.user!.authorityId,
      read.input,
      actorOf(request),
    );
    if (!result.ok) return renderForm(reply, null, body, read.raw, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.programme(result.value), {
      title: 'Programme added',
      text: 'Add its courses, then record its approval.',
    });
  });

  const renderProgramme = async (
    reply: FastifyReply,
    programme: ProgrammeRow,
    problems: Problems = noProblems(),
    approval: { values: Record<string, unknown>; raw: Record<string, unknown> } = {
      values: {},
      raw: {},
    },
    template = 'programme.njk',
  ) => {
    const [courses, decision, proposing] = await Promise.all([
      listCourses(db, programme.id),
      programme.approved_resolution_id === null
        ? null
        : findApprovalDecision(db, programme.approved_resolution_id),
      reportsProposing(db, programme.id),
    ]);
    const sessions = await listSessionsOfCourses(
      db,
      courses.map((c) => c.id),
    );
    return renderPage(reply, template, {
      pageTitle: template === 'approve.njk' ? 'Record the approval' : programme.title,
      programme: {
        ...programmeView(programme),
        approvedOn: programme.approved_on,
        approvalReference: programme.approval_reference,
        decision: decision && {
          ...decision,
          meetingHref: `/admin/meetings/${decision.meetingId}`,
          reportHref: `/admin/reports/${decision.reportId}`,
        },
      },
      proposing: proposing.map((r) => ({ ...r, href: `/admin/reports/${r.id}` })),
      courses: courses.map((c) => ({
        ...courseView(c),
        href: paths.course(c.id),
        sessions: sessions
          .filter((s) => s.course_id === c.id)
          .map((s) => ({ ...sessionListView(s), href: paths.session(s.id) })),
      })),
      paths: {
        list: paths.list,
        edit: paths.editProgramme(programme.id),
        approve: paths.approve(programme.id),
        start: paths.start(programme.id),
        close: paths.close(programme.id),
        newCourse: paths.newCourse(programme.id),
        topics: paths.topics(programme.id),
        evaluations: `/admin/programmes/${programme.id}/evaluations`,
        programme: paths.programme(programme.id),
      },
      values: approval.values,
      raw: approval.raw,
      ...problems,
    });
  };

  app.get('/admin/programmes/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      renderProgramme(reply, await programmeFrom(db, request)),
    ),
  );

  app.get('/admin/programmes/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const programme = await programmeFrom(db, request);
      return renderForm(
        reply,
        programme,
        { title: programme.title },
        { startsOnDate: dateRaw(programme.starts_on), endsOnDate: dateRaw(programme.ends_on) },
      );
    }),
  );

  app.post('/admin/programmes/:id/edit', { config: administrators }, async (request, reply) => {
    const programme = await programmeFrom(db, request);
    const body = bodyOf(request);
    const read = readForm(body);
    if (!read.ok) return renderForm(reply, programme, body, read.raw, read.problems);
    const result = await updateProgramme(db, programme.id, read.input, actorOf(request));
    if (!result.ok)
      return renderForm(reply, programme, body, read.raw, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.programme(programme.id), { text: 'Programme changed' });
  });

  app.get('/admin/programmes/:id/approve', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      renderProgramme(
        reply,
        await programmeFrom(db, request),
        noProblems(),
        undefined,
        'approve.njk',
      ),
    ),
  );

  app.post('/admin/programmes/:id/approve', { config: administrators }, async (request, reply) => {
    const programme = await programmeFrom(db, request);
    const body = bodyOf(request);
    const form = parseForm(approveForm, body);
    const approvedOn = dateError(body, 'approvedOnDate', 'The date of the approval', true);
    const again = (problems: Problems) =>
      renderProgramme(
        reply,
        programme,
        problems,
        { values: body, raw: { approvedOnDate: approvedOn.raw } },
        'approve.njk',
      );
    if (!form.ok || !approvedOn.value)
      return again(collectErrors(approvedOn.part, form.ok ? null : form));
    const result = await approveProgramme(
      db,
      programme.id,
      { approvedOn: approvedOn.value, reference: form.data.reference, today: todayInEngland() },
      actorOf(request),
    );
    if (!result.ok) return again(refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.programme(programme.id), {
      title: 'Approval recorded',
      text: 'The programme is approved. Start it when its sessions begin.',
    });
  });

  for (const move of ['start', 'close'] as const) {
    app.post(
      `/admin/programmes/:id/${move}`,
      { config: administrators },
      async (request, reply) => {
        const programme = await programmeFrom(db, request);
        const result = await moveProgramme(db, programme.id, move, actorOf(request));
        if (!result.ok) return renderProgramme(reply, programme, refusalPart(result.refusal));
        return redirectWithFlash(reply, paths.programme(programme.id), {
          text: move === 'start' ? 'The programme is running' : 'The programme is closed',
        });
      },
    );
  }
};
