import { sql, type Kysely } from 'kysely';

/**
 * A code version points at the resolutions that agreed and adopted it, and a resolution points
 * (through its recommendation) at the code version: a cycle of foreign keys. Making the code
 * version's two links deferrable lets a backup be replayed in one transaction (psql), with
 * those two checks made at commit, when every row is in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table code_versions
      alter constraint code_versions_agreed_resolution_id_fkey deferrable initially immediate;
    alter table code_versions
      alter constraint code_versions_adopted_resolution_id_fkey deferrable initially immediate;
  `.execute(db);
}
