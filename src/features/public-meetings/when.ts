/** Dates and times of meetings as people in England read them: Europe/London, GOV.UK style. */

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});

/** "Thursday 25 March 2021" in England. */
export function meetingDay(at: Date): string {
  const parts = dayFormat.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** "6pm", "10:30am", "12 midday" in England. */
export function meetingTime(at: Date): string {
  const parts = timeFormat.formatToParts(at);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const period = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase();
  if (hour === '12' && minute === '00') return period.startsWith('p') ? '12 midday' : '12 midnight';
  const suffix = period.startsWith('p') ? 'pm' : 'am';
  return minute === '00' ? `${hour}${suffix}` : `${hour}:${minute}${suffix}`;
}

/** "Thursday 25 March 2021 at 6pm" (and "to 8:30pm" when the end is known). */
export function meetingWhen(startsAt: Date, endsAt: Date | null = null): string {
  const start = `${meetingDay(startsAt)} at ${meetingTime(startsAt)}`;
  if (!endsAt) return start;
  return meetingDay(endsAt) === meetingDay(startsAt)
    ? `${start} to ${meetingTime(endsAt)}`
    : `${start} to ${meetingDay(endsAt)} at ${meetingTime(endsAt)}`;
}

/** An instant as <time datetime>: ISO 8601 in UTC. */
export const isoInstant = (at: Date): string => at.toISOString();
