/**
 * The arithmetic of a timed agenda, without the database: its total against the workshop's
 * length, each item's place in the running total, and the clock times of a run sheet.
 */
export interface TimedItem {
  minutes: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** '1 minute', '105 minutes'. */
export const minutesText = (minutes: number): string => plural(minutes, 'minute', 'minutes');

/** '2 hours', '1 hour 30 minutes', '45 minutes': a workshop's length as people say it. */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return minutesText(rest);
  const h = plural(hours, 'hour', 'hours');
  return rest === 0 ? h : `${h} ${minutesText(rest)}`;
}

export const agendaTotal = (items: readonly TimedItem[]): number =>
  items.reduce((sum, item) => sum + item.minutes, 0);

export interface TotalCheck {
  total: number;
  duration: number;
  /** 'equal', or whether the agenda falls short of the workshop's length or runs past it */
  state: 'equal' | 'short' | 'long';
  /** what to tell the person when the total and the length differ; null when they agree */
  message: string | null;
}

/** Whether an agenda fills the workshop exactly, and if not what to say. */
export function checkTotal(items: readonly TimedItem[], duration: number): TotalCheck {
  const total = agendaTotal(items);
  if (total === duration) return { total, duration, state: 'equal', message: null };
  const state = total < duration ? 'short' : 'long';
  const difference = Math.abs(duration - total);
  const message =
    items.length === 0
      ? `The agenda has no items yet but the workshop lasts ${minutesText(duration)}`
      : `The agenda adds up to ${minutesText(total)} but the workshop lasts ${minutesText(duration)}: ` +
        (state === 'short'
          ? `${minutesText(difference)} are not planned`
          : `it runs ${minutesText(difference)} over`);
  return { total, duration, state, message };
}

/** Each item with the minutes from the start at which it begins and ends. */
export function withRunningTotals<T extends TimedItem>(
  items: readonly T[],
): (T & { startsAfter: number; endsAfter: number })[] {
  let elapsed = 0;
  return items.map((item) => {
    const startsAfter = elapsed;
    elapsed += item.minutes;
    return { ...item, startsAfter, endsAfter: elapsed };
  });
}

/**
 * Each item's start and end as instants, from the session's start. Times are instants, so
 * an hour that the clocks skip or repeat is counted once: a 60-minute item that starts at
 * 12:30am on the last Sunday of March ends at 2:30am British Summer Time.
 */
export function clockTimes<T extends TimedItem>(
  startsAt: Date,
  items: readonly T[],
): (T & { startsAt: Date; endsAt: Date })[] {
  return withRunningTotals(items).map(({ startsAfter, endsAfter, ...item }) => ({
    ...(item as unknown as T),
    startsAt: new Date(startsAt.getTime() + startsAfter * 60_000),
    endsAt: new Date(startsAt.getTime() + endsAfter * 60_000),
  }));
}

const zone = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'short' });

/** 'GMT' or 'BST': which of England's clocks an instant is shown in. */
export const clockName = (instant: Date): string =>
  zone.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '';
