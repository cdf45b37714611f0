import { sql, type Kysely } from 'kysely';

/**
 * A programme points at the resolution that approved it, and a resolution points (through its
 * recommendation, since 0011) at the programme: a cycle of foreign keys, as 0008 found for code
 * versions. Making the programme's link deferrable lets a backup be replayed in one
 * transaction, with that check made at commit, when every row is in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table programmes
      alter constraint programmes_approved_resolution_id_fkey deferrable initially immediate;
  `.execute(db);
}
