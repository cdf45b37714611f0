import { londonToInstant, parseTimeOfDay } from '../meetings/index.js';

export type TimesResult =
  | { ok: true; startsAt: Date | null; endsAt: Date | null }
  | { ok: false; field: string; message: string };

/**
 * A session's start and end from the date and times typed in England's local time. The end
 * defaults to the start plus the course's duration. Without a date there are no times
 * (a group's session waits for a date agreed with the whip).
 */
export function sessionTimes(input: {
  date: string | undefined;
  startTime: string;
  endTime: string;
  durationMinutes: number;
  dateRequired: boolean;
}): TimesResult {
  if (!input.date) {
    if (input.dateRequired)
      return { ok: false, field: 'sessionDate', message: 'Enter the date of the session' };
    if (input.startTime || input.endTime)
      return {
        ok: false,
        field: 'sessionDate',
        message: 'Enter the date, or leave the times blank',
      };
    return { ok: true, startsAt: null, endsAt: null };
  }
  if (!input.startTime) return { ok: false, field: 'startTime', message: 'Enter the start time' };
  const start = parseTimeOfDay(input.startTime);
  if (!start)
    return { ok: false, field: 'startTime', message: 'Enter a time like 18:30 or 6:30pm' };
  const startsAt = londonToInstant(input.date, start);
  if (!input.endTime)
    return {
      ok: true,
      startsAt,
      endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
    };
  const end = parseTimeOfDay(input.endTime);
  if (!end) return { ok: false, field: 'endTime', message: 'Enter a time like 20:00 or 8pm' };
  const endsAt = londonToInstant(input.date, end);
  if (endsAt <= startsAt)
    return { ok: false, field: 'endTime', message: 'The end time must be after the start time' };
  return { ok: true, startsAt, endsAt };
}
