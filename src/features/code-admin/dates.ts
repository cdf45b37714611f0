import { formatDate } from '../../platform/views.js';

/** A stored date ('2026-05-21') as people read it: 21 May 2026. */
export const longDate = (date: string): string => formatDate(new Date(`${date}T12:00:00Z`));

/** A stored date as the values of a GOV.UK date input. */
export function dateParts(date: string | null | undefined): Record<string, string> | undefined {
  if (!date) return undefined;
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
