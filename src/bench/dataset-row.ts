import type { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** The first row a query finds in the large dataset; throws naming `what` when there is none. */
export async function one<T>(db: Db, what: string, query: ReturnType<typeof sql<T>>): Promise<T> {
  const { rows } = await query.execute(db);
  const row = rows[0];
  if (!row) throw new Error(`The large dataset has no ${what}: generate it afresh.`);
  return row;
}
