import { sql, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn } from '../../db/current.js';
import type { ReportRecommendationsTable, ReportsTable } from '../../db/schema.js';
import type { NumberedReportItem } from './numbering.js';

export type ReportRow = Selectable<ReportsTable>;
export type RecommendationRow = Selectable<ReportRecommendationsTable>;

export interface Choice {
  id: number;
  name: string;
}

/** A report of this authority, or null: another authority's report is one that does not exist. */
export async function findReport(
  db: DbOrTrx,
  reportId: number,
  authorityId: number,
): Promise<ReportRow | null> {
  const row = await db
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', reportId)
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return row ?? null;
}

/** The report, locked for the rest of the transaction. */
export async function lockReport(db: DbOrTrx, reportId: number): Promise<ReportRow | null> {
  const row = await db
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export async function touchReport(db: DbOrTrx, reportId: number): Promise<void> {
  await db
    .updateTable('reports')
    .set({ updated_at: new Date() })
    .where('id', '=', reportId)
    .execute();
}

export interface ReportListRow {
  id: number;
  title: string;
  committee: string | null;
  reportDate: string | null;
  status: ReportRow['status'];
  updatedAt: Date;
}

export async function listReports(
  db: DbOrTrx,
  authorityId: number,
  filters: { status?: ReportRow['status'] | undefined; committee?: number | undefined },
): Promise<ReportListRow[]> {
  let query = db
    .selectFrom('reports as r')
    .leftJoin('organisations as o', 'o.id', 'r.committee_id')
    .select([
      'r.id',
      'r.title',
      'o.name as committee',
      'r.report_date as reportDate',
      'r.status',
      'r.updated_at as updatedAt',
    ])
    .where('r.authority_id', '=', authorityId);
  if (filters.status) query = query.where('r.status', '=', filters.status);
  if (filters.committee) query = query.where('r.committee_id', '=', filters.committee);
  return query.orderBy('r.updated_at', 'desc').orderBy('r.id', 'desc').limit(500).execute();
}

/**
 * Where a report can go: the authority's current committees and sub-committees, and the
 * council itself (full Council), council first.
 */
export async function listCommitteeChoices(
  db: DbOrTrx,
  authorityId: number,
  today: string,
): Promise<Choice[]> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('authority_id', '=', authorityId)
    .where('classification', 'in', ['council', 'committee', 'sub-committee'])
    .where((eb) => eb.or([eb('dissolved_on', 'is', null), eb('dissolved_on', '>=', today)]))
    .orderBy(sql`classification = 'council'`, 'desc')
    .orderBy('name')
    .execute();
}

/** Committees any report of the authority goes to, for the list's filter (dissolved ones too). */
export async function listReportCommittees(db: DbOrTrx, authorityId: number): Promise<Choice[]> {
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name'])
    .where('o.authority_id', '=', authorityId)
    .where('o.classification', 'in', ['council', 'committee', 'sub-committee'])
    .orderBy('o.name')
    .execute();
}

/** The authority's current councillors: members with a current seat on its council. */
export async function listCouncillorChoices(
  db: DbOrTrx,
  authorityId: number,
  today: string,
): Promise<Choice[]> {
  const rows = await db
    .selectFrom('memberships as seat')
    .innerJoin('organisations as c', 'c.id', 'seat.organisation_id')
    .innerJoin('people as p', 'p.id', 'seat.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .distinct()
    .where('c.authority_id', '=', authorityId)
    .where('c.classification', '=', 'council')
    .where('p.kind', '=', 'member')
    .where(currentOn('seat', today))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: `Councillor ${r.given_name} ${r.family_name}` }));
}

/** Code versions of the authority a recommendation may ask a committee to move on. */
export async function listCodeVersionChoices(db: DbOrTrx, authorityId: number): Promise<Choice[]> {
  const rows = await db
    .selectFrom('code_versions')
    .select(['id', 'number', 'title', 'status'])
    .where('authority_id', '=', authorityId)
    .where('status', 'in', ['draft', 'consultation', 'agreed', 'adopted'])
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: `Code of conduct version ${r.number}: ${r.title} (${r.status})`,
  }));
}

/** The council's draft development programmes, which a committee report may ask to approve. */
export async function listProgrammeChoices(db: DbOrTrx, authorityId: number): Promise<Choice[]> {
  const rows = await db
    .selectFrom('programmes')
    .select(['id', 'title'])
    .where('authority_id', '=', authorityId)
    .where('status', '=', 'draft')
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, name: `Development programme: ${r.title}` }));
}

/** Names of the given programmes, whatever their status, for a report's recommendations. */
export async function programmeNames(
  db: DbOrTrx,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('programmes')
    .select(['id', 'title', 'status'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, `Development programme: ${r.title} (${r.status})`]));
}

export interface ReportValues {
  committee_id: number;
  title: string;
  report_of: string;
  report_date: string | null;
  summary: string;
  background_papers: string;
  category: 'open' | 'exempt';
  exempt_paragraph: number | null;
  portfolio_member_id: number | null;
  portfolio_title: string | null;
  reserved_for_council: boolean;
  press_release: boolean;
  areas_affected: string;
}

export async function insertReport(
  db: DbOrTrx,
  authorityId: number,
  values: ReportValues,
  createdBy: number,
): Promise<ReportRow> {
  const report = await db
    .insertInto('reports')
    .values({ ...values, authority_id: authorityId, created_by: createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
  // The checklist starts with every implication type the authority uses, unanswered.
  await sql`
    insert into report_implications (report_id, implication_type_id)
    select ${report.id}, t.id from implication_types t
     where t.authority_id = ${authorityId} and t.retired_on is null
    on conflict (report_id, implication_type_id) do nothing
  `.execute(db);
  return report;
}

export async function updateReport(
  db: DbOrTrx,
  reportId: number,
  values: ReportValues,
): Promise<ReportRow> {
  return db
    .updateTable('reports')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', reportId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listAuthorNames(db: DbOrTrx, reportId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('report_authors')
    .select('name')
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.name);
}

export async function replaceAuthors(
  db: DbOrTrx,
  reportId: number,
  names: readonly string[],
): Promise<void> {
  await db.deleteFrom('report_authors').where('report_id', '=', reportId).execute();
  if (names.length === 0) return;
  await db
    .insertInto('report_authors')
    .values(
      names.map((name, position) => ({ report_id: reportId, position, name, person_id: null })),
    )
    .execute();
}

export async function listRecommendations(
  db: DbOrTrx,
  reportId: number,
): Promise<RecommendationRow[]> {
  return db
    .selectFrom('report_recommendations')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
}

export interface RecommendationDraft {
  text: string;
  codeVersionId: number | null;
  /** a development programme the committee is asked to approve */
  programmeId: number | null;
  lineage?: string | undefined;
}

/**
 * Save a report's recommendations in this order. Rows are updated in place (their ids stay, so a
 * resolution recorded against one still points at it), new ones inserted, dropped ones deleted.
 */
export async function saveRecommendations(
  db: DbOrTrx,
  reportId: number,
  drafts: readonly RecommendationDraft[],
): Promise<void> {
  const kept = new Set(drafts.flatMap((d) => (d.lineage ? [d.lineage] : [])));
  const current = await listRecommendations(db, reportId);
  const gone = current.filter((r) => !kept.has(r.lineage)).map((r) => r.id);
  if (gone.length > 0)
    await db.deleteFrom('report_recommendations').where('id', 'in', gone).execute();
  for (const [position, draft] of drafts.entries()) {
    if (draft.lineage) {
      await db
        .updateTable('report_recommendations')
        .set({
          position,
          text: draft.text,
          code_version_id: draft.codeVersionId,
          programme_id: draft.programmeId,
        })
        .where('report_id', '=', reportId)
        .where('lineage', '=', draft.lineage)
        .execute();
    } else {
      await db
        .insertInto('report_recommendations')
        .values({
          report_id: reportId,
          position,
          text: draft.text,
          code_version_id: draft.codeVersionId,
          programme_id: draft.programmeId,
        })
        .execute();
    }
  }
}

export async function listReportItems(db: DbOrTrx, reportId: number) {
  return db
    .selectFrom('report_items')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
}
export type ReportItemRow = Awaited<ReturnType<typeof listReportItems>>[number];

/** Replace a report's body with these numbered items, each keeping its lineage when it has one. */
export async function replaceReportItems(
  db: DbOrTrx,
  reportId: number,
  items: readonly NumberedReportItem[],
): Promise<void> {
  await db.deleteFrom('report_items').where('report_id', '=', reportId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('report_items')
    .values(
      items.map((item) => ({
        report_id: reportId,
        position: item.position,
        depth: item.depth,
        number: item.number,
        heading: item.depth === 0 ? item.heading : null,
        body: item.depth === 0 ? null : item.body,
        ...(item.lineage ? { lineage: item.lineage } : {}),
      })),
    )
    .execute();
}
