import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { durationText, minutesText } from './agenda.js';
import { paths } from './paths.js';
import { chooseCoursePlan } from './plan-service.js';
import { listPlans, type CourseRow } from './repository.js';
import {
  actorOf,
  bodyOf,
  courseFrom,
  noProblems,
  renderPage,
  type Problems,
} from './route-support.js';
import { coursePlanForm } from './schemas.js';

/** Choosing the workshop plan a course follows, or none (administrators; audited). */
export const courseRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const render = async (
    reply: FastifyReply,
    course: CourseRow,
    chosen: string,
    problems: Problems = noProblems(),
  ) => {
    const plans = await listPlans(db, course.authority_id);
    const items = plans.map((p) => {
      const notes = [
        durationText(p.duration_minutes),
        `agenda ${minutesText(Number(p.agenda_minutes))}`,
        ...(p.duration_minutes !== course.duration_minutes
          ? [`the course lasts ${durationText(course.duration_minutes)}`]
          : []),
      ];
      return {
        value: String(p.id),
        text: p.title,
        hint: { text: notes.join('; ') },
        checked: chosen === String(p.id),
      };
    });
    return renderPage(reply, 'course-plan.njk', {
      pageTitle: 'Workshop plan for the course',
      caption: course.title,
      closed: course.programme_status === 'closed',
      items: [
        ...items,
        ...(items.length ? [{ divider: 'or' }] : []),
        { value: 'none', text: 'No workshop plan', checked: chosen === 'none' },
      ],
      action: paths.coursePlan(course.id),
      backHref: paths.course(course.id),
      plansHref: paths.list,
      ...problems,
    });
  };

  app.get('/admin/courses/:id/workshop', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const course = await courseFrom(db, request);
      return render(
        reply,
        course,
        course.workshop_plan_id ? String(course.workshop_plan_id) : 'none',
      );
    }),
  );

  app.post('/admin/courses/:id/workshop', { config: administrators }, async (request, reply) => {
    const course = await courseFrom(db, request);
    const body = bodyOf(request);
    const chosen = typeof body.planId === 'string' ? body.planId : '';
    const form = parseForm(coursePlanForm, body);
    if (!form.ok) return render(reply, course, chosen, form);
    const planId = form.data.planId === 'none' ? null : form.data.planId;
    const result = await chooseCoursePlan(db, course.id, planId, actorOf(request));
    if (!result.ok) return render(reply, course, chosen, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.course(course.id), {
      title: 'Workshop plan saved',
      text:
        planId === null
          ? 'The course follows no workshop plan.'
          : 'The course follows the plan you chose.',
    });
  });
};
