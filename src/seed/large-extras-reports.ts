import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Trx } from '../db/database.js';
import { londonParts, londonToInstant } from '../features/meetings/index.js';
import {
  clearanceSnapshot,
  loadReportDocument,
  numberReportItems,
  snapshotDigest,
  type ClearanceSnapshot,
  type ReportItemDraft,
} from '../features/reports/index.js';
import { LARGE_ACCOUNTS } from './large.js';

/**
 * What the large council needs, beyond what it was generated with, for the benchmark to load
 * every reports page: written in the caller's transaction.
 *
 * - Last year's annual standards report, published on the agenda of the Audit and Standards
 *   Committee meeting about a year ago (the fourth most recent held one): 18 numbered
 *   paragraphs, three recommendations, every implication answered, the financial and equality
 *   ones cleared at the first asking; the legal one returned with a comment, the paragraph it
 *   asked about reworded, then cleared (so the returned request has changes to show).
 *   Appendix A is the code of conduct in force; Appendix B a one-page PDF of the complaints
 *   received in the year.
 * - At that meeting: attendance of the committee's members on the day, two declarations of
 *   interest (one on the report's item), and a resolution on each recommendation (the second
 *   agreed as amended).
 * - Four words in the council's house-style list, none of which the draft report uses (its
 *   readiness check must still find only the pending clearance).
 */

/** The start of the title of last year's report; the year it covers follows. */
export const EARLIER_REPORT_TITLE_START = 'Annual report on standards of conduct, ';

/** The year to 31 March before the meeting, as a council writes it: "2024/25". */
function yearCovered(meetingDate: string): string {
  const [year, month] = meetingDate.split('-').map(Number) as [number, number];
  const ends = month >= 4 ? year : year - 1;
  return `${ends - 1}/${String(ends).slice(2)}`;
}

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const section = (heading: string): ReportItemDraft => ({ depth: 0, heading, body: null });
const para = (body: string): ReportItemDraft => ({ depth: 1, heading: null, body });
const sub = (body: string): ReportItemDraft => ({ depth: 2, heading: null, body });

/** The paragraph the Legal Services Manager asked to be reworded, before and after. */
const HEARINGS_BEFORE =
  'Two complaints were referred for investigation. One investigation found no breach of the code; the other is still open and will be reported to the Standards Hearing Sub-Committee.';
const HEARINGS_AFTER =
  'Two complaints were referred for investigation. One investigation found no breach of the code. The other is still open: the investigator’s report will go to the Standards Hearing Sub-Committee, which will hear it in public unless the law allows it to be heard in private, and the councillor concerned will be named only if a breach is found.';

const RECOMMENDATIONS = [
  'The committee is asked to note the annual report on standards of conduct.',
  'The committee is asked to agree that the Members’ Code of Conduct in force, at Appendix A, remains in force without change for a further year.',
  'The committee is asked to ask the Monitoring Officer to bring a guide on the use of social media by members to its next meeting.',
] as const;

function earlierBody(year: string): ReportItemDraft[] {
  return [
    section('INTRODUCTION'),
    para(
      `This is the Monitoring Officer’s annual report to the committee on standards of conduct among the members of the council and of the parish and town councils in its area for ${year}.`,
    ),
    para(
      'The council must promote and maintain high standards of conduct by its members. This report tells the committee how that duty was carried out during the year and what is proposed for the year ahead.',
    ),
    section('COMPLAINTS ABOUT MEMBERS'),
    para(
      'Twenty-three complaints were received during the year, four fewer than the year before. Fourteen were about parish or town councillors and nine about members of this council.',
    ),
    sub(
      'Eleven complaints were closed at the first assessment because, even if what was alleged were true, it would not be a breach of the code.',
    ),
    sub(
      'Eight were resolved informally, most often by an apology or by the member attending a training session.',
    ),
    sub(HEARINGS_BEFORE),
    sub('Two complaints were withdrawn by the people who made them.'),
    para(
      'A breakdown of the complaints by council and by outcome is at Appendix B. The average time from receipt to a decision on assessment was 19 working days, against a target of 20.',
    ),
    section('REGISTERS OF INTERESTS, GIFTS AND HOSPITALITY'),
    para(
      'Every member of this council has a complete register of interests. The registers are published on the council’s website, with home addresses left out where a member has asked for that on grounds of safety.',
    ),
    para(
      'Forty-one gifts and offers of hospitality were registered, most of them invitations to civic and community events. None was declined on the Monitoring Officer’s advice.',
    ),
    para(
      'Three dispensations were granted to allow members with an interest to take part in the setting of the council tax, as in previous years.',
    ),
    section('TRAINING AND ADVICE'),
    para(
      'Forty-eight of the council’s members attended the code of conduct workshop, and most of the rest completed the online module instead. Training was also offered to parish and town councils in four areas.',
    ),
    para(
      'The Monitoring Officer and the deputy gave written advice on 62 occasions, mostly about declaring interests at meetings and about the use of social media.',
    ),
    section('THE YEAR AHEAD'),
    para(
      'The Members’ Code of Conduct in force, attached as Appendix A, has worked well, and no change to it is proposed this year.',
    ),
    para(
      'Officers will bring a short guide to the use of social media by members to the committee’s next meeting, and will review the complaints procedure once the outstanding investigation has finished.',
    ),
    section('RECOMMENDATIONS'),
    ...RECOMMENDATIONS.map(para),
  ];
}

const AMENDED_SECOND =
  'The committee agrees that the Members’ Code of Conduct in force, at Appendix A, remains in force without change for a further year, and asks that it be reviewed again in the light of any new model code.';

const STATEMENTS: Record<string, { answer: 'yes' | 'no'; statement: string }> = {
  financial: {
    answer: 'no',
    statement:
      'There are no financial implications. Investigations and training are met from existing budgets.',
  },
  legal: {
    answer: 'yes',
    statement:
      'The council must promote and maintain high standards of conduct and have arrangements for dealing with complaints (Localism Act 2011, sections 27 and 28).',
  },
  equality: {
    answer: 'no',
    statement:
      'None arising from this report. The complaints procedure is available in other formats on request.',
  },
};

/** The legal statement as it was first sent for clearance, before the comment. */
const LEGAL_BEFORE =
  'The council must promote and maintain high standards of conduct (Localism Act 2011, section 27).';

type Attendance = 'present' | 'apologies' | 'absent';

const HOUSE_STYLE = [
  { pattern: 'Cllr', advice: 'Write “Councillor” in full in a committee report.' },
  { pattern: 'going forward', advice: 'Say when: “from April”, “in future”, or leave it out.' },
  { pattern: 'utilise', advice: 'Write “use”.' },
  { pattern: 'stakeholders', advice: 'Say who: residents, parish councils, partners.' },
] as const;

/**
 * A small, valid, one-page PDF: a table of the complaints received, as lines of text. The
 * cross-reference table's offsets are counted, so a reader opens it without repairing it.
 */
export function complaintsPdf(year: string): Buffer {
  const lines = [
    `Appendix B: complaints about members received in ${year}`,
    '',
    'Council                     Received  No further action  Informal  Investigated  Withdrawn',
    'This council                       9                  4         3             1          1',
    'Parish and town councils          14                  7         5             1          1',
    'Total                             23                 11         8             2          2',
  ];
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = ['BT /F1 10 Tf 12 TL 56 760 Td', ...lines.map((l) => `(${escape(l)}) '`), 'ET'].join(
    '\n',
  );
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export async function writeLargeReportsExtras(
  trx: Trx,
  principalId: number,
): Promise<Record<string, number>> {
  const officer = async (where: 'mo' | 'deputy' | 'cfo') => {
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
  const [mo, deputy, cfo] = [await officer('mo'), await officer('deputy'), await officer('cfo')];

  const standards = await trx
    .selectFrom('organisations')
    .select('id')
    .where('authority_id', '=', principalId)
    .where('committee_type', '=', 'audit-and-standards')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  // About a year ago: the fourth most recent of the committee's held meetings (one a quarter).
  const meeting = await trx
    .selectFrom('meetings')
    .select(['id', 'starts_at', 'agenda_published_at'])
    .where('organisation_id', '=', standards.id)
    .where('status', '=', 'held')
    .where('agenda_published_at', 'is not', null)
    .where('minutes_published_at', 'is not', null)
    .orderBy('starts_at', 'desc')
    .offset(3)
    .limit(1)
    .executeTakeFirst();
  if (!meeting) throw new Error('The large council has no held committee meeting a year ago');
  const day = londonParts(new Date(meeting.starts_at)).date;
  const year = yearCovered(day);
  const at = (days: number, time: string) => londonToInstant(plusDays(day, days), time);

  // The report, as it was first written.
  const report = await trx
    .insertInto('reports')
    .values({
      authority_id: principalId,
      committee_id: standards.id,
      title: `${EARLIER_REPORT_TITLE_START}${year}`,
      report_of: 'Monitoring Officer',
      report_date: day,
      summary: `Reports on standards of conduct in ${year}: the complaints received about members and how they were dealt with, the registers of interests, gifts and hospitality, and the training and advice given.`,
      background_papers:
        'Complaints log and registers of interests, held by the Monitoring Officer',
      areas_affected: 'All',
      status: 'published',
      published_at: meeting.agenda_published_at,
      created_by: mo.id,
      created_at: at(-42, '09:30'),
      updated_at: meeting.agenda_published_at!,
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
  const recommendations = await trx
    .insertInto('report_recommendations')
    .values(RECOMMENDATIONS.map((text, position) => ({ report_id: report.id, position, text })))
    .returning(['id', 'position'])
    .execute();
  recommendations.sort((a, b) => a.position - b.position);
  const numbered = numberReportItems(earlierBody(year));
  if (!numbered.ok) throw new Error('Last year’s standards report cannot be numbered');
  const items = await trx
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
    .returning(['id', 'body'])
    .execute();
  const types = await trx
    .selectFrom('implication_types')
    .select(['id', 'key'])
    .where('authority_id', '=', principalId)
    .where('retired_on', 'is', null)
    .execute();
  const implications = await trx
    .insertInto('report_implications')
    .values(
      types.map((t) => ({
        report_id: report.id,
        implication_type_id: t.id,
        answer: STATEMENTS[t.key]?.answer ?? 'no',
        statement: t.key === 'legal' ? LEGAL_BEFORE : (STATEMENTS[t.key]?.statement ?? ''),
      })),
    )
    .returning(['id', 'implication_type_id'])
    .execute();
  const implicationOf = (key: string) => {
    const type = types.find((t) => t.key === key);
    const found = implications.find((i) => i.implication_type_id === type?.id);
    if (!found) throw new Error(`Last year’s standards report has no ${key} implication`);
    return found.id;
  };
  const snapshotOf = async (key: string): Promise<ClearanceSnapshot> => {
    const doc = await loadReportDocument(trx, report.id);
    const snapshot = doc && clearanceSnapshot(doc, implicationOf(key));
    if (!snapshot) throw new Error(`Last year’s standards report has no ${key} implication`);
    return snapshot;
  };
  const clearance = (
    key: string,
    officerId: number,
    snapshot: ClearanceSnapshot,
    request: Date,
    decision: { status: 'cleared' | 'returned'; at: Date; comment?: string },
  ) => ({
    report_implication_id: implicationOf(key),
    officer_id: officerId,
    requested_by: mo.id,
    requested_at: request,
    status: decision.status,
    decided_at: decision.at,
    comment: decision.comment ?? null,
    snapshot: JSON.stringify(snapshot),
    snapshot_digest: snapshotDigest(snapshot),
  });

  // The legal clearance, first asked for and returned; then the paragraph and statement changed.
  await trx
    .insertInto('clearances')
    .values(
      clearance('legal', deputy.id, await snapshotOf('legal'), at(-21, '09:00'), {
        status: 'returned',
        at: at(-19, '15:30'),
        comment:
          'Please say how an investigation that is still open will be heard and when the member will be named, and add section 28 to the legal statement.',
      }),
    )
    .execute();
  const hearings = items.find((i) => i.body === HEARINGS_BEFORE);
  if (!hearings) throw new Error('Last year’s standards report lost its hearings paragraph');
  await trx
    .updateTable('report_items')
    .set({ body: HEARINGS_AFTER })
    .where('id', '=', hearings.id)
    .execute();
  await trx
    .updateTable('report_implications')
    .set({ statement: STATEMENTS.legal!.statement })
    .where('id', '=', implicationOf('legal'))
    .execute();
  await trx
    .insertInto('clearances')
    .values([
      clearance('financial', cfo.id, await snapshotOf('financial'), at(-18, '10:00'), {
        status: 'cleared',
        at: at(-17, '11:15'),
      }),
      clearance('legal', deputy.id, await snapshotOf('legal'), at(-18, '10:05'), {
        status: 'cleared',
        at: at(-16, '14:00'),
      }),
      clearance('equality', deputy.id, await snapshotOf('equality'), at(-18, '10:10'), {
        status: 'cleared',
        at: at(-16, '14:10'),
      }),
    ])
    .execute();

  // Appendix A: the code in force; Appendix B: the complaints table, as a PDF.
  const code = await trx
    .selectFrom('code_versions')
    .select('id')
    .where('authority_id', '=', principalId)
    .where('status', '=', 'in-force')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const pdf = complaintsPdf(year);
  const file = await trx
    .insertInto('report_files')
    .values({
      report_id: report.id,
      file_name: 'Complaints about members by council and outcome.pdf',
      media_type: 'application/pdf',
      size_bytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      content: pdf,
      uploaded_by: deputy.id,
      uploaded_at: at(-25, '16:20'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('report_appendices')
    .values([
      ...(code
        ? [
            {
              report_id: report.id,
              position: 1,
              title: 'The Members’ Code of Conduct in force',
              kind: 'code-version' as const,
              code_version_id: code.id,
            },
          ]
        : []),
      {
        report_id: report.id,
        position: code ? 2 : 1,
        title: 'Complaints about members by council and outcome',
        kind: 'file' as const,
        file_id: file.id,
      },
    ])
    .execute();

  // On the meeting's agenda, before the work programme.
  const agenda = await trx
    .selectFrom('agenda_items')
    .select(['id', 'position', 'title'])
    .where('meeting_id', '=', meeting.id)
    .orderBy('position')
    .execute();
  const last = agenda.at(-1);
  const position = last ? last.position : 0;
  if (last) {
    await trx
      .updateTable('agenda_items')
      .set({ position: last.position + 1 })
      .where('id', '=', last.id)
      .execute();
  }
  const item = await trx
    .insertInto('agenda_items')
    .values({
      meeting_id: meeting.id,
      position,
      title: `Annual report on standards of conduct ${year}`,
      report_id: report.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const minute = `ASC ${day.split('-').reverse().join('/')} minute ${position + 1}`;
  const recordedAt = at(1, '11:00');

  // Who was on the committee that day, and who came.
  const members = await trx
    .selectFrom('memberships')
    .select('person_id')
    .distinct()
    .where('organisation_id', '=', standards.id)
    .where('start_date', '<=', day)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]))
    .orderBy('person_id')
    .execute();
  if (members.length > 0) {
    await trx
      .insertInto('meeting_attendance')
      .values(
        members.map((m, index): { meeting_id: number; person_id: number; status: Attendance } => ({
          meeting_id: meeting.id,
          person_id: m.person_id,
          status: index === 1 ? 'apologies' : index === 6 ? 'absent' : 'present',
        })),
      )
      .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doNothing())
      .execute();
  }
  const present = members.filter((_, index) => index !== 1 && index !== 6);
  const declarations = [
    ...(present[2]
      ? [
          {
            meeting_id: meeting.id,
            agenda_item_id: item.id,
            person_id: present[2].person_id,
            declaration:
              'Declared an other registrable interest in this item as a member of a parish council named in Appendix B; took part in the discussion and the vote, as the item makes no decision about that council.',
            recorded_by: mo.id,
            recorded_at: at(0, '18:40'),
          },
        ]
      : []),
    ...(present[4]
      ? [
          {
            meeting_id: meeting.id,
            agenda_item_id: null,
            person_id: present[4].person_id,
            declaration:
              'Declared, for the whole meeting, that a close relative is a town councillor in the area; none of the complaints discussed concerned that councillor, so there was no need to leave the room.',
            recorded_by: mo.id,
            recorded_at: at(0, '18:35'),
          },
        ]
      : []),
  ];
  if (declarations.length > 0) {
    await trx.insertInto('meeting_declarations').values(declarations).execute();
  }
  await trx
    .insertInto('resolutions')
    .values(
      recommendations.map((r) => ({
        agenda_item_id: item.id,
        recommendation_id: r.id,
        outcome: r.position === 1 ? ('agreed-as-amended' as const) : ('agreed' as const),
        amended_text: r.position === 1 ? AMENDED_SECOND : null,
        minute_reference: minute,
        recorded_by: mo.id,
        recorded_at: recordedAt,
      })),
    )
    .execute();

  await trx
    .insertInto('house_style_words')
    .values(HOUSE_STYLE.map((w) => ({ authority_id: principalId, ...w })))
    .onConflict((oc) => oc.columns(['authority_id', 'pattern']).doNothing())
    .execute();

  return {
    'published reports': 1,
    'report appendices': code ? 2 : 1,
    'meeting attendance': members.length,
    'meeting declarations': declarations.length,
    resolutions: recommendations.length,
    'house style words': HOUSE_STYLE.length,
  };
}
