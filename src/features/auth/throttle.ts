import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';

/**
 * Failed sign-ins are counted per account (by email, whether or not the account exists, so
 * the answer never reveals which emails have accounts) and per network address. Each failure
 * slows the next answer; too many in the window lock that key for a while.
 */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  accountLimit: 5,
  addressLimit: 30,
  delayPerFailureMs: 250,
  maxDelayMs: 2000,
};

const keyFor = (kind: 'account' | 'address', value: string): string =>
  `${kind}:${createHash('sha256').update(value.toLowerCase()).digest('hex')}`;

export function throttleKeys(email: string, address: string): { account: string; address: string } {
  return { account: keyFor('account', email), address: keyFor('address', address) };
}

/** When the earliest lock on these keys ends, or null if none is locked. */
export async function lockedUntil(db: DbOrTrx, keys: string[]): Promise<Date | null> {
  const row = await db
    .selectFrom('sign_in_throttles')
    .select((eb) => eb.fn.max('locked_until').as('until'))
    .where('key', 'in', keys)
    .where('locked_until', '>', new Date())
    .executeTakeFirst();
  return row?.until ? new Date(row.until) : null;
}

/** Count a failure against a key; returns the failures in the current window. */
export async function recordFailure(db: DbOrTrx, key: string, limit: number): Promise<number> {
  const row = await sql<{ failures: number }>`
    insert into sign_in_throttles as t (key, failures, window_started_at)
    values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when t.window_started_at < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                      then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                      then now() else t.window_started_at end,
      locked_until = case when t.failures + 1 >= ${limit}
                       and t.window_started_at >= now() - make_interval(mins => ${THROTTLE.windowMinutes})
                      then now() + make_interval(mins => ${THROTTLE.lockMinutes}) else t.locked_until end
    returning failures
  `.execute(db);
  return row.rows[0]?.failures ?? 1;
}

export async function clearFailures(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
}

export function delayFor(failures: number): number {
  return Math.min(failures * THROTTLE.delayPerFailureMs, THROTTLE.maxDelayMs);
}
