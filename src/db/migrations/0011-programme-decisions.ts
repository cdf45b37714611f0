import { sql, type Kysely } from 'kysely';

/**
 * A committee report's recommendation may ask the committee to approve a Member Development
 * Programme (issue 6), as one may ask it to agree a code version. When the committee records
 * an agreeing resolution on it, the programme moves from draft to approved in the same
 * transaction and keeps the resolution (`programmes.approved_resolution_id`, from 0010). A
 * recommendation names a code version or a programme, never both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table report_recommendations
      add column programme_id integer references programmes(id),
      add constraint report_recommendations_one_subject
        check (code_version_id is null or programme_id is null);
    create index report_recommendations_programme on report_recommendations (programme_id)
      where programme_id is not null;
  `.execute(db);
}
