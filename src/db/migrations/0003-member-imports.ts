import { sql, type Kysely } from 'kysely';

/**
 * Member imports waiting for confirmation: an uploaded CSV's rows, read and checked, are kept
 * between the preview and the "Import" button so that the file is not uploaded twice. Only the
 * person who uploaded a file can see or confirm it. A row is deleted when its import is
 * confirmed, and any left unconfirmed for a day are deleted at the next upload: the audit
 * trail, not this table, is the record of what an import changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table member_imports (
      id uuid primary key default gen_random_uuid(),
      uploaded_by integer not null references people(id),
      uploaded_at timestamptz not null default now(),
      file_name text not null,
      encoding text not null,
      row_count integer not null check (row_count > 0),
      columns jsonb not null,
      rows jsonb not null
    );
    create index member_imports_uploaded_idx on member_imports (uploaded_at);
  `.execute(db);
}
