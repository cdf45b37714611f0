import type { Db } from '../../db/database.js';
import { numberReportItems, type ReportItemDraft } from '../reports/index.js';

/**
 * Helpers for tests of public meetings and report exports: committees, people, reports (with
 * checklist, clearances, body and appendices), meetings, agendas and minutes inserted straight
 * into the database, in any state, without the admin workflow. Text is our own.
 */

let counter = 0;
const next = (): number => (counter += 1);

export async function createCommittee(
  db: Db,
  authorityId: number,
  name: string,
  classification: 'committee' | 'sub-committee' | 'council' | 'political-group' = 'committee',
): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({ authority_id: authorityId, name, classification, parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createPersonNamed(
  db: Db,
  authorityId: number,
  givenName: string,
  familyName: string,
  kind: 'member' | 'officer' = 'officer',
): Promise<number> {
  const row = await db
    .insertInto('people')
    .values({
      authority_id: authorityId,
      given_name: givenName,
      family_name: familyName,
      email: `pm-${next()}-${Date.now()}@meetings.example`,
      kind,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const sectionItem = (heading: string): ReportItemDraft => ({
  depth: 0,
  heading,
  body: null,
});
export const paraItem = (body: string, depth: 1 | 2 = 1): ReportItemDraft => ({
  depth,
  heading: null,
  body,
});

export interface ReportOptions {
  authorityId: number;
  committeeId: number | null;
  title: string;
  status?: 'draft' | 'published' | 'withdrawn';
  exemptParagraph?: number;
  recommendations?: string[];
  items?: ReportItemDraft[];
  authors?: string[];
  /** implications: label, answer, statement, and the officer who cleared it (and when) */
  implications?: {
    label: string;
    answer: 'yes' | 'no' | null;
    statement: string;
    needsClearance?: boolean;
    clearedBy?: { officerId: number; on: Date }[];
  }[];
  portfolioMemberId?: number;
}

/** A report with its parts; returns the report's id and its recommendations' ids. */
export async function createReport(
  db: Db,
  options: ReportOptions,
): Promise<{ id: number; recommendationIds: number[]; implicationIds: number[] }> {
  const status = options.status ?? 'published';
  const report = await db
    .insertInto('reports')
    .values({
      authority_id: options.authorityId,
      committee_id: options.committeeId,
      title: options.title,
      report_of: 'Monitoring Officer',
      report_date: '2026-03-25',
      summary: 'To ask the committee to agree the revised code and a training plan.',
      background_papers: 'None',
      category: options.exemptParagraph === undefined ? 'open' : 'exempt',
      exempt_paragraph: options.exemptParagraph ?? null,
      portfolio_member_id: options.portfolioMemberId ?? null,
      portfolio_title: options.portfolioMemberId ? 'Cabinet Member for Governance' : null,
      reserved_for_council: false,
      press_release: true,
      areas_affected: 'All wards',
      status,
      published_at: status === 'published' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const authors = options.authors ?? ['Alex Writer'];
  for (const [position, name] of authors.entries()) {
    await db
      .insertInto('report_authors')
      .values({ report_id: report.id, position, name })
      .execute();
  }
  const recommendationIds: number[] = [];
  for (const [position, text] of (options.recommendations ?? []).entries()) {
    const row = await db
      .insertInto('report_recommendations')
      .values({ report_id: report.id, position, text })
      .returning('id')
      .executeTakeFirstOrThrow();
    recommendationIds.push(row.id);
  }
  const numbered = numberReportItems(options.items ?? []);
  if (!numbered.ok) throw new Error('Report items cannot be numbered');
  for (const item of numbered.items) {
    await db
      .insertInto('report_items')
      .values({
        report_id: report.id,
        position: item.position,
        depth: item.depth,
        number: item.number,
        heading: item.heading,
        body: item.body,
      })
      .execute();
  }
  const implicationIds: number[] = [];
  for (const [position, implication] of (options.implications ?? []).entries()) {
    const type = await db
      .insertInto('implication_types')
      .values({
        authority_id: options.authorityId,
        key: `type-${next()}`,
        label: implication.label,
        position,
        needs_clearance: implication.needsClearance ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('report_implications')
      .values({
        report_id: report.id,
        implication_type_id: type.id,
        answer: implication.answer,
        statement: implication.statement,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    implicationIds.push(row.id);
    for (const clearance of implication.clearedBy ?? []) {
      await db
        .insertInto('clearances')
        .values({
          report_implication_id: row.id,
          officer_id: clearance.officerId,
          status: 'cleared',
          decided_at: clearance.on,
          snapshot: JSON.stringify({}),
          snapshot_digest: 'test',
        })
        .execute();
    }
  }
  return { id: report.id, recommendationIds, implicationIds };
}

/** An uploaded file appendix of a report; returns the appendix's id. */
export async function addFileAppendix(
  db: Db,
  reportId: number,
  title: string,
  content: Buffer,
  position = 0,
  fileName = 'plan.pdf',
): Promise<number> {
  const file = await db
    .insertInto('report_files')
    .values({
      report_id: reportId,
      file_name: fileName,
      media_type: 'application/pdf',
      size_bytes: content.length,
      sha256: 'test',
      content,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('report_appendices')
    .values({ report_id: reportId, position, title, kind: 'file', file_id: file.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface MeetingOptions {
  organisationId: number;
  startsAt: Date;
  endsAt?: Date;
  venue?: string;
  status?: 'scheduled' | 'held' | 'cancelled';
  agendaPublished?: boolean;
  minutesPublished?: boolean;
  /** agenda items in order: a title and optionally a report */
  items?: { title: string; reportId?: number }[];
}

/** A meeting with its agenda items; returns the meeting's id and its items' ids. */
export async function createMeeting(
  db: Db,
  options: MeetingOptions,
): Promise<{ id: number; itemIds: number[] }> {
  const meeting = await db
    .insertInto('meetings')
    .values({
      organisation_id: options.organisationId,
      starts_at: options.startsAt,
      ends_at: options.endsAt ?? null,
      venue: options.venue ?? 'Council Chamber, Town Hall',
      status: options.status ?? 'scheduled',
      agenda_published_at: options.agendaPublished === false ? null : new Date(),
      minutes_published_at: options.minutesPublished ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const itemIds: number[] = [];
  for (const [position, item] of (options.items ?? []).entries()) {
    const row = await db
      .insertInto('agenda_items')
      .values({
        meeting_id: meeting.id,
        position,
        title: item.title,
        report_id: item.reportId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    itemIds.push(row.id);
  }
  return { id: meeting.id, itemIds };
}
