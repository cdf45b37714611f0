import { planOfCourse } from '../workshop-plans/index.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { createCourse, updateCourse } from './course-service.js';
import { paths } from './paths.js';
import { listOrganisations, listSessionsOfCourses, type CourseRow } from './repository.js';
import {
  actorOf,
  bodyOf,
  courseFrom,
  noProblems,
  programmeFrom,
  renderPage,
  type Problems,
} from './route-support.js';
import { courseForm } from './schemas.js';
import {
  audienceItems,
  courseFormValues,
  courseView,
  formatItems,
  selectItems,
  sessionListView,
} from './view-model.js';

/** Courses of a programme: adding one, its page, changing it. */
export const courseRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { programmeId: number; programmeTitle: string; course: CourseRow | null },
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) => {
    const committees = await listOrganisations(db, request.user!.authorityId, [
      'committee',
      'sub-committee',
    ]);
    const { course } = target;
    return renderPage(reply, 'course-form.njk', {
      pageTitle: course ? 'Change the course' : 'New course',
      caption: target.programmeTitle,
      action: course ? paths.editCourse(course.id) : paths.newCourse(target.programmeId),
      backHref: course ? paths.course(course.id) : paths.programme(target.programmeId),
      values,
      formatItems: formatItems(values.format),
      audienceItems: audienceItems(values.audience),
      committeeItems: selectItems(
        committees.map((c) => ({ id: c.id, text: c.name })),
        values.audienceOrganisationId,
        'Select the committee',
      ),
      mandatoryItems: [
        {
          value: 'yes',
          text: 'Yes, it is required of its audience',
          checked: values.mandatory === 'yes',
        },
        { value: 'no', text: 'No, it is offered', checked: values.mandatory === 'no' },
      ],
      ...problems,
    });
  };

  app.get('/admin/programmes/:id/courses/new', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const programme = await programmeFrom(db, request);
      const target = {
        programmeId: programme.id,
        programmeTitle: programme.title,
        course: null,
      };
      return renderForm(request, reply, target, { mandatory: 'no' });
    }),
  );

  app.post(
    '/admin/programmes/:id/courses/new',
    { config: administrators },
    async (request, reply) => {
      const programme = await programmeFrom(db, request);
      const target = { programmeId: programme.id, programmeTitle: programme.title, course: null };
      const body = bodyOf(request);
      const form = parseForm(courseForm, body);
      if (!form.ok) return renderForm(request, reply, target, body, form);
      const result = await createCourse(db, programme.id, form.data, actorOf(request));
      if (!result.ok) return renderForm(request, reply, target, body, refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.course(result.value), {
        title: 'Course added',
        text: 'Add its sessions when you are ready.',
      });
    },
  );

  app.get('/admin/courses/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const course = await courseFrom(db, request);
      const [sessions, workshop] = await Promise.all([
        listSessionsOfCourses(db, [course.id]),
        planOfCourse(db, course.id),
      ]);
      return renderPage(reply, 'course.njk', {
        pageTitle: course.title,
        course: courseView(course),
        programme: {
          title: course.programme_title,
          href: paths.programme(course.programme_id),
          closed: course.programme_status === 'closed',
        },
        sessions: sessions.map((s) => ({ ...sessionListView(s), href: paths.session(s.id) })),
        workshop,
        paths: {
          edit: paths.editCourse(course.id),
          newSession: paths.newSession(course.id),
          evaluationQuestions: `/admin/courses/${course.id}/evaluation`,
          evaluationResults: `/admin/courses/${course.id}/evaluations`,
        },
      });
    }),
  );

  app.get('/admin/courses/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const course = await courseFrom(db, request);
      const target = {
        programmeId: course.programme_id,
        programmeTitle: course.programme_title,
        course,
      };
      return renderForm(request, reply, target, courseFormValues(course));
    }),
  );

  app.post('/admin/courses/:id/edit', { config: administrators }, async (request, reply) => {
    const course = await courseFrom(db, request);
    const target = {
      programmeId: course.programme_id,
      programmeTitle: course.programme_title,
      course,
    };
    const body = bodyOf(request);
    const form = parseForm(courseForm, body);
    if (!form.ok) return renderForm(request, reply, target, body, form);
    const result = await updateCourse(db, course.id, form.data, actorOf(request));
    if (!result.ok) return renderForm(request, reply, target, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.course(course.id), { text: 'Course changed' });
  });
};
