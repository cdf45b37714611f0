import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { signedIn } from '../../platform/access.js';
import { findVersionInForce } from '../code-of-conduct/index.js';
import { linkStates } from '../learning/index.js';
import { meetingDay, meetingTime } from '../meetings/index.js';
import {
  isAdministrator,
  sessionForFacilitation,
  sessionTitle,
} from '../training-attendance/index.js';
import { clockName, clockTimes, durationText, minutesText, withRunningTotals } from './agenda.js';
import { paths } from './paths.js';
import { findPlan, listAgenda, listExamples, listLinks, listSources } from './repository.js';
import { renderPage } from './route-support.js';
import { examplesView, linesOf, linksView, sourcesView } from './view-model.js';

/**
 * The facilitator's run sheet for a session: the plan its course follows, with the clock time
 * of each agenda item worked out from the session's start in England's time, and the notes
 * and materials. Administrators of the session's council and its facilitators only.
 */
export const runSheetRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get('/facilitating/sessions/:id/run-sheet', { config: signedIn }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const session = await sessionForFacilitation(db, request);
      const course = await db
        .selectFrom('courses')
        .select(['workshop_plan_id'])
        .where('id', '=', session.courseId)
        .executeTakeFirstOrThrow();
      const plan = course.workshop_plan_id ? await findPlan(db, course.workshop_plan_id) : null;
      const admin = isAdministrator(request);
      const context = {
        pageTitle: `Run sheet – ${sessionTitle(session)}`,
        title: sessionTitle(session),
        when: session.startsAt ? meetingDay(session.startsAt) : null,
        venue: session.venue,
        cancelled: session.status === 'cancelled',
        backHref: admin ? paths.session(session.id) : paths.facilitating,
        backText: admin ? 'Back to the session' : 'Back to your sessions',
        choosePlanHref: admin ? paths.coursePlan(session.courseId) : null,
      };
      if (!plan) return renderPage(reply, 'run-sheet.njk', { ...context, plan: null });

      const [agenda, examples, sources, links, inForce] = await Promise.all([
        listAgenda(db, plan.id),
        listExamples(db, plan.id),
        listSources(db, plan.id),
        listLinks(db, plan.id),
        findVersionInForce(db, plan.authority_id),
      ]);
      const start = session.startsAt;
      const timed = start ? clockTimes(start, agenda) : null;
      const zones = new Set(timed?.flatMap((i) => [clockName(i.startsAt), clockName(i.endsAt)]));
      const showZone = zones.size > 1;
      const at = (d: Date) => (showZone ? `${meetingTime(d)} ${clockName(d)}` : meetingTime(d));
      const rows = withRunningTotals(agenda).map((item, k) => {
        const clock = timed?.[k];
        return {
          time: clock
            ? `${at(clock.startsAt)} to ${at(clock.endsAt)}`
            : `${item.startsAfter} to ${item.endsAfter} minutes`,
          title: item.title,
          minutes: minutesText(item.minutes),
          notes: linesOf(item.facilitator_notes),
          materials: item.materials,
        };
      });
      const total = agenda.reduce((sum, i) => sum + i.minutes, 0);
      return renderPage(reply, 'run-sheet.njk', {
        ...context,
        plan: {
          title: plan.title,
          purposes: linesOf(plan.purposes),
          length: durationText(plan.duration_minutes),
        },
        rows,
        timed: timed !== null,
        clockChange: showZone,
        ends: timed && timed.length > 0 ? at(timed[timed.length - 1]!.endsAt) : null,
        totalText:
          total === session.durationMinutes
            ? null
            : `The agenda adds up to ${minutesText(total)} but the session’s course lasts ${minutesText(session.durationMinutes)}`,
        examples: examplesView(plan.id, examples),
        sources: sourcesView(plan.id, sources),
        links: linksView(await linkStates(db, plan.authority_id, links), inForce),
      });
    }),
  );
};
