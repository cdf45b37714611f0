import { sql, type Kysely } from 'kysely';

/**
 * PostgreSQL tells every listening Probity process when data changed (decision 0022): once per
 * statement that adds audit events (every change made through Probity writes one) and once per
 * statement that ends sessions (signing out, signing someone out everywhere). A notice is sent
 * when the transaction commits, and notices with the same payload in one transaction are
 * sent once, so a 3,000-row import is one notice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function probity_data_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('probity_data_changed', '');
      return null;
    end
    $$;
    create trigger audit_events_data_changed after insert on audit_events
      for each statement execute function probity_data_changed();
    create trigger sessions_data_changed after delete on sessions
      for each statement execute function probity_data_changed();
  `.execute(db);
}
