import ical, { ICalEventStatus } from 'ical-generator';
import { meetingPaths } from './paths.js';
import type { PublicMeeting } from './repository.js';

/** The media type of an iCalendar feed. */
export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/**
 * One committee's meetings as an iCalendar feed (RFC 5545), made by ical-generator, which folds
 * lines at 75 octets, ends them with CRLF and escapes text. Times are in UTC ("Z"): a meeting
 * is an instant, so no VTIMEZONE is needed and no calendar can misread a British Summer Time
 * meeting (decision record 0021). Each meeting's UID is stable (`meeting-<id>@<host>`), so a
 * calendar that subscribes updates an event rather than adding a copy; a cancelled meeting stays
 * in the feed with STATUS:CANCELLED so subscribers see it cancelled rather than silently gone.
 */
export function committeeCalendar(
  body: { name: string; authorityName: string },
  meetings: readonly PublicMeeting[],
  options: { baseUrl: string; now: Date },
): string {
  const host = new URL(options.baseUrl).hostname;
  const calendar = ical({
    name: `${body.name}, ${body.authorityName}`,
    prodId: { company: 'Probity', product: 'Committee meetings', language: 'EN' },
    url: `${options.baseUrl}${meetingPaths.index}`,
    ttl: 60 * 60,
  });
  for (const meeting of meetings) {
    calendar.createEvent({
      id: `meeting-${meeting.id}@${host}`,
      stamp: options.now,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary:
        meeting.status === 'cancelled'
          ? `Cancelled: ${meeting.organisationName}`
          : meeting.organisationName,
      location: meeting.venue === '' ? null : meeting.venue,
      url: `${options.baseUrl}${meetingPaths.meeting(meeting.id)}`,
      status:
        meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
