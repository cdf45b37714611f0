import { sql } from 'kysely';
import { dataChangesOf, type Db } from '../db/database.js';

/**
 * Values kept until the data changes (decisions 0016, 0019 and 0022). The version comes from
 * `DataChanges` (src/db/data-changes.ts): it moves when this process commits a write, and when
 * PostgreSQL notifies us that another process committed an audit event or ended a session.
 * Asking for it costs no query while the listener is connected; otherwise the highest audit id
 * is read, as before. Entries older than a minute are made again whatever the version, so a
 * change made outside Probity (by hand in psql) shows within a minute.
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

/** The data's version: a number that moves whenever the data may have changed. */
export async function dataVersion(db: Db): Promise<number> {
  const changes = dataChangesOf(db);
  changes.listen();
  if (changes.listening) return changes.version;
  const { rows } = await sql<{ v: number | null }>`
    select max(id) as v from audit_events`.execute(db);
  return changes.sawAuditId(Number(rows[0]?.v ?? 0));
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
