import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type {
  ReportAppendicesTable,
  ReportItemsTable,
  ReportRecommendationsTable,
  ReportsTable,
} from '../../db/schema.js';

/**
 * A committee report as one value: every field, its authors, numbered recommendations, body,
 * statutory and policy checklist, and appendices. What the report page, the readiness check,
 * clearances and the exports all read.
 */
export interface ReportDocument {
  report: Selectable<ReportsTable>;
  authority: { id: number; slug: string; name: string };
  committee: { id: number; name: string; classification: string } | null;
  portfolioMember: { id: number; name: string } | null;
  authors: { position: number; personId: number | null; name: string }[];
  recommendations: Selectable<ReportRecommendationsTable>[];
  items: Selectable<ReportItemsTable>[];
  implications: ReportImplication[];
  appendices: Selectable<ReportAppendicesTable>[];
}

export interface ReportImplication {
  id: number;
  typeId: number;
  key: string;
  label: string;
  needsClearance: boolean;
  answer: 'yes' | 'no' | null;
  statement: string;
}

/** The whole report, or null when there is no such report. */
export async function loadReportDocument(
  db: DbOrTrx,
  reportId: number,
): Promise<ReportDocument | null> {
  const report = await db
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return null;
  const [
    authority,
    committee,
    portfolio,
    authors,
    recommendations,
    items,
    implications,
    appendices,
  ] = await Promise.all([
    db
      .selectFrom('authorities')
      .select(['id', 'slug', 'name'])
      .where('id', '=', report.authority_id)
      .executeTakeFirstOrThrow(),
    report.committee_id === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('organisations')
          .select(['id', 'name', 'classification'])
          .where('id', '=', report.committee_id)
          .executeTakeFirst(),
    report.portfolio_member_id === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('people')
          .select(['id', 'given_name', 'family_name'])
          .where('id', '=', report.portfolio_member_id)
          .executeTakeFirst(),
    db
      .selectFrom('report_authors')
      .select(['position', 'person_id', 'name'])
      .where('report_id', '=', reportId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('report_recommendations')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('report_items')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('report_implications as ri')
      .innerJoin('implication_types as t', 't.id', 'ri.implication_type_id')
      .select([
        'ri.id',
        't.id as typeId',
        't.key',
        't.label',
        't.needs_clearance as needsClearance',
        'ri.answer',
        'ri.statement',
      ])
      .where('ri.report_id', '=', reportId)
      .orderBy('t.position')
      .orderBy('t.id')
      .execute(),
    db
      .selectFrom('report_appendices')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('position')
      .execute(),
  ]);
  return {
    report,
    authority,
    committee: committee ?? null,
    portfolioMember: portfolio
      ? { id: portfolio.id, name: `${portfolio.given_name} ${portfolio.family_name}` }
      : null,
    authors: authors.map((a) => ({ position: a.position, personId: a.person_id, name: a.name })),
    recommendations,
    items,
    implications,
    appendices,
  };
}

/**
 * The substance of a report: what an officer's clearance vouches for. Editing any of it after a
 * clearance means the clearance must be given again. Presentation (dates of the meeting,
 * authors' names, appendix order) is not substance.
 */
export interface ReportSubstance {
  title: string;
  summary: string;
  category: string;
  exemptParagraph: number | null;
  recommendations: string[];
  body: { number: string; text: string }[];
}

export function reportSubstance(doc: ReportDocument): ReportSubstance {
  return {
    title: doc.report.title,
    summary: doc.report.summary,
    category: doc.report.category,
    exemptParagraph: doc.report.exempt_paragraph,
    recommendations: doc.recommendations.map((r) => r.text),
    body: doc.items.map((i) => ({
      number: i.number,
      text: (i.depth === 0 ? i.heading : i.body) ?? '',
    })),
  };
}

/** What one clearance covers: the report's substance and that implication's answer. */
export interface ClearanceSnapshot {
  substance: ReportSubstance;
  implication: { key: string; label: string; answer: 'yes' | 'no' | null; statement: string };
}

export function clearanceSnapshot(
  doc: ReportDocument,
  implicationId: number,
): ClearanceSnapshot | null {
  const implication = doc.implications.find((i) => i.id === implicationId);
  if (!implication) return null;
  return {
    substance: reportSubstance(doc),
    implication: {
      key: implication.key,
      label: implication.label,
      answer: implication.answer,
      statement: implication.statement,
    },
  };
}

/** A digest of a snapshot: equal digests mean nothing a clearance covers has changed. */
export function snapshotDigest(snapshot: ClearanceSnapshot): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
}
