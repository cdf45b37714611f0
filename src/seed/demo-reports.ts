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
import {
  ADOPTION_REPORT,
  DRAFT_REPORT,
  HOUSE_STYLE_WORDS,
  type ReportText,
} from './demo-reports-text.js';

/**
 * The demo council's committee reports and meetings, written in the demo council's transaction
 * after its code of conduct (no audit rows of their own: the one "seeded" event covers the whole
 * demo, so the default checklist is written here as `ensureImplicationTypes` would write it,
 * without its audit row).
 *
 * - 25 March 2021: the Audit and Standards Committee agreed the model-based code (version 2) on
 *   a published report whose financial, legal and equality implications were cleared by named
 *   officers; full Council adopted it on 19 May 2021. Both meetings are held, with agenda and
 *   minutes published, and version 2 points at both resolutions.
 * - 17 December 2026: the committee is due to consider a draft report on the updated code
 *   (version 3, under consultation) and a training programme. The draft is not ready: the
 *   property implication is unanswered, the financial clearance waits for the demo officer
 *   (officer@demo-city.example) and the legal one for the Senior Solicitor, and its text has a
 *   placeholder, a "YES/NO", two confused words and a closing recommendation that differs from
 *   the one at the top. So that meeting's agenda is not published; full Council follows in
 *   January 2027.
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

interface People {
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

async function findPeople(trx: Trx, authorityId: number, accounts: DemoAccount[]): Promise<People> {
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

interface ReportPlan {
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
async function writeReport(trx: Trx, plan: ReportPlan) {
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

interface ClearancePlan {
  key: string;
  officerId: number;
  requestedBy: number;
  requestedAt: Date;
  decidedAt: Date | null;
  comment?: string;
}

/** Clearances of the report as it now stands, so that a cleared one is not stale. */
async function writeClearances(
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

const at = (date: string, time: string) => londonToInstant(date, time);

interface MeetingPlan {
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

async function writeMeeting(trx: Trx, plan: MeetingPlan) {
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

const OPENING_ITEMS = [
  { title: 'Apologies for absence' },
  { title: 'Declarations of interest' },
  { title: 'Minutes of the previous meeting' },
];
const TOWN_HALL = 'Council Chamber, Town Hall';
const COMMITTEE_ROOM = 'Committee Room 2, Town Hall';

async function members(trx: Trx, organisationId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('memberships')
    .select('person_id')
    .where('organisation_id', '=', organisationId)
    .where('end_date', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** Write the demo reports and meetings; call it in the demo council's transaction, after the code. */
export async function writeDemoReports(trx: Trx, accounts: DemoAccount[]): Promise<void> {
  const city = await trx
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'demo-city')
    .executeTakeFirstOrThrow();
  await writeDefaultImplicationTypes(trx, city.id);
  await trx
    .insertInto('house_style_words')
    .values(HOUSE_STYLE_WORDS.map((w) => ({ authority_id: city.id, ...w })))
    .execute();
  const people = await findPeople(trx, city.id, accounts);
  const organisation = (where: 'council' | 'audit-and-standards') =>
    trx
      .selectFrom('organisations')
      .select('id')
      .where('authority_id', '=', city.id)
      .$call((q) =>
        where === 'council'
          ? q.where('classification', '=', 'council')
          : q.where('committee_type', '=', 'audit-and-standards'),
      )
      .executeTakeFirstOrThrow();
  const standards = (await organisation('audit-and-standards')).id;
  const council = (await organisation('council')).id;
  const versions = await trx
    .selectFrom('code_versions')
    .select(['id', 'number'])
    .where('authority_id', '=', city.id)
    .execute();
  const versionId = (n: number) => {
    const found = versions.find((v) => v.number === n);
    if (!found) throw new Error(`The demo code has no version ${n}`);
    return found.id;
  };
  const authors = [
    { personId: people.mo.id, name: people.mo.name },
    { personId: people.memberDevelopment.id, name: people.memberDevelopment.name },
  ];

  await writeAdoption(trx, { cityId: city.id, standards, council, people, authors, versionId });
  await writeCurrentDraft(trx, { cityId: city.id, standards, council, people, authors, versionId });
}

interface Context {
  cityId: number;
  standards: number;
  council: number;
  people: People;
  authors: { personId: number; name: string }[];
  versionId: (n: number) => number;
}

/** 2021: the committee agreed version 2 and full Council adopted it. */
async function writeAdoption(trx: Trx, c: Context): Promise<void> {
  const { people } = c;
  const report = await writeReport(trx, {
    authorityId: c.cityId,
    committeeId: c.standards,
    text: ADOPTION_REPORT,
    reportDate: '2021-03-25',
    publishedAt: at('2021-03-17', '10:00'),
    authors: c.authors,
    codeVersionId: c.versionId(2),
    createdBy: people.mo.id,
    createdAt: at('2021-03-01', '09:30'),
  });
  const cleared = (key: string, officerId: number, day: string): ClearancePlan => ({
    key,
    officerId,
    requestedBy: people.mo.id,
    requestedAt: at('2021-03-08', '09:00'),
    decidedAt: at(day, '15:00'),
  });
  await writeClearances(trx, report.reportId, report.implicationIds, [
    cleared('financial', people.chiefFinanceOfficer, '2021-03-10'),
    cleared('legal', people.solicitor, '2021-03-09'),
    cleared('equality', people.equality, '2021-03-11'),
  ]);

  const committee = await writeMeeting(trx, {
    organisationId: c.standards,
    date: '2021-03-25',
    time: '18:30',
    venue: COMMITTEE_ROOM,
    held: true,
    agendaPublishedAt: at('2021-03-17', '10:00'),
    minutesPublishedAt: at('2021-04-01', '12:00'),
    createdBy: people.democraticServices,
    items: [
      ...OPENING_ITEMS,
      { title: 'Public questions and petitions' },
      { title: 'Complaints about members: quarterly update' },
      { title: 'Internal audit progress report' },
      { title: ADOPTION_REPORT.title, reportId: report.reportId },
      { title: 'Work programme' },
    ],
  });
  const reportItem = committee.itemIds[6]!;
  const agreed = await trx
    .insertInto('resolutions')
    .values(
      report.recommendationIds.map((recommendationId) => ({
        agenda_item_id: reportItem,
        recommendation_id: recommendationId,
        outcome: 'agreed' as const,
        minute_reference: 'ASC 25/03/21 item 7',
        recorded_by: people.democraticServices,
        recorded_at: at('2021-03-26', '11:00'),
      })),
    )
    .returning(['id', 'recommendation_id'])
    .execute();
  const seated = await members(trx, c.standards);
  await trx
    .insertInto('meeting_attendance')
    .values(
      seated.map((personId, index) => ({
        meeting_id: committee.meetingId,
        person_id: personId,
        status: index === 4 ? ('apologies' as const) : ('present' as const),
      })),
    )
    .execute();
  const declarer = seated[3];
  if (declarer !== undefined) {
    await trx
      .insertInto('meeting_declarations')
      .values({
        meeting_id: committee.meetingId,
        agenda_item_id: reportItem,
        person_id: declarer,
        declaration:
          'Declared an other registrable interest in item 7 as a trustee of a local charity that runs training for community groups; took part in the discussion and the vote, as the item did not affect the charity.',
        recorded_by: people.democraticServices,
        recorded_at: at('2021-03-25', '18:35'),
      })
      .execute();
  }

  const full = await writeMeeting(trx, {
    organisationId: c.council,
    date: '2021-05-19',
    time: '14:00',
    venue: TOWN_HALL,
    held: true,
    agendaPublishedAt: at('2021-05-11', '10:00'),
    minutesPublishedAt: at('2021-05-27', '12:00'),
    createdBy: people.democraticServices,
    items: [
      { title: 'Election of the Lord Mayor' },
      ...OPENING_ITEMS,
      { title: "Lord Mayor's announcements" },
      { title: 'Appointments to committees' },
      { title: "Members' Code of Conduct 2021", reportId: report.reportId },
    ],
  });
  const recommendation1 = report.recommendationIds[0]!;
  const adopted = await trx
    .insertInto('resolutions')
    .values({
      agenda_item_id: full.itemIds[6]!,
      recommendation_id: recommendation1,
      outcome: 'agreed',
      minute_reference: 'Council 19/05/21 minute 12',
      recorded_by: people.democraticServices,
      recorded_at: at('2021-05-20', '10:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const councillors = await members(trx, c.council);
  await trx
    .insertInto('meeting_attendance')
    .values(
      councillors.map((personId, index) => ({
        meeting_id: full.meetingId,
        person_id: personId,
        status: index % 17 === 5 ? ('apologies' as const) : ('present' as const),
      })),
    )
    .execute();
  const agreedOn1 = agreed.find((r) => r.recommendation_id === recommendation1)!;
  await trx
    .updateTable('code_versions')
    .set({ agreed_resolution_id: agreedOn1.id, adopted_resolution_id: adopted.id })
    .where('id', '=', c.versionId(2))
    .execute();
}

/** The draft for the committee's December 2026 meeting, and the meetings ahead. */
async function writeCurrentDraft(trx: Trx, c: Context): Promise<void> {
  const { people } = c;
  const report = await writeReport(trx, {
    authorityId: c.cityId,
    committeeId: c.standards,
    text: DRAFT_REPORT,
    reportDate: '2026-12-17',
    publishedAt: null,
    authors: c.authors,
    codeVersionId: c.versionId(3),
    createdBy: people.mo.id,
    createdAt: at('2026-11-09', '09:30'),
  });
  await writeClearances(trx, report.reportId, report.implicationIds, [
    {
      key: 'equality',
      officerId: people.equality,
      requestedBy: people.mo.id,
      requestedAt: at('2026-11-16', '10:00'),
      decidedAt: at('2026-11-18', '14:30'),
      comment: 'Content that the sessions are offered both in person and online.',
    },
    {
      key: 'financial',
      officerId: people.officer,
      requestedBy: people.mo.id,
      requestedAt: at('2026-11-19', '09:15'),
      decidedAt: null,
    },
    {
      key: 'legal',
      officerId: people.solicitor,
      requestedBy: people.mo.id,
      requestedAt: at('2026-11-19', '09:20'),
      decidedAt: null,
    },
  ]);
  await writeMeeting(trx, {
    organisationId: c.standards,
    date: '2026-12-17',
    time: '18:30',
    venue: COMMITTEE_ROOM,
    held: false,
    agendaPublishedAt: null,
    minutesPublishedAt: null,
    createdBy: people.democraticServices,
    items: [
      ...OPENING_ITEMS,
      { title: 'Complaints about members: quarterly update' },
      { title: DRAFT_REPORT.title, reportId: report.reportId },
      { title: 'Work programme' },
    ],
  });
  await writeMeeting(trx, {
    organisationId: c.council,
    date: '2027-01-20',
    time: '14:00',
    venue: TOWN_HALL,
    held: false,
    agendaPublishedAt: null,
    minutesPublishedAt: null,
    createdBy: people.democraticServices,
    items: [...OPENING_ITEMS, { title: "Lord Mayor's announcements" }],
  });
}
