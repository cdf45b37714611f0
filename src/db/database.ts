import { Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { CountingPostgresDialect, DataChanges } from './data-changes.js';

// int8 (counts, bigint ids) as numbers: our ids stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// date columns stay as 'YYYY-MM-DD' text: no time-zone shifts on calendar dates.
pg.types.setTypeParser(1082, (value) => value);

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** A repository function takes either the database or a transaction already under way. */
export type DbOrTrx = Db | Trx;

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  close: () => Promise<void>;
}

export function createDatabase(
  connectionString: string,
  options: { max?: number } = {},
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
    application_name: 'probity',
  });
  // A dropped connection (for example the server restarting) must not crash the process.
  pool.on('error', () => undefined);
  // ... and neither may one that drops while a request holds it between two queries: the next
  // query on it fails and that request answers with an error page.
  const changes = new DataChanges(connectionString);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    changes.ownConnection(client);
  });
  const db = new Kysely<Database>({ dialect: new CountingPostgresDialect({ pool }, changes) });
  trackers.set(db, changes);
  return {
    db,
    pool,
    close: async () => {
      await changes.close();
      await db.destroy();
    },
  };
}

const trackers = new WeakMap<object, DataChanges>();

/**
 * How this process follows changes to the data behind `db` (see `data-changes.ts`). A Kysely
 * instance not made by `createDatabase` gets a tracker that never listens.
 */
export function dataChangesOf(db: Kysely<unknown> | Db): DataChanges {
  let changes = trackers.get(db);
  if (!changes) {
    changes = new DataChanges(null);
    trackers.set(db, changes);
  }
  return changes;
}
