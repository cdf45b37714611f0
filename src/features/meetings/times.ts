/**
 * Meeting times are typed and shown in England's local time (GMT in winter, BST in summer)
 * and stored as instants. These convert between the two without a library.
 */
const LONDON = 'Europe/London';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The local date ('YYYY-MM-DD') and time ('HH:MM') in England of an instant. */
export function londonParts(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** How far England's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: Date): number {
  const { date, time } = londonParts(instant);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant at which England's clock shows this date and time. A time skipped when the
 * clocks go forward is read as the hour after; a time shown twice when they go back is the
 * first of the two.
 */
export function londonToInstant(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const day = 12 * 3_600_000;
  const before = naive - offsetAt(new Date(naive - day));
  const after = naive - offsetAt(new Date(naive + day));
  const shows = (t: number) => {
    const p = londonParts(new Date(t));
    return p.date === date && p.time === time;
  };
  const matching = [before, after].filter(shows);
  return new Date(matching.length > 0 ? Math.min(...matching) : before);
}

/** A typed time of day: '18:30', '6.30pm', '9am'; null when it is not a time. */
export function parseTimeOfDay(typed: string): string | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(typed.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const half = m[3]?.toLowerCase();
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    if (half === 'am' && hour === 12) hour = 0;
    if (half === 'pm' && hour !== 12) hour += 12;
  } else if (m[2] === undefined || hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const shown = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: 'numeric',
  minute: '2-digit',
  // h12, not hour12: with hour12 some ICU versions (Node 20's) write half past midnight 0:30
  hourCycle: 'h12',
});

/** 'Tuesday 21 March 2027' */
export const meetingDay = (instant: Date): string => shown.format(instant);
/** '6:30pm' */
export const meetingTime = (instant: Date): string =>
  clock.format(instant).replace(/\s/g, '').toLowerCase();
