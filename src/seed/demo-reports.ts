import type { Trx } from '../db/database.js';
import type { DemoAccount } from './demo.js';
import { ADOPTION_REPORT, DRAFT_REPORT, HOUSE_STYLE_WORDS } from './demo-reports-text.js';
import {
  at,
  COMMITTEE_ROOM,
  findPeople,
  members,
  OPENING_ITEMS,
  TOWN_HALL,
  writeClearances,
  writeDefaultImplicationTypes,
  writeMeeting,
  writeReport,
  type ClearancePlan,
  type People,
} from './demo-report-rows.js';

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
 *   the one at the top. Appendix A compares the updated code with the one in force; Appendix B
 *   is the draft Member Development Training Programme 2027/28 (appended by demo-training.ts).
 *   So that meeting's agenda is not published; full Council follows in January 2027.
 */

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
  await writeRecentMeetings(trx, { standards, people });
}

/**
 * Meetings the public list shows (a published agenda, held in the last year or coming up): the
 * committee's September 2026 meeting, with its minutes, and the Planning Committee's next one.
 */
async function writeRecentMeetings(
  trx: Trx,
  c: { standards: number; people: People },
): Promise<void> {
  const recorder = c.people.democraticServices;
  const september = await writeMeeting(trx, {
    organisationId: c.standards,
    date: '2026-09-24',
    time: '18:30',
    venue: COMMITTEE_ROOM,
    held: true,
    agendaPublishedAt: at('2026-09-16', '10:00'),
    minutesPublishedAt: at('2026-10-01', '12:00'),
    createdBy: recorder,
    items: [
      ...OPENING_ITEMS,
      { title: 'Complaints about members: quarterly update' },
      { title: 'Annual governance statement 2025/26' },
      { title: 'Internal audit progress report' },
      { title: 'Work programme' },
    ],
  });
  const seated = await members(trx, c.standards);
  await trx
    .insertInto('meeting_attendance')
    .values(
      seated.map((personId, index) => ({
        meeting_id: september.meetingId,
        person_id: personId,
        status: index === 2 ? ('apologies' as const) : ('present' as const),
      })),
    )
    .execute();
  const planning = await trx
    .selectFrom('organisations as o')
    .innerJoin('authorities as a', 'a.id', 'o.authority_id')
    .select('o.id')
    .where('a.slug', '=', 'demo-city')
    .where('o.committee_type', '=', 'planning')
    .executeTakeFirstOrThrow();
  await writeMeeting(trx, {
    organisationId: planning.id,
    date: '2026-12-03',
    time: '14:00',
    venue: TOWN_HALL,
    held: false,
    agendaPublishedAt: at('2026-11-20', '10:00'),
    minutesPublishedAt: null,
    createdBy: recorder,
    items: [
      ...OPENING_ITEMS,
      { title: 'Millrace Wharf: change of use of the former grain store to homes' },
      { title: 'Appeals decided since the last meeting' },
    ],
  });
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
  // Appendix A: the updated code against the code in force. The programme the second
  // recommendation asks the committee to approve is appended (as Appendix B) by the demo's
  // training, which writes the programme after the reports.
  await trx
    .insertInto('report_appendices')
    .values({
      report_id: report.reportId,
      position: 1,
      title: "Updated Members' Code of Conduct, with the changes marked",
      kind: 'code-comparison',
      code_version_id: c.versionId(2),
      compare_version_id: c.versionId(3),
    })
    .execute();
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
