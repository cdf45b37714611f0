import { sql, type Kysely } from 'kysely';

/**
 * People are listed by family name, given name and id (a stable order for paging): one index in
 * that order lets a page be read without sorting everyone. It replaces the two-column index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index people_sort_idx on people (family_name, given_name, id);
    drop index people_name_idx;
  `.execute(db);
}
