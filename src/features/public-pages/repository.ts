import type { DbOrTrx } from '../../db/database.js';

export interface PublicAuthority {
  name: string;
  kind: string;
  parishCount: number;
}

/** Principal councils with the number of parish and town councils inside each. */
export async function listPublicAuthorities(db: DbOrTrx): Promise<PublicAuthority[]> {
  const rows = await db
    .selectFrom('authorities as a')
    .leftJoin('authorities as p', 'p.parent_id', 'a.id')
    .select(['a.name', 'a.kind', (eb) => eb.fn.count<number>('p.id').as('parish_count')])
    .where('a.kind', '=', 'principal')
    .groupBy(['a.id', 'a.name', 'a.kind'])
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({ name: r.name, kind: r.kind, parishCount: Number(r.parish_count) }));
}
