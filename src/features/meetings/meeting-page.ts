import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/database.js';
import { todayInEngland } from '../../db/current.js';
import { listAgendaItems, listAttachableReports, type MeetingRow } from './repository.js';
import {
  listAttendance,
  listDeclarations,
  listRecommendations,
  listResolutions,
} from './record-repository.js';
import { minutesProblems } from './record-service.js';
import { meetingView } from './view-model.js';
import { meetingPaths } from './paths.js';
import { noProblems, type Problems } from './route-support.js';

/** The meeting page: its details, agenda and what has been recorded, with the steps open. */
export async function renderMeetingPage(
  db: Db,
  reply: FastifyReply,
  meeting: MeetingRow,
  options: { problems?: Problems; values?: Record<string, unknown> } = {},
) {
  const problems = options.problems ?? noProblems();
  const view = meetingView(meeting);
  const items = await listAgendaItems(db, meeting.id);
  const reportIds = items.flatMap((i) => (i.reportId ? [i.reportId] : []));
  const recs = await listRecommendations(db, reportIds);
  const resolutions = await listResolutions(db, meeting.id);
  const attendance = await listAttendance(db, meeting.id);
  const editable = meeting.status === 'scheduled' && !meeting.agendaPublishedAt;
  const dayCome = view.date <= todayInEngland();
  const recordable =
    meeting.status !== 'cancelled' &&
    !!meeting.agendaPublishedAt &&
    dayCome &&
    !meeting.minutesPublishedAt;
  const reports = editable
    ? await listAttachableReports(db, meeting.authorityId, meeting.organisationId)
    : [];
  return reply.render(
    'meetings/templates/meeting.njk',
    {
      pageTitle: `${view.body}, ${view.day}`,
      meeting: view,
      paths: {
        edit: meetingPaths.edit(meeting.id),
        cancel: meetingPaths.cancel(meeting.id),
        agenda: meetingPaths.agenda(meeting.id),
        publishAgenda: meetingPaths.publishAgenda(meeting.id),
        attendance: meetingPaths.attendance(meeting.id),
        declarations: meetingPaths.declarations(meeting.id),
        held: meetingPaths.held(meeting.id),
        publishMinutes: meetingPaths.publishMinutes(meeting.id),
        minutes: meetingPaths.minutes(meeting.id),
      },
      items: items.map((item, index) => {
        const itemRecs = recs.filter((r) => r.reportId === item.reportId);
        const decided = resolutions.filter((r) => r.agendaItemId === item.id).length;
        return {
          ...item,
          number: index + 1,
          first: index === 0,
          last: index === items.length - 1,
          reportHref: item.reportId ? `/admin/reports/${item.reportId}` : null,
          exempt: item.reportCategory === 'exempt',
          recommendations: itemRecs.length,
          decided,
          resolutionsHref: item.reportId ? meetingPaths.resolutions(meeting.id, item.id) : null,
          itemPath: meetingPaths.agendaItem(meeting.id, item.id),
        };
      }),
      reportItems: [
        { value: '', text: 'No report' },
        ...reports.map((r) => ({
          value: String(r.id),
          text: `${r.title} (${r.status}${r.forThisBody ? '' : ', another committee'})`,
          selected: String(options.values?.reportId ?? '') === String(r.id),
        })),
      ],
      editable,
      recordable,
      dayCome,
      present: attendance.filter((a) => a.status === 'present').length,
      attendanceRecorded: attendance.length,
      declarations: (await listDeclarations(db, meeting.id)).length,
      minutesProblems:
        meeting.status === 'held' && !meeting.minutesPublishedAt
          ? await minutesProblems(db, meeting.id)
          : [],
      values: options.values ?? {},
      errors: problems.errors,
      errorList: problems.errorList,
    },
    problems.errorList.length > 0 ? 400 : 200,
  );
}
