import { meetingDay, meetingTime } from '../public-meetings/index.js';

/**
 * Dates and times of training sessions as people in England read them (Europe/London), in the
 * same words as meetings: "Tuesday 27 October 2026", "6pm", "12 midday".
 */
export const sessionDay = meetingDay;
export const sessionTime = meetingTime;

/** "Tuesday 27 October 2026, 6pm to 7:30pm" (the end's day too when it differs). */
export function sessionWhen(startsAt: Date, endsAt: Date | null): string {
  const start = `${sessionDay(startsAt)}, ${sessionTime(startsAt)}`;
  if (!endsAt) return start;
  return sessionDay(endsAt) === sessionDay(startsAt)
    ? `${start} to ${sessionTime(endsAt)}`
    : `${start} to ${sessionDay(endsAt)}, ${sessionTime(endsAt)}`;
}
