/** Dates and times of training sessions as people in England read them (Europe/London). */

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

/** "Tuesday 27 October 2026" in England. */
export function sessionDay(at: Date): string {
  const parts = dayFormat.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** "6pm", "10:30am", "12 midday" in England. */
export function sessionTime(at: Date): string {
  const parts = timeFormat.formatToParts(at);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const period = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase();
  if (hour === '12' && minute === '00') return period.startsWith('p') ? '12 midday' : '12 midnight';
  const suffix = period.startsWith('p') ? 'pm' : 'am';
  return minute === '00' ? `${hour}${suffix}` : `${hour}:${minute}${suffix}`;
}

/** "Tuesday 27 October 2026, 6pm to 7:30pm" (the end's day too when it differs). */
export function sessionWhen(startsAt: Date, endsAt: Date | null): string {
  const start = `${sessionDay(startsAt)}, ${sessionTime(startsAt)}`;
  if (!endsAt) return start;
  return sessionDay(endsAt) === sessionDay(startsAt)
    ? `${start} to ${sessionTime(endsAt)}`
    : `${start} to ${sessionDay(endsAt)}, ${sessionTime(endsAt)}`;
}
