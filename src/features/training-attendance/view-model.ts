import type { AttendanceStatus, InvitationResponse } from '../../db/schema.js';
import { formatDateTime } from '../../platform/views.js';
import { meetingDay, meetingTime } from '../meetings/index.js';
import type { RecordRow, RosterRow, SessionRow } from './repository.js';
import { STATUSES } from './schemas.js';
import { attendanceWindow } from './window.js';
import { paths } from './paths.js';

const RESPONSES: Record<InvitationResponse, string> = {
  attending: 'Attending',
  'not-attending': 'Not attending',
  tentative: 'Tentative',
};

/** 'Tuesday 2 March 2027, 6:30pm to 8pm', or 'Date not agreed yet'. */
export function sessionWhen(session: { startsAt: Date | null; endsAt: Date | null }): string {
  if (!session.startsAt) return 'Date not agreed yet';
  const start = `${meetingDay(session.startsAt)}, ${meetingTime(session.startsAt)}`;
  return session.endsAt ? `${start} to ${meetingTime(session.endsAt)}` : start;
}

export function sessionTitle(session: { courseTitle: string; groupName: string | null }) {
  return session.groupName ? `${session.courseTitle} (${session.groupName})` : session.courseTitle;
}

/** The session's heading and facts for the attendance page. */
export function sessionView(session: SessionRow, now: Date) {
  const window = attendanceWindow(session);
  return {
    id: session.id,
    title: sessionTitle(session),
    programmeTitle: session.programmeTitle,
    when: sessionWhen(session),
    venue: session.venue,
    onlineUrl: session.onlineUrl,
    status: session.status,
    code: session.attendanceCode,
    cancelled: session.status === 'cancelled',
    window: window
      ? { opens: formatDateTime(window.opens), closes: formatDateTime(window.closes) }
      : null,
    open:
      window !== null &&
      (session.status === 'confirmed' || session.status === 'held') &&
      now >= window.opens,
    codeWorksNow: window !== null && window.opens <= now && now <= window.closes,
  };
}

/** One person on the register as a radios group: name, why they are listed, the statuses. */
export function registerRows(roster: RosterRow[], values: Record<string, unknown> | null) {
  return roster.map((r) => {
    const typed = values ? values[`status-${r.personId}`] : undefined;
    const chosen = typeof typed === 'string' ? typed : (r.status ?? '');
    const why = r.invited ? (r.required ? 'Required' : 'Invited') : 'Not invited';
    const notes = [
      why,
      r.response ? `replied ${RESPONSES[r.response].toLowerCase()}` : null,
      r.selfRegistered ? 'registered themselves with the code' : null,
    ].filter(Boolean);
    return {
      personId: r.personId,
      name: `${r.givenName} ${r.familyName}`,
      hint: notes.join(', '),
      statusText: r.status ? STATUSES[r.status] : 'Not marked',
      items: (Object.entries(STATUSES) as [AttendanceStatus, string][]).map(([value, text]) => ({
        value,
        text,
        checked: chosen === value,
      })),
    };
  });
}

export function counts(roster: RosterRow[]) {
  const present = roster.filter(
    (r) => r.status === 'attended' || r.status === 'late' || r.status === 'left-early',
  ).length;
  return {
    total: roster.length,
    invited: roster.filter((r) => r.invited).length,
    required: roster.filter((r) => r.required).length,
    present,
    unmarked: roster.filter((r) => r.status === null).length,
  };
}

const ATTENDED: readonly AttendanceStatus[] = ['attended', 'late', 'left-early'];

function recordLine(row: RecordRow) {
  return {
    title: sessionTitle(row),
    programme: row.programmeTitle,
    when: row.sessionStatus === 'cancelled' ? `${sessionWhen(row)} (cancelled)` : sessionWhen(row),
    reply: row.response ? RESPONSES[row.response] : 'No reply',
    attendance: row.status
      ? `${STATUSES[row.status]}${row.selfRegistered ? ' (registered with the code)' : ''}`
      : 'Not recorded',
    invitation: row.invited ? (row.required ? 'Required' : 'Invited') : 'Not invited',
  };
}

/**
 * A training record with required, invited and attended kept apart: what was required of the
 * person, what else they were invited to, and what they attended (invited or not).
 */
export function recordView(rows: RecordRow[]) {
  const required = rows.filter((r) => r.required);
  const invited = rows.filter((r) => r.invited && !r.required);
  const attended = rows.filter((r) => r.status !== null && ATTENDED.includes(r.status));
  return {
    required: required.map(recordLine),
    invited: invited.map(recordLine),
    attended: attended.map(recordLine),
    summary: {
      // A cancelled session is listed, but no longer counts as training required or offered.
      required: required.filter((r) => r.sessionStatus !== 'cancelled').length,
      requiredAttended: required.filter((r) => r.status && ATTENDED.includes(r.status)).length,
      invited: invited.filter((r) => r.sessionStatus !== 'cancelled').length,
      attended: attended.length,
    },
  };
}

export function facilitatingView(
  rows: {
    id: number;
    courseTitle: string;
    groupName: string | null;
    programmeTitle: string;
    startsAt: Date | null;
    endsAt: Date | null;
    status: string;
    role: string;
    recorded: number;
    invited: number;
  }[],
) {
  return rows.map((r) => ({
    title: sessionTitle(r),
    programme: r.programmeTitle,
    when: sessionWhen(r),
    role: r.role,
    status: r.status,
    counts: `${r.recorded} recorded of ${r.invited} invited`,
    href: paths.attendance(r.id),
    runSheetHref: paths.runSheet(r.id),
    liveHref: paths.live(r.id),
    evaluationsHref: paths.evaluations(r.id),
  }));
}
