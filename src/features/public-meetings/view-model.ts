import { exemptNotice } from '../report-export/index.js';
import { meetingPaths } from './paths.js';
import type { AgendaItemRow, PublicMeeting } from './repository.js';
import type { Agenda, MeetingsIndex, Minutes } from './service.js';
import { isoInstant, meetingWhen } from './when.js';

const OUTCOMES: Record<string, string> = {
  agreed: 'Agreed',
  'agreed-as-amended': 'Agreed as amended',
  'not-agreed': 'Not agreed',
  deferred: 'Deferred',
};
const ATTENDANCE: Record<string, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
};

function meetingRow(meeting: PublicMeeting) {
  return {
    href: meetingPaths.meeting(meeting.id),
    when: meetingWhen(meeting.startsAt, meeting.endsAt),
    datetime: isoInstant(meeting.startsAt),
    venue: meeting.venue,
    cancelled: meeting.status === 'cancelled',
    minutesHref: meeting.minutesPublished ? meetingPaths.minutes(meeting.id) : null,
  };
}

/** /meetings: each committee with its upcoming meetings (soonest first) and recent ones. */
export function meetingsIndexView(index: MeetingsIndex) {
  const groups = new Map<
    number,
    {
      name: string;
      authorityName: string;
      calendarHref: string;
      upcoming: ReturnType<typeof meetingRow>[];
      recent: ReturnType<typeof meetingRow>[];
    }
  >();
  for (const meeting of index.meetings) {
    let group = groups.get(meeting.organisationId);
    if (!group) {
      group = {
        name: meeting.organisationName,
        authorityName: meeting.authorityName,
        calendarHref: meetingPaths.calendar(meeting.organisationId),
        upcoming: [],
        recent: [],
      };
      groups.set(meeting.organisationId, group);
    }
    const upcoming = (meeting.endsAt ?? meeting.startsAt).getTime() >= index.now.getTime();
    (upcoming ? group.upcoming : group.recent).push(meetingRow(meeting));
  }
  for (const group of groups.values()) group.recent.reverse();
  return { pageTitle: 'Meetings', committees: [...groups.values()] };
}

/** What the public may know of an agenda item: a link to an open report, or the exempt notice. */
function agendaItem(item: AgendaItemRow, number: number) {
  const exempt = item.reportId !== null && item.reportCategory === 'exempt';
  const open =
    item.reportId !== null && item.reportCategory === 'open' && item.reportStatus === 'published';
  return {
    id: item.id,
    number,
    title: item.title,
    reportHref: open && item.reportId !== null ? meetingPaths.report(item.reportId) : null,
    exemptNotice: exempt ? exemptNotice(item.exemptParagraph) : null,
    exempt,
  };
}

function meetingHeader(meeting: PublicMeeting) {
  return {
    committee: meeting.organisationName,
    authorityName: meeting.authorityName,
    when: meetingWhen(meeting.startsAt, meeting.endsAt),
    venue: meeting.venue,
    cancelled: meeting.status === 'cancelled',
    agendaHref: meetingPaths.meeting(meeting.id),
    minutesHref: meeting.minutesPublished ? meetingPaths.minutes(meeting.id) : null,
    calendarHref: meetingPaths.calendar(meeting.organisationId),
  };
}

/** /meetings/<id>: the agenda, items numbered from 1. */
export function agendaView(agenda: Agenda) {
  return {
    pageTitle: `Agenda: ${agenda.meeting.organisationName}, ${meetingWhen(agenda.meeting.startsAt)}`,
    meeting: meetingHeader(agenda.meeting),
    items: agenda.items.map((item, i) => agendaItem(item, i + 1)),
  };
}

/**
 * /meetings/<id>/minutes: attendance, declarations, and the decision on each recommendation.
 * For an exempt item only its title and the outcomes are shown: no recommendation text, no
 * amended text.
 */
export function minutesView(minutes: Minutes) {
  const items = minutes.items.map((item, i) => agendaItem(item, i + 1));
  const numberOfItem = new Map(items.map((item) => [item.id, item.number]));
  const decided = new Map(
    minutes.resolutions.map((r) => [`${r.agendaItemId}:${r.recommendationId}`, r]),
  );
  const attendance = (status: string) =>
    minutes.attendance
      .filter((a) => a.status === status)
      .map((a) => (a.substituteFor ? `${a.name} (substitute for ${a.substituteFor})` : a.name));
  return {
    pageTitle: `Minutes: ${minutes.meeting.organisationName}, ${meetingWhen(minutes.meeting.startsAt)}`,
    meeting: meetingHeader(minutes.meeting),
    attendance: Object.keys(ATTENDANCE).map((status) => ({
      label: ATTENDANCE[status],
      people: attendance(status),
    })),
    declarations: minutes.declarations.map((d) => ({
      name: d.name,
      item: d.agendaItemId === null ? 'General' : `Item ${numberOfItem.get(d.agendaItemId) ?? ''}`,
      declaration: d.declaration,
    })),
    items: items.map((item, i) => {
      const reportId = minutes.items[i]?.reportId ?? null;
      const recommendations = minutes.recommendations.filter((r) => r.reportId === reportId);
      return {
        ...item,
        decisions: recommendations.map((r, n) => {
          const resolution = decided.get(`${item.id}:${r.recommendationId}`);
          return {
            number: n + 1,
            text: item.exempt ? null : r.text,
            outcome: resolution ? (OUTCOMES[resolution.outcome] ?? resolution.outcome) : null,
            amendedText: item.exempt ? null : (resolution?.amendedText ?? null),
            minuteReference: item.exempt ? null : (resolution?.minuteReference ?? null),
          };
        }),
      };
    }),
  };
}
