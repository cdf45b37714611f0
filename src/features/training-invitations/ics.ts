import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { InvitationResponse, SessionStatus } from '../../db/schema.js';

/** The media type of iCalendar text. */
export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/** What a calendar needs to know about one training session. */
export interface CalendarSession {
  sessionId: number;
  title: string;
  groupName: string | null;
  startsAt: Date;
  endsAt: Date | null;
  durationMinutes: number;
  venue: string;
  onlineUrl: string | null;
  status: SessionStatus;
  sequence: number;
}

/**
 * A session's UID: the same in every email and in every feed, so a calendar updates or
 * cancels the event it already holds rather than adding a copy. The host of Probity's address
 * keeps it apart from another council's Probity.
 */
export const sessionUid = (sessionId: number, baseUrl: string): string =>
  `training-session-${sessionId}@${new URL(baseUrl).hostname}`;

/** The event's title: the course, and the group for a group's own session. */
export const sessionSummary = (s: CalendarSession): string =>
  `${s.status === 'cancelled' ? 'Cancelled: ' : ''}${s.title}${s.groupName ? ` (${s.groupName})` : ''}`;

const endOf = (s: CalendarSession) =>
  s.endsAt ?? new Date(s.startsAt.getTime() + s.durationMinutes * 60_000);

function addEvent(
  calendar: ReturnType<typeof ical>,
  s: CalendarSession,
  options: {
    baseUrl: string;
    now: Date;
    organizer?: { name: string; email: string };
    attendee?: { name: string; email: string; response: InvitationResponse | null };
  },
) {
  const description = [
    s.onlineUrl ? `Join online: ${s.onlineUrl}` : '',
    `Reply or see the details: ${options.baseUrl}/my/training`,
  ]
    .filter(Boolean)
    .join('\n');
  const event = calendar.createEvent({
    id: sessionUid(s.sessionId, options.baseUrl),
    sequence: s.sequence,
    stamp: options.now,
    start: s.startsAt,
    end: endOf(s),
    summary: sessionSummary(s),
    description,
    location: s.venue !== '' ? s.venue : s.onlineUrl,
    url: `${options.baseUrl}/my/training`,
    status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(options.organizer ? { organizer: options.organizer } : {}),
  });
  if (options.attendee) {
    const partstat = {
      attending: ICalAttendeeStatus.ACCEPTED,
      'not-attending': ICalAttendeeStatus.DECLINED,
      tentative: ICalAttendeeStatus.TENTATIVE,
    } as const;
    event.createAttendee({
      name: options.attendee.name,
      email: options.attendee.email,
      role: ICalAttendeeRole.REQ,
      status: options.attendee.response
        ? partstat[options.attendee.response]
        : ICalAttendeeStatus.NEEDSACTION,
    });
  }
}

/** RFC 5545 ends every content line, the last one too, with CRLF. */
const withFinalCrlf = (text: string) => (text.endsWith('\r\n') ? text : `${text}\r\n`);

/**
 * The .ics file sent with an invitation, an update (METHOD:REQUEST) or a cancellation
 * (METHOD:CANCEL): one event, SEQUENCE the session's, times in UTC (decision record 0021).
 */
export function invitationCalendar(
  s: CalendarSession,
  options: {
    method: 'REQUEST' | 'CANCEL';
    baseUrl: string;
    now: Date;
    organizer: { name: string; email: string };
    attendee: { name: string; email: string; response: InvitationResponse | null };
  },
): string {
  const calendar = ical({
    prodId: { company: 'Probity', product: 'Training invitations', language: 'EN' },
    method: options.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  addEvent(calendar, options.method === 'CANCEL' ? { ...s, status: 'cancelled' } : s, options);
  return withFinalCrlf(calendar.toString());
}

/** A person's own feed of their training sessions (no METHOD: a subscribed calendar). */
export function personalFeed(
  sessions: readonly CalendarSession[],
  options: { baseUrl: string; now: Date; name: string },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Probity', product: 'Training calendar', language: 'EN' },
    ttl: 60 * 60,
  });
  for (const s of sessions) addEvent(calendar, s, options);
  return withFinalCrlf(calendar.toString());
}
