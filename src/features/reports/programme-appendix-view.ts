import type { CourseAudience, CourseFormat, ProgrammeStatus } from '../../db/schema.js';
import { durationText } from '../member-development/index.js';
import { meetingTime } from '../meetings/index.js';
import type { ProgrammeAppendixData } from './programme-appendix.js';

/**
 * A programme appendix as every rendering shows it (report page, public page, print, Word): a
 * few facts, then one row per course with who it is for, what it is for and its sessions.
 */
export interface ProgrammeAppendixView {
  title: string;
  facts: { label: string; value: string }[];
  courses: ProgrammeCourseRow[];
}

export interface ProgrammeCourseRow {
  title: string;
  /** 'Workshop, 2 hours, mandatory' */
  format: string;
  audience: string;
  purposes: string[];
  /** 'Labour Group: date to be agreed', 'Tuesday 6 July 2027, 6:30pm to 8pm' */
  sessions: string[];
}

const STATUS: Record<ProgrammeStatus, string> = {
  draft: 'Draft, not yet approved',
  approved: 'Approved',
  running: 'Approved and running',
  closed: 'Closed',
};

const FORMAT: Record<CourseFormat, string> = {
  workshop: 'Workshop',
  briefing: 'Briefing',
  'e-learning': 'E-learning',
  'induction-module': 'Induction module',
};

const AUDIENCE: Record<Exclude<CourseAudience, 'committee'>, string> = {
  'political-group': 'Each political group, in a session of its own',
  'all-members': 'All members of the council',
  officers: 'Officers',
  'parish-councillors': 'Parish and town councillors',
};

const dateOnly = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** '1 April 2027' from '2027-04-01'. */
const showDay = (ymd: string) => dateOnly.format(new Date(`${ymd}T12:00:00Z`));

function approvalText(p: ProgrammeAppendixData['programme']): string | null {
  if (p.approved_on === null) return null;
  const on = showDay(p.approved_on);
  if (p.committee) {
    const minute = p.minute_reference ? ` (minute ${p.minute_reference})` : '';
    return `By ${p.committee} on ${on}${minute}`;
  }
  return `On ${on}${p.approval_reference ? `, reference ${p.approval_reference}` : ''}`;
}

const dayParts = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
/** 'Tuesday 6 July 2027' in England, without the comma some ICU versions put after the day. */
function sessionDay(instant: Date): string {
  const p = Object.fromEntries(dayParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

function sessionText(s: ProgrammeAppendixData['sessions'][number]): string {
  const who = s.group_name ? `${s.group_name}: ` : '';
  if (!s.starts_at) return `${who}date to be agreed`;
  const end = s.ends_at ? ` to ${meetingTime(s.ends_at)}` : '';
  const pending = s.status === 'planned' ? ' (not yet confirmed)' : '';
  return `${who}${sessionDay(s.starts_at)}, ${meetingTime(s.starts_at)}${end}${pending}`;
}

export function programmeAppendixView(data: ProgrammeAppendixData): ProgrammeAppendixView {
  const { programme } = data;
  const approval = approvalText(programme);
  return {
    title: programme.title,
    facts: [
      { label: 'Programme', value: programme.title },
      {
        label: 'Period',
        value: `${showDay(programme.starts_on)} to ${showDay(programme.ends_on)}`,
      },
      { label: 'Status', value: STATUS[programme.status] },
      ...(approval ? [{ label: 'Approved', value: approval }] : []),
    ],
    courses: data.courses.map((c) => {
      const sessions = data.sessions.filter((s) => s.course_id === c.id).map(sessionText);
      return {
        title: c.title,
        format: [FORMAT[c.format], durationText(c.duration_minutes)]
          .concat(c.mandatory ? ['mandatory'] : [])
          .join(', '),
        audience:
          c.audience === 'committee'
            ? `Members of ${c.committee_name ?? 'a committee'}`
            : AUDIENCE[c.audience],
        purposes: c.purposes
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        sessions: sessions.length > 0 ? sessions : ['No sessions arranged yet'],
      };
    }),
  };
}
