import { sql, type RawBuilder } from 'kysely';

/**
 * What "today" and "current" mean, in one place. Councils work in England's calendar: a
 * membership that ends today still counts today, and the day turns at midnight in London,
 * not at midnight UTC (which is 1 am in summer).
 */
const englandDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in England as 'YYYY-MM-DD'. */
export function todayInEngland(now: Date = new Date()): string {
  return englandDate.format(now);
}

/** `<alias>.start_date <= on and (<alias>.end_date is null or <alias>.end_date >= on)` */
export function currentOn(alias: string, on: string): RawBuilder<boolean> {
  const start = sql.ref(`${alias}.start_date`);
  const end = sql.ref(`${alias}.end_date`);
  return sql<boolean>`(${start} <= ${on}::date and (${end} is null or ${end} >= ${on}::date))`;
}
