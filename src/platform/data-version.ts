import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Values kept until the data changes (decisions 0016 and 0019): every change made through
 * Probity writes an audit row in its own transaction, so the highest audit id is a version of
 * the data, and an entry made at an older version is made again. Ids are taken before commit, so a transaction can commit with an id
 * below one already seen; entries older than a minute are made again whatever the version, so
 * even that shows within a minute.
 *
 * Keys must hold everything the value depends on: the day (who must sign changes at midnight),
 * and whatever decides what the viewer may see. One cache per database (per app).
 */
interface Entry {
  version: number;
  madeAt: number;
  value: unknown;
}

const MAX_ENTRIES = 500;
const MAX_AGE_MS = 60_000;
const caches = new WeakMap<Db, Map<string, Entry>>();

/** The data's version: the highest audit id. */
export async function dataVersion(db: Db): Promise<number> {
  const { rows } = await sql<{ v: number | null }>`
    select max(id) as v from audit_events`.execute(db);
  return Number(rows[0]?.v ?? 0);
}

export async function cachedUntilDataChanges<T>(
  db: Db,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const version = await dataVersion(db);
  const entry = cache.get(key);
  if (entry && entry.version === version && Date.now() - entry.madeAt < MAX_AGE_MS) {
    return entry.value as T;
  }
  const value = await load();
  cache.delete(key);
  cache.set(key, { version, madeAt: Date.now(), value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}
