import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  person?: string | undefined;
  entity?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** keyset pagination: events older than this id */
  before?: number | undefined;
}

export async function listAuditEvents(db: DbOrTrx, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('people as p', 'p.id', 'e.actor_person_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.entity',
      'e.entity_id',
      'e.action',
      'e.changes',
      'p.given_name',
      'p.family_name',
    ]);
  if (filter.person) {
    const pattern = `%${filter.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // People first (trigram index people_full_name_trgm), then their events: never a join of the
    // whole trail against everyone.
    query = query.where('e.actor_person_id', 'in', (eb) =>
      eb
        .selectFrom('people as q')
        .select('q.id')
        .where(sql<string>`q.given_name || ' ' || q.family_name`, 'ilike', pattern),
    );
  }
  if (filter.entity) query = query.where('e.entity', '=', filter.entity);
  if (filter.from) query = query.where('e.occurred_at', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to) {
    const end = new Date(`${filter.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    query = query.where('e.occurred_at', '<', end);
  }
  if (filter.before) query = query.where('e.id', '<', filter.before);
  const rows = await query
    .orderBy('e.id', 'desc')
    .limit(AUDIT_PAGE_SIZE + 1)
    .execute();
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

export async function listAuditedEntities(db: DbOrTrx): Promise<string[]> {
  // A recursive "loose index scan" over the (entity, entity_id) index: fast however long the trail.
  const { rows } = await sql<{ entity: string }>`
    with recursive t(entity) as (
      (select entity from audit_events order by entity limit 1)
      union all
      select (select e.entity from audit_events e where e.entity > t.entity order by e.entity limit 1)
      from t where t.entity is not null)
    select entity from t where entity is not null
  `.execute(db);
  return rows.map((r) => r.entity);
}
