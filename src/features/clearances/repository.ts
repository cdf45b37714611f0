import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { ClearanceSnapshot } from '../reports/index.js';

export type ClearanceStatus = 'pending' | 'cleared' | 'returned' | 'withdrawn';

/** One clearance with the names a page shows. */
export interface ClearanceRow {
  id: number;
  implicationId: number;
  reportId: number;
  officerId: number;
  officerName: string;
  requestedByName: string | null;
  requestedAt: Date;
  status: ClearanceStatus;
  decidedAt: Date | null;
  comment: string | null;
  snapshot: ClearanceSnapshot;
  digest: string;
}

const clearanceColumns = sql`
  c.id, c.report_implication_id as "implicationId", ri.report_id as "reportId",
  c.officer_id as "officerId", o.given_name || ' ' || o.family_name as "officerName",
  rb.given_name || ' ' || rb.family_name as "requestedByName", c.requested_at as "requestedAt",
  c.status, c.decided_at as "decidedAt", c.comment, c.snapshot, c.snapshot_digest as digest
`;
const clearanceJoins = sql`
  from clearances c
  join report_implications ri on ri.id = c.report_implication_id
  join people o on o.id = c.officer_id
  left join people rb on rb.id = c.requested_by
`;

/** Every implication's latest clearance (not withdrawn) and the one cleared before it. */
export async function listLatestClearances(
  db: DbOrTrx,
  reportId: number,
): Promise<{ latest: ClearanceRow; previousCleared: ClearanceRow | null }[]> {
  const rows = await sql<ClearanceRow & { rank: number; clearedRank: number | null }>`
    select * from (
      select ${clearanceColumns},
        row_number() over (partition by c.report_implication_id order by c.id desc)::int as rank
      ${clearanceJoins}
      where ri.report_id = ${reportId} and c.status <> 'withdrawn'
    ) x
    order by "implicationId", rank
  `.execute(db);
  const byImplication = new Map<number, ClearanceRow[]>();
  for (const row of rows.rows) {
    byImplication.set(row.implicationId, [...(byImplication.get(row.implicationId) ?? []), row]);
  }
  return [...byImplication.values()].map((list) => ({
    latest: list[0]!,
    previousCleared: list.slice(1).find((r) => r.status === 'cleared') ?? null,
  }));
}

export async function findClearance(db: DbOrTrx, id: number): Promise<ClearanceRow | null> {
  const result = await sql<ClearanceRow>`
    select ${clearanceColumns} ${clearanceJoins} where c.id = ${id}
  `.execute(db);
  return result.rows[0] ?? null;
}

/** The clearance before this one of the same implication that an officer decided, if any. */
export async function findPreviousDecided(
  db: DbOrTrx,
  clearance: { id: number; implicationId: number },
): Promise<ClearanceRow | null> {
  const result = await sql<ClearanceRow>`
    select ${clearanceColumns} ${clearanceJoins}
    where c.report_implication_id = ${clearance.implicationId} and c.id < ${clearance.id}
      and c.status in ('cleared', 'returned')
    order by c.id desc limit 1
  `.execute(db);
  return result.rows[0] ?? null;
}

/** Officers of the council with an account: who may be asked to clear. */
export async function listOfficers(
  db: DbOrTrx,
  authorityId: number,
): Promise<
  {
    id: number;
    name: string;
    jobTitle: string | null;
    statutoryRoles: string[];
    email: string | null;
  }[]
> {
  return db
    .selectFrom('people as p')
    .innerJoin('credentials as cr', 'cr.person_id', 'p.id')
    .select([
      'p.id',
      sql<string>`p.given_name || ' ' || p.family_name`.as('name'),
      'p.job_title as jobTitle',
      'p.statutory_roles as statutoryRoles',
      'p.email',
    ])
    .where('p.authority_id', '=', authorityId)
    .where('p.kind', '=', 'officer')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
}

/** What one officer is asked to clear, pending first, then the most recent. */
export interface OfficerRequest {
  id: number;
  status: ClearanceStatus;
  requestedAt: Date;
  decidedAt: Date | null;
  reportId: number;
  reportTitle: string;
  implicationLabel: string;
}

export async function listRequestsFor(db: DbOrTrx, officerId: number): Promise<OfficerRequest[]> {
  return db
    .selectFrom('clearances as c')
    .innerJoin('report_implications as ri', 'ri.id', 'c.report_implication_id')
    .innerJoin('implication_types as t', 't.id', 'ri.implication_type_id')
    .innerJoin('reports as r', 'r.id', 'ri.report_id')
    .select([
      'c.id',
      'c.status',
      'c.requested_at as requestedAt',
      'c.decided_at as decidedAt',
      'r.id as reportId',
      'r.title as reportTitle',
      't.label as implicationLabel',
    ])
    .where('c.officer_id', '=', officerId)
    .where('c.status', '<>', 'withdrawn')
    .orderBy(sql`c.status = 'pending'`, 'desc')
    .orderBy('c.requested_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(200)
    .execute();
}

/** Administrators' figures: latest clearances of draft reports, by state. */
export async function latestDraftClearances(
  db: DbOrTrx,
): Promise<{ reportId: number; implicationId: number; status: ClearanceStatus; digest: string }[]> {
  const result = await sql<{
    reportId: number;
    implicationId: number;
    status: ClearanceStatus;
    digest: string;
  }>`
    select distinct on (c.report_implication_id)
      ri.report_id as "reportId", c.report_implication_id as "implicationId", c.status,
      c.snapshot_digest as digest
    from clearances c
    join report_implications ri on ri.id = c.report_implication_id
    join reports r on r.id = ri.report_id and r.status = 'draft'
    where c.status <> 'withdrawn'
    order by c.report_implication_id, c.id desc
  `.execute(db);
  return result.rows;
}
