import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { todayInEngland } from '../../db/current.js';
import type { HouseStyleWord } from './house-style.js';
import type { ActiveImplicationType } from './types.js';

/**
 * The implication types the report's council uses now (not retired), each with the latest
 * clearance of this report's implication that was not withdrawn: one query for the whole
 * checklist, whatever the size of the report.
 */
export async function listActiveTypesWithClearance(
  db: DbOrTrx,
  reportId: number,
): Promise<ActiveImplicationType[]> {
  const result = await sql<{
    type_id: number;
    key: string;
    label: string;
    needs_clearance: boolean;
    status: 'pending' | 'cleared' | 'returned' | null;
    snapshot_digest: string | null;
  }>`
    select t.id as type_id, t.key, t.label, t.needs_clearance, c.status, c.snapshot_digest
    from reports r
    join implication_types t on t.authority_id = r.authority_id
      and (t.retired_on is null or t.retired_on > ${todayInEngland()})
    left join report_implications ri on ri.report_id = r.id and ri.implication_type_id = t.id
    left join lateral (
      select status, snapshot_digest from clearances
      where report_implication_id = ri.id and status <> 'withdrawn'
      order by id desc limit 1
    ) c on true
    where r.id = ${reportId}
    order by t.position, t.id
  `.execute(db);
  return result.rows.map((row) => ({
    typeId: row.type_id,
    key: row.key,
    label: row.label,
    needsClearance: row.needs_clearance,
    clearance:
      row.status === null || row.snapshot_digest === null
        ? null
        : { status: row.status, digest: row.snapshot_digest },
  }));
}

/** The council's own list of words to avoid, for the report's council. */
export async function listReportHouseStyleWords(
  db: DbOrTrx,
  reportId: number,
): Promise<HouseStyleWord[]> {
  return db
    .selectFrom('house_style_words as w')
    .innerJoin('reports as r', 'r.authority_id', 'w.authority_id')
    .select(['w.pattern', 'w.advice'])
    .where('r.id', '=', reportId)
    .orderBy('w.pattern')
    .execute();
}
