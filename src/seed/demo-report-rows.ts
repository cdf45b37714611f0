import { sql } from 'kysely';
import type { Trx } from '../db/database.js';
import { londonToInstant } from '../features/meetings/index.js';
import { DEFAULT_IMPLICATION_TYPES } from '../features/report-checklist/index.js';
import {
  clearanceSnapshot,
  loadReportDocument,
  numberReportItems,
  snapshotDigest,
} from '../features/reports/index.js';
import type { DemoAccount } from './demo.js';
import type { ReportText } from './demo-reports-text.js';

/**
 * The rows of the demo's committee reports and meetings, written straight into the tables as
 * the features' repositories write them (numbered by the reports' own numbering; clearances
 * with the snapshot and digest of the report as it stands). Used by `demo-reports.ts`.
 */
/**
 * The council's checklist from the default implication types, in their order, as
 * `ensureImplicationTypes` adds them, but with no audit row (seeds record their own event).
 * Types the authority has already are left as they are.
 */
export async function writeDefaultImplicationTypes(trx: Trx, authorityId: number): Promise<void> {
  await trx
    .insertInto('implication_types')
    .values(
      DEFAULT_IMPLICATION_TYPES.map((t, index) => ({
        authority_id: authorityId,
        key: t.key,
        label: t.label,
        position: index + 1,
        needs_clearance: t.needsClearance,
      })),
    )
    .onConflict((oc) => oc.columns(['authority_id', 'key']).doNothing())
    .execute();
}

export interface People {
  mo: { id: number; name: string };
  memberDevelopment: { id: number; name: string };
  democraticServices: number;
  officer: number;
  chiefFinanceOfficer: number;
  solicitor: number;
  equality: number;
}

async function personByEmail(trx: Trx, email: string) {
  return trx
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
}

function emailOf(accounts: DemoAccount[], role: string): string {
  const email = accounts.find((a) => a.role === role)?.email;
  if (!email) throw new Error(`The demo council has no ${role} account`);
  return email;
}

async function officerWhere(
  trx: Trx,
  authorityId: number,
  match: { jobTitle?: string; statutoryRole?: string },
) {
  let query = trx
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name'])
    .where('authority_id', '=', authorityId)
    .where('kind', '=', 'officer');
  if (match.jobTitle) query = query.where('job_title', '=', match.jobTitle);
  if (match.statutoryRole)
    query = query.where(sql<boolean>`${match.statutoryRole} = any(statutory_roles)`);
  return query.orderBy('id').limit(1).executeTakeFirstOrThrow();
}

export async function findPeople(
  trx: Trx,
  authorityId: number,
  accounts: DemoAccount[],
): Promise<People> {
  const name = (p: { given_name: string; family_name: string }) =>
    `${p.given_name} ${p.family_name}`;
  const mo = await personByEmail(trx, emailOf(accounts, 'monitoring-officer'));
  const development = await officerWhere(trx, authorityId, {
    jobTitle: 'Member Development Officer',
  });
  return {
    mo: { id: mo.id, name: name(mo) },
    memberDevelopment: { id: development.id, name: name(development) },
    democraticServices: (await personByEmail(trx, emailOf(accounts, 'democratic-services'))).id,
    officer: (await personByEmail(trx, emailOf(accounts, 'officer'))).id,
    chiefFinanceOfficer: (
      await officerWhere(trx, authorityId, { statutoryRole: 'chief-finance-officer' })
    ).id,
    solicitor: (await officerWhere(trx, authorityId, { jobTitle: 'Senior Solicitor' })).id,
    equality: (await officerWhere(trx, authorityId, { jobTitle: 'HR Business Partner' })).id,
  };
}

export interface ReportPlan {
  authorityId: number;
  committeeId: number;
  text: ReportText;
  reportDate: string;
  publishedAt: Date | null;
  authors: { personId: number; name: string }[];
  /** the code version recommendation 1 asks the committee to agree */
  codeVersionId: number;
  createdBy: number;
  createdAt: Date;
}

/** A report with its authors, recommendations, body and checklist answers; returns its ids. */
export async function writeReport(trx: Trx, plan: ReportPlan) {
  const { text } = plan;
  const report = await trx
    .insertInto('reports')
    .values({
      authority_id: plan.authorityId,
      committee_id: plan.committeeId,
      title: text.title,
      report_of: 'Monitoring Officer',
      report_date: plan.reportDate,
      summary: text.summary,
      background_papers: 'None',
      category: 'open',
      areas_affected: 'None',
      status: plan.publishedAt ? 'published' : 'draft',
      published_at: plan.publishedAt,
      created_by: plan.createdBy,
      created_at: plan.createdAt,
      updated_at: plan.publishedAt ?? plan.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('report_authors')
    .values(
      plan.authors.map((a, index) => ({
        report_id: report.id,
        position: index,
        person_id: a.personId,
        name: a.name,
      })),
    )
    .execute();
  const recommendations = await trx
    .insertInto('report_recommendations')
    .values(
      text.recommendations.map((r, index) => ({
        report_id: report.id,
        position: index,
        text: r,
        code_version_id: index === 0 ? plan.codeVersionId : null,
      })),
    )
    .returning(['id', 'position'])
    .execute();
  const numbered = numberReportItems(
    text.body.map((e) => ({
      depth: e.depth,
      heading: e.depth === 0 ? e.text : null,
      body: e.depth === 0 ? null : e.text,
    })),
  );
  if (!numbered.ok)
    throw new Error(`A seeded report cannot be numbered: ${numbered.problems[0]?.message}`);
  await trx
    .insertInto('report_items')
    .values(
      numbered.items.map((i) => ({
        report_id: report.id,
        position: i.position,
        depth: i.depth,
        number: i.number,
        heading: i.heading,
        body: i.body,
      })),
    )
    .execute();
  const types = await trx
    .selectFrom('implication_types')
    .select(['id', 'key'])
    .where('authority_id', '=', plan.authorityId)
    .where('retired_on', 'is', null)
    .orderBy('position')
    .execute();
  const implications = await trx
    .insertInto('report_implications')
    .values(
      types.map((t) => ({
        report_id: report.id,
        implication_type_id: t.id,
        answer: text.implications[t.key]?.answer ?? null,
        statement: text.implications[t.key]?.statement ?? '',
      })),
    )
    .returning(['id', 'implication_type_id'])
    .execute();
  const keyOfType = new Map(types.map((t) => [t.id, t.key]));
  const implicationIds = new Map(
    implications.map((i) => [keyOfType.get(i.implication_type_id) ?? '', i.id]),
  );
  const recommendationIds = recommendations
    .sort((a, b) => a.position - b.position)
    .map((r) => r.id);
  return { reportId: report.id, implicationIds, recommendationIds };
}

export interface ClearancePlan {
  key: string;
  officerId: number;
  requestedBy: number;
  requestedAt: Date;
  decidedAt: Date | null;
  comment?: string;
}

/** Clearances of the report as it now stands, so that a cleared one is not stale. */
export async function writeClearances(
  trx: Trx,
  reportId: number,
  implicationIds: Map<string, number>,
  plans: ClearancePlan[],
): Promise<void> {
  const doc = await loadReportDocument(trx, reportId);
  if (!doc) throw new Error('A seeded report went missing');
  await trx
    .insertInto('clearances')
    .values(
      plans.map((p) => {
        const implicationId = implicationIds.get(p.key);
        const snapshot = implicationId ? clearanceSnapshot(doc, implicationId) : null;
        if (!implicationId || !snapshot) throw new Error(`The report has no ${p.key} implication`);
        return {
          report_implication_id: implicationId,
          officer_id: p.officerId,
          requested_by: p.requestedBy,
          requested_at: p.requestedAt,
          status: p.decidedAt ? ('cleared' as const) : ('pending' as const),
          decided_at: p.decidedAt,
          comment: p.comment ?? null,
          snapshot: JSON.stringify(snapshot),
          snapshot_digest: snapshotDigest(snapshot),
        };
      }),
    )
    .execute();
}

export const at = (date: string, time: string) => londonToInstant(date, time);

export interface MeetingPlan {
  organisationId: number;
  date: string;
  time: string;
  venue: string;
  held: boolean;
  agendaPublishedAt: Date | null;
  minutesPublishedAt: Date | null;
  createdBy: number;
  /** titles in order; an item with a report links it */
  items: { title: string; reportId?: number }[];
}

export async function writeMeeting(trx: Trx, plan: MeetingPlan) {
  const meeting = await trx
    .insertInto('meetings')
    .values({
      organisation_id: plan.organisationId,
      starts_at: at(plan.date, plan.time),
      venue: plan.venue,
      status: plan.held ? 'held' : 'scheduled',
      agenda_published_at: plan.agendaPublishedAt,
      minutes_published_at: plan.minutesPublishedAt,
      created_by: plan.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const items = await trx
    .insertInto('agenda_items')
    .values(
      plan.items.map((item, position) => ({
        meeting_id: meeting.id,
        position,
        title: item.title,
        report_id: item.reportId ?? null,
      })),
    )
    .returning(['id', 'position'])
    .execute();
  const itemIds = items.sort((a, b) => a.position - b.position).map((i) => i.id);
  return { meetingId: meeting.id, itemIds };
}

export const OPENING_ITEMS = [
  { title: 'Apologies for absence' },
  { title: 'Declarations of interest' },
  { title: 'Minutes of the previous meeting' },
];
export const TOWN_HALL = 'Council Chamber, Town Hall';
export const COMMITTEE_ROOM = 'Committee Room 2, Town Hall';

export async function members(trx: Trx, organisationId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('memberships')
    .select('person_id')
    .where('organisation_id', '=', organisationId)
    .where('end_date', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.person_id);
}
