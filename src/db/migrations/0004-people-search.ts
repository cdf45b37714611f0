import { sql, type Kysely } from 'kysely';

/**
 * Searching people by any part of their name or email (`ilike '%text%'`) with trigram indexes:
 * without them every search reads every person (tens of thousands in a large council).
 * pg_trgm ships with PostgreSQL and is a trusted extension: a database owner may create it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;
    create index people_full_name_trgm on people
      using gin ((given_name || ' ' || family_name) gin_trgm_ops);
    create index people_email_trgm on people using gin (email gin_trgm_ops);
  `.execute(db);
}
