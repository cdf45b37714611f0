import type { MeetingBody, MeetingRow } from './repository.js';
import { londonParts, meetingDay, meetingTime } from './times.js';

const STATUS_TAGS = {
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--blue' },
  held: { text: 'Held', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
} as const;

/** The body's name as people say it: "Full Council" for the council itself. */
export const bodyName = (m: { organisationName: string; classification: string }) =>
  m.classification === 'council' ? `Full Council (${m.organisationName})` : m.organisationName;

/** One meeting as the pages show it. */
export function meetingView(m: MeetingRow) {
  return {
    id: m.id,
    body: bodyName(m),
    authorityName: m.authorityName,
    isFullCouncil: m.classification === 'council',
    day: meetingDay(m.startsAt),
    date: londonParts(m.startsAt).date,
    time: meetingTime(m.startsAt) + (m.endsAt ? ` to ${meetingTime(m.endsAt)}` : ''),
    venue: m.venue,
    status: m.status,
    statusTag: STATUS_TAGS[m.status],
    agendaPublishedAt: m.agendaPublishedAt,
    minutesPublishedAt: m.minutesPublishedAt,
  };
}
export type MeetingView = ReturnType<typeof meetingView>;

/** The select's options: every body that meets, grouped by council in the label. */
export function bodyItems(bodies: MeetingBody[], selected: unknown, blank = 'Select') {
  return [
    { value: '', text: blank },
    ...bodies.map((b) => ({
      value: String(b.id),
      text: `${b.authorityName}: ${b.classification === 'council' ? 'Full Council' : b.name}`,
      selected: String(selected ?? '') === String(b.id),
    })),
  ];
}

/** A stored meeting as the form's values. */
export function meetingFormValues(m: MeetingRow) {
  const start = londonParts(m.startsAt);
  const [year = '', month = '', day = ''] = start.date.split('-');
  return {
    values: {
      organisationId: String(m.organisationId),
      startTime: start.time,
      endTime: m.endsAt ? londonParts(m.endsAt).time : '',
      venue: m.venue,
    },
    raw: { date: { day: String(Number(day)), month: String(Number(month)), year } },
  };
}
