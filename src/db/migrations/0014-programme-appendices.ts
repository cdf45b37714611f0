import { sql, type Kysely } from 'kysely';

/**
 * A committee report may append a Member Development Programme (issue 8), as it appends a code
 * version: the report asking a committee to approve the year's programme carries the programme
 * itself (its courses, who each is for, its sessions) as an appendix. A programme appendix
 * names a programme and nothing else; the other kinds never name one.
 *
 * No cycle of foreign keys: nothing points back at report_appendices, so a backup restores it
 * after programmes without a deferred check.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table report_appendices
      add column programme_id integer references programmes(id),
      drop constraint report_appendices_kind_check,
      add constraint report_appendices_kind_check
        check (kind in ('code-version', 'code-comparison', 'file', 'programme')),
      add constraint report_appendices_programme_check
        check ((kind = 'programme') = (programme_id is not null));
    create index report_appendices_programme on report_appendices (programme_id)
      where programme_id is not null;
  `.execute(db);
}
