import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import { todayInEngland } from '../db/current.js';
import { londonToInstant } from '../features/meetings/index.js';
import {
  clearanceSnapshot,
  loadReportDocument,
  numberReportItems,
  snapshotDigest,
  type ReportItemDraft,
} from '../features/reports/index.js';
import { topUpLargeCouncil } from './top-up.js';
import { writeDefaultImplicationTypes } from './demo-report-rows.js';
import { LARGE_ACCOUNTS } from './large.js';

/**
 * The benchmark council's committee reports and meetings: the default checklist, one draft
 * report of 60 numbered paragraphs (every implication answered; the financial and legal ones
 * cleared of the report as it stands, the equality one waiting for an officer) for the
 * report and readiness pages, and a few meetings of the Audit and Standards Committee and of
 * full Council around today, the next committee meeting with the draft on its agenda.
 */

export const LARGE_REPORT_TITLE = 'Annual report on standards of conduct and the code of conduct';

const TOPICS = [
  'the register of members’ interests',
  'gifts and hospitality',
  'the complaints procedure',
  'training for members',
  'the Independent Persons',
  'the parish and town councils in the area',
  'the use of social media by members',
  'dispensations granted to members',
  'the Standards Hearing Sub-Committee',
  'working relationships between members and officers',
  'declarations of interest at meetings',
  'the annual governance statement',
] as const;

const FORMS: readonly ((topic: string, n: number) => string)[] = [
  (t, n) =>
    `During the year the Monitoring Officer looked again at ${t} and found the arrangements working as intended; ${n} matters were raised and each was settled without a hearing.`,
  (t, n) =>
    `Members asked for clearer guidance on ${t}. A short note was issued in month ${1 + (n % 12)} and will be brought up to date when the code is next reviewed.`,
  (t, n) =>
    `The committee received ${n} updates on ${t} over the year, and the questions raised at those meetings are answered in the appendix to this report.`,
  (t) =>
    `Officers compared the council’s approach to ${t} with that of neighbouring councils and found it broadly the same, with a few local requirements that members have chosen to keep.`,
  (t, n) =>
    `Where ${t} raised a question of interpretation, the Monitoring Officer gave written advice; ${n} pieces of advice were given, none of which was challenged.`,
  (t) =>
    `The Independent Persons were consulted on ${t} and their views are reflected in the proposals in section 5 of this report.`,
];

const SECTIONS: readonly { heading: string; paragraphs: number; subs?: number }[] = [
  { heading: 'INTRODUCTION', paragraphs: 3 },
  { heading: 'BACKGROUND', paragraphs: 6 },
  { heading: 'COMPLAINTS ABOUT MEMBERS', paragraphs: 3, subs: 5 },
  { heading: 'REGISTERS, GIFTS AND DECLARATIONS', paragraphs: 4, subs: 3 },
  { heading: 'PROPOSALS FOR THE YEAR AHEAD', paragraphs: 14 },
];

export const LARGE_RECOMMENDATIONS = [
  'The committee is asked to note the annual report on standards of conduct.',
  "The committee is asked to agree that the Members' Code of Conduct 2021 remains in force without change for a further year.",
  'The committee is asked to agree the programme of training for members set out in section 5.',
] as const;

/** 60 numbered paragraphs and sub-paragraphs: 57 under five sections, then 3 recommendations. */
export function largeReportBody(): ReportItemDraft[] {
  const items: ReportItemDraft[] = [];
  let n = 0;
  const paragraph = (depth: 1 | 2) => {
    const topic = TOPICS[n % TOPICS.length]!;
    const form = FORMS[Math.floor(n / TOPICS.length) % FORMS.length]!;
    items.push({ depth, heading: null, body: form(topic, 2 + ((n * 7) % 11)) });
    n += 1;
  };
  for (const s of SECTIONS) {
    items.push({ depth: 0, heading: s.heading, body: null });
    for (let p = 0; p < s.paragraphs; p += 1) {
      paragraph(1);
      for (let k = 0; k < (s.subs ?? 0); k += 1) paragraph(2);
    }
  }
  items.push({ depth: 0, heading: 'RECOMMENDATIONS', body: null });
  for (const text of LARGE_RECOMMENDATIONS) items.push({ depth: 1, heading: null, body: text });
  return items;
}

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const STATEMENTS: Record<string, { answer: 'yes' | 'no'; statement: string }> = {
  financial: {
    answer: 'no',
    statement: 'The training programme is met from the member development budget.',
  },
  legal: {
    answer: 'yes',
    statement:
      'The council must promote and maintain high standards of conduct by its members and keep a code of conduct (Localism Act 2011, sections 27 and 28).',
  },
  equality: {
    answer: 'no',
    statement: 'Training will be offered at different times and online.',
  },
};

export interface LargeReportsResult {
  reports: number;
  paragraphs: number;
  meetings: number;
}

/** Write the reports and meetings of `principalId` (the large council), in the caller's transaction. */
export async function writeLargeReports(
  trx: Trx,
  principalId: number,
): Promise<LargeReportsResult> {
  const today = todayInEngland();
  const person = async (where: 'mo' | 'deputy' | 'cfo') => {
    const query = trx
      .selectFrom('people')
      .select(['id', 'given_name', 'family_name'])
      .where('authority_id', '=', principalId)
      .where('kind', '=', 'officer');
    const found = await (
      where === 'mo'
        ? query.where('email', '=', LARGE_ACCOUNTS.monitoringOfficer)
        : query.where(
            sql<boolean>`${where === 'cfo' ? 'chief-finance-officer' : 'deputy-monitoring-officer'} = any(statutory_roles)`,
          )
    )
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { id: found.id, name: `${found.given_name} ${found.family_name}` };
  };
  const [mo, deputy, cfo] = [await person('mo'), await person('deputy'), await person('cfo')];
  const organisation = (classification: 'council' | 'committee') =>
    trx
      .selectFrom('organisations')
      .select('id')
      .where('authority_id', '=', principalId)
      .where('classification', '=', classification)
      .$call((q) =>
        classification === 'committee' ? q.where('committee_type', '=', 'audit-and-standards') : q,
      )
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
  const standards = (await organisation('committee')).id;
  const council = (await organisation('council')).id;

  await writeDefaultImplicationTypes(trx, principalId);
  const types = await trx
    .selectFrom('implication_types')
    .select(['id', 'key'])
    .where('authority_id', '=', principalId)
    .where('retired_on', 'is', null)
    .execute();

  const meetingDay = plusDays(today, 24);
  const report = await trx
    .insertInto('reports')
    .values({
      authority_id: principalId,
      committee_id: standards,
      title: LARGE_REPORT_TITLE,
      report_of: 'Monitoring Officer',
      report_date: meetingDay,
      summary:
        'Reports on standards of conduct over the last year, the complaints received and how they were dealt with, and proposes training for members for the year ahead.',
      background_papers: 'None',
      areas_affected: 'All',
      created_by: mo.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('report_authors')
    .values([
      { report_id: report.id, position: 0, person_id: mo.id, name: mo.name },
      { report_id: report.id, position: 1, person_id: deputy.id, name: deputy.name },
    ])
    .execute();
  await trx
    .insertInto('report_recommendations')
    .values(
      LARGE_RECOMMENDATIONS.map((text, position) => ({
        report_id: report.id,
        position,
        text,
      })),
    )
    .execute();
  const numbered = numberReportItems(largeReportBody());
  if (!numbered.ok) throw new Error('The large report cannot be numbered');
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
  const implications = await trx
    .insertInto('report_implications')
    .values(
      types.map((t) => ({
        report_id: report.id,
        implication_type_id: t.id,
        answer: STATEMENTS[t.key]?.answer ?? 'no',
        statement: STATEMENTS[t.key]?.statement ?? '',
      })),
    )
    .returning(['id', 'implication_type_id'])
    .execute();
  const implicationOf = (key: string) => {
    const type = types.find((t) => t.key === key);
    const found = implications.find((i) => i.implication_type_id === type?.id);
    if (!found) throw new Error(`The large report has no ${key} implication`);
    return found.id;
  };
  const doc = await loadReportDocument(trx, report.id);
  if (!doc) throw new Error('The large report went missing');
  const requestedAt = londonToInstant(plusDays(today, -6), '09:00');
  await trx
    .insertInto('clearances')
    .values(
      (
        [
          ['financial', cfo.id, londonToInstant(plusDays(today, -4), '11:00')],
          ['legal', deputy.id, londonToInstant(plusDays(today, -3), '16:00')],
          ['equality', deputy.id, null],
        ] as const
      ).map(([key, officerId, decidedAt]) => {
        const snapshot = clearanceSnapshot(doc, implicationOf(key))!;
        return {
          report_implication_id: implicationOf(key),
          officer_id: officerId,
          requested_by: mo.id,
          requested_at: requestedAt,
          status: decidedAt ? ('cleared' as const) : ('pending' as const),
          decided_at: decidedAt,
          snapshot: JSON.stringify(snapshot),
          snapshot_digest: snapshotDigest(snapshot),
        };
      }),
    )
    .execute();

  const meetings = await writeLargeMeetings(trx, { today, standards, council, reportId: report.id, createdBy: mo.id }); // prettier-ignore
  return {
    reports: 1,
    paragraphs: numbered.items.filter((i) => i.depth > 0).length,
    meetings,
  };
}

/** Quarterly committee meetings over the last year and a half, two Councils, and two ahead. */
async function writeLargeMeetings(
  trx: Trx,
  m: { today: string; standards: number; council: number; reportId: number; createdBy: number },
): Promise<number> {
  const plans = [
    ...[540, 450, 360, 270, 180, 90].map((ago) => ({ organisation: m.standards, days: -ago })),
    ...[300, 120].map((ago) => ({ organisation: m.council, days: -ago })),
    { organisation: m.standards, days: 24 },
    { organisation: m.council, days: 58 },
  ];
  for (const plan of plans) {
    const day = plusDays(m.today, plan.days);
    const held = plan.days < 0;
    const meeting = await trx
      .insertInto('meetings')
      .values({
        organisation_id: plan.organisation,
        starts_at: londonToInstant(day, plan.organisation === m.council ? '14:00' : '18:30'),
        venue: plan.organisation === m.council ? 'Council Chamber' : 'Committee Room 1',
        status: held ? 'held' : 'scheduled',
        agenda_published_at: held ? londonToInstant(plusDays(day, -8), '10:00') : null,
        minutes_published_at: held ? londonToInstant(plusDays(day, 7), '12:00') : null,
        created_by: m.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const titles = [
      'Apologies for absence',
      'Declarations of interest',
      'Minutes of the previous meeting',
      plan.organisation === m.council ? 'Leader’s report' : 'Complaints about members',
      'Work programme',
    ];
    await trx
      .insertInto('agenda_items')
      .values([
        ...titles.map((title, position) => ({ meeting_id: meeting.id, position, title })),
        ...(plan.days === 24
          ? [
              {
                meeting_id: meeting.id,
                position: titles.length,
                title: LARGE_REPORT_TITLE,
                report_id: m.reportId,
              },
            ]
          : []),
      ]) // prettier-ignore
      .execute();
  }
  return plans.length;
}

/**
 * Add the reports and meetings to a large dataset generated before they existed (the benchmark
 * keeps its data between runs). Does nothing if the council `slug` is missing or already has a
 * report, so it is safe to call on every run.
 */
export async function ensureLargeReports(
  db: Db,
  slug: string,
): Promise<{ added: false } | ({ added: true } & LargeReportsResult)> {
  return topUpLargeCouncil(db, slug, {
    table: 'reports',
    action: 'reports-added',
    write: writeLargeReports,
  });
}
