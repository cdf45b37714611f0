import { durationText } from '../member-development/index.js';
import type { ProgrammeStatus, SessionStatus } from '../../db/schema.js';
import { londonParts, meetingDay, meetingTime } from '../meetings/index.js';
import type {
  ComplementableSession,
  CourseRow,
  ProgrammeRow,
  SessionListRow,
} from './repository.js';
import { AUDIENCES, FORMATS } from './schemas.js';

const PROGRAMME_TAGS: Record<ProgrammeStatus, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  approved: { text: 'Approved', classes: 'govuk-tag--blue' },
  running: { text: 'Running', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
};

const SESSION_TAGS: Record<SessionStatus, { text: string; classes: string }> = {
  planned: { text: 'Planned', classes: 'govuk-tag--yellow' },
  confirmed: { text: 'Confirmed', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
  held: { text: 'Held', classes: 'govuk-tag--blue' },
};

export const programmeTag = (status: ProgrammeStatus) => PROGRAMME_TAGS[status];
export const sessionTag = (status: SessionStatus) => SESSION_TAGS[status];

const ymd = (date: string) => {
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};
export const dateRaw = ymd;

/** When a session is: 'Tuesday 6 July 2027, 6:30pm to 8pm' or that it is still to be agreed. */
export function whenText(s: { starts_at: Date | null; ends_at: Date | null }): string {
  if (!s.starts_at) return 'Date to be agreed';
  const end = s.ends_at ? ` to ${meetingTime(s.ends_at)}` : '';
  return `${meetingDay(s.starts_at)}, ${meetingTime(s.starts_at)}${end}`;
}

export function programmeView(
  p:
    | ProgrammeRow
    | { id: number; title: string; starts_on: string; ends_on: string; status: ProgrammeStatus },
) {
  return {
    id: p.id,
    title: p.title,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    status: p.status,
    statusTag: programmeTag(p.status),
  };
}

export function courseView(
  c: Omit<CourseRow, 'authority_id' | 'programme_title' | 'programme_status'>,
) {
  return {
    id: c.id,
    title: c.title,
    purposes: c.purposes
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    format: FORMATS[c.format],
    duration: durationText(c.duration_minutes),
    provider: c.provider,
    audience: c.audience,
    audienceText:
      c.audience === 'committee'
        ? `Members of ${c.committee_name ?? 'a committee'}`
        : AUDIENCES[c.audience],
    isGroupCourse: c.audience === 'political-group',
    isOfficersCourse: c.audience === 'officers',
    topic: c.topic ?? '',
    mandatory: c.mandatory,
    codeParagraphs: c.code_paragraphs.join(', '),
  };
}

export function sessionListView(s: SessionListRow) {
  return {
    id: s.id,
    when: whenText(s),
    group: s.group_name ?? '',
    venue: s.venue,
    online: s.online_url !== null,
    statusTag: sessionTag(s.status),
  };
}

export const courseFormValues = (c: CourseRow) => ({
  title: c.title,
  purposes: c.purposes,
  format: c.format,
  durationMinutes: String(c.duration_minutes),
  provider: c.provider,
  audience: c.audience,
  audienceOrganisationId: c.audience_organisation_id ? String(c.audience_organisation_id) : '',
  topic: c.topic ?? '',
  mandatory: c.mandatory ? 'yes' : 'no',
  codeParagraphs: c.code_paragraphs.join(', '),
});

export function sessionFormValues(s: {
  group_id: number | null;
  starts_at: Date | null;
  ends_at: Date | null;
  venue: string;
  online_url: string | null;
  capacity: number | null;
  minimum_numbers: number | null;
  complements_session_id: number | null;
}) {
  const start = s.starts_at ? londonParts(s.starts_at) : null;
  return {
    values: {
      groupId: s.group_id ? String(s.group_id) : '',
      startTime: start?.time ?? '',
      endTime: s.ends_at ? londonParts(s.ends_at).time : '',
      venue: s.venue,
      onlineUrl: s.online_url ?? '',
      capacity: s.capacity ? String(s.capacity) : '',
      minimumNumbers: s.minimum_numbers ? String(s.minimum_numbers) : '',
      complementsSessionId: s.complements_session_id ? String(s.complements_session_id) : '',
    },
    raw: { sessionDate: start ? ymd(start.date) : { day: '', month: '', year: '' } },
  };
}

/** Select options with a blank first and the chosen one selected. */
export function selectItems(
  options: { id: number; text: string }[],
  selected: unknown,
  blank: string,
) {
  return [
    { value: '', text: blank },
    ...options.map((o) => ({
      value: String(o.id),
      text: o.text,
      selected: String(selected ?? '') === String(o.id),
    })),
  ];
}

export const complementText = (s: ComplementableSession) =>
  `${s.course_title}${s.group_name ? ` (${s.group_name})` : ''}: ${whenText({ starts_at: s.starts_at, ends_at: null })}`;

export const personName = (p: { given_name: string; family_name: string }) =>
  `${p.given_name} ${p.family_name}`;

export const KIND_TEXT: Record<string, string> = {
  facilitator: 'facilitator',
  officer: 'officer',
  member: 'councillor',
};

export const formatItems = (selected: unknown) =>
  Object.entries(FORMATS).map(([value, text]) => ({ value, text, checked: selected === value }));

export const audienceItems = (selected: unknown) =>
  Object.entries(AUDIENCES).map(([value, text]) => ({ value, text, checked: selected === value }));
