import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { listAgendaItems } from './repository.js';
import {
  listAttendance,
  listDeclarations,
  listRecommendations,
  listResolutions,
  lockedBy,
} from './record-repository.js';
import { OUTCOMES } from './schemas.js';
import { meetingPaths } from './paths.js';
import { meetingFrom } from './route-support.js';
import { meetingView } from './view-model.js';

/** The minutes as recorded, for administrators (published or not). */
export const minutesRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  app.get('/admin/meetings/:id/minutes', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const meeting = await meetingFrom(db, request);
      const view = meetingView(meeting);
      const attendance = await listAttendance(db, meeting.id);
      const items = await listAgendaItems(db, meeting.id);
      const recs = await listRecommendations(
        db,
        items.flatMap((i) => (i.reportId ? [i.reportId] : [])),
      );
      const resolutions = await listResolutions(db, meeting.id);
      const declarations = await listDeclarations(db, meeting.id);
      return reply.render('meetings/templates/minutes.njk', {
        pageTitle: `Minutes – ${view.body}, ${view.day}`,
        meeting: view,
        backHref: meetingPaths.meeting(meeting.id),
        present: attendance.filter((a) => a.status === 'present'),
        apologies: attendance.filter((a) => a.status === 'apologies'),
        absent: attendance.filter((a) => a.status === 'absent'),
        general: declarations.filter((d) => d.agendaItemId === null),
        items: items.map((item, n) => ({
          number: n + 1,
          title: item.title,
          reportTitle: item.reportTitle,
          exemptParagraph: item.exemptParagraph,
          declarations: declarations.filter((d) => d.agendaItemId === item.id),
          recommendations: recs
            .filter((r) => r.reportId === item.reportId)
            .map((r) => {
              const res = resolutions.find(
                (x) => x.agendaItemId === item.id && x.recommendationId === r.id,
              );
              return {
                number: r.position + 1,
                text: r.text,
                outcome: res ? OUTCOMES[res.outcome] : null,
                amendedText: res?.amendedText ?? null,
                minuteReference: res?.minuteReference ?? null,
                moved: lockedBy(res),
              };
            }),
        })),
      });
    }),
  );
};
