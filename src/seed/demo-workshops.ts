import type { DbOrTrx } from '../db/database.js';
import { linksForAnchors } from '../features/learning/index.js';

/**
 * The demo council's workshop plans (issue 7), written for Probity from the seed workshop
 * outline's shape, not its words: the two two-hour workshops it describes ("Standards and
 * Probity for Elected Members" and "Effective Member/Officer Relations"), a 90-minute code of
 * conduct session for a political group, and a session on local decision making. Each is
 * attached to the demo course whose title is closest, when that course exists. Links to the
 * code are by anchor against the code in force; anchors it lacks are skipped. No audit rows:
 * the demo's one "seeded" event covers it.
 */
interface DemoItem {
  title: string;
  minutes: number;
  notes?: string;
  materials?: string;
}
interface DemoPlan {
  title: string;
  minutes: number;
  purposes: string[];
  agenda: DemoItem[];
  acceptable: string[];
  unacceptable: string[];
  sources: { title: string; publisher: string; url: string | null }[];
  anchors: string[];
  /** the demo course it is attached to, by title */
  course: string | null;
}

const CSPL_2019 = {
  title: 'Local Government Ethical Standards (January 2019)',
  publisher: 'Committee on Standards in Public Life',
  url: 'https://www.gov.uk/government/publications/local-government-ethical-standards-report',
};
const FAILINGS_2020 = {
  title:
    'Addressing cultural and governance failings in local authorities: lessons from recent interventions (June 2020)',
  publisher: 'Ministry of Housing, Communities and Local Government',
  url: 'https://www.gov.uk/government/publications/addressing-cultural-and-governance-failings-in-local-authorities-lessons-from-recent-interventions',
};
const PRINCIPLES = {
  title: 'The Seven Principles of Public Life',
  publisher: 'Committee on Standards in Public Life',
  url: 'https://www.gov.uk/government/publications/the-7-principles-of-public-life',
};
const MODEL_CODE_GUIDANCE = {
  title: 'Guidance on the Local Government Association Model Councillor Code of Conduct',
  publisher: 'Local Government Association',
  url: 'https://www.local.gov.uk/publications/guidance-local-government-association-model-councillor-code-conduct',
};
const PROTOCOL = {
  title: 'Protocol on Member and Officer Relations (part 5 of the constitution)',
  publisher: 'Demo City Council',
  url: null,
};

export const DEMO_WORKSHOPS: DemoPlan[] = [
  {
    title: 'Standards and Probity for Elected Members',
    minutes: 120,
    purposes: [
      'See why the way councillors behave matters to good governance and to public trust',
      'Know what our code asks of each of us, and where the council’s local additions go further',
      'Take lessons from what has gone wrong at other councils',
      'Hear which changes to the standards framework are proposed or under way',
      'Refresh everyone’s grasp of the issues that most often lead to complaints',
    ],
    agenda: [
      { title: 'Welcome and introductions: why we are here', minutes: 10, notes: 'Agree ground rules: views shared in the room stay in the room.', materials: 'Slides 1 to 3; attendance sheet' },
      { title: 'Why conduct matters: governance and public trust', minutes: 15, notes: 'Summarise the Committee on Standards in Public Life’s 2019 review of local government and the June 2020 advice on cultural and governance failings.\nAsk: what did the councils in those reports have in common?', materials: 'Slides 4 to 8' },
      { title: 'What makes high standards hard to keep?', minutes: 10, notes: 'Short discussion in pairs: pressure of time, social media, strong feelings in a ward, party loyalty.' },
      { title: 'The seven principles of public life', minutes: 10, notes: 'One principle per table; each table gives an everyday example of it.', materials: 'Principle cards' },
      { title: 'Our code of conduct, section by section', minutes: 20, notes: 'Walk through the sections on respect, bullying, officers, confidentiality and gifts. Point out the local additions and the £10 gifts threshold.', materials: 'Printed copies of the code in force' },
      { title: 'Sorting examples: acceptable or not?', minutes: 10, notes: 'Read out the examples on this plan and ask the room to sort them.' },
      { title: 'Where members get caught out: social media and other risks', minutes: 10, notes: 'Posting in haste, private accounts that people link to the role, messaging groups that leak.' },
      { title: 'The model code and what may change next', minutes: 10, notes: 'How the council’s code relates to the LGA model code; any national proposals on sanctions.' },
      { title: 'Mini scenarios: applying the code to real situations', minutes: 20, notes: 'Open the scenarios live so members can answer on their phones; show the tally before the model answer.' },
      { title: 'Where to get advice, and close', minutes: 5, notes: 'The Monitoring Officer’s door is open: ask before, not after.', materials: 'Contact card' },
    ],
    acceptable: [
      'Challenging the cabinet’s budget proposals forcefully in a council debate, with evidence.',
      'Asking the Monitoring Officer for advice before deciding whether to speak on an item that touches a family member’s business.',
      'Registering a £15 dinner offered by a local charity within the 28 days.',
    ],
    unacceptable: [
      'Naming a junior officer in a social media post and calling their work incompetent.',
      'Forwarding exempt committee papers to a friend who is bidding for the contract.',
      'Accepting concert tickets from a developer whose planning application is due before committee.',
    ],
    sources: [CSPL_2019, FAILINGS_2020, PRINCIPLES, MODEL_CODE_GUIDANCE],
    anchors: ['para-1-1', 'para-1-3', 'para-1-4', 'para-2-1', 'para-4-1', 'para-5-1', 'para-6-1', 'para-10-1', 'para-10-2'],
    course: null,
  },
  {
    title: 'Effective Member/Officer Relations',
    minutes: 120,
    purposes: [
      'Show why a healthy working relationship between councillors and officers underpins an effective council',
      'Draw lessons from recent reports on councils where that relationship broke down',
      'Be clear who does what: councillors, officers and the statutory officers',
      'Know which rules govern how councillors and officers deal with each other: the code and the council’s protocol',
    ],
    agenda: [
      { title: 'Welcome, and the standards we expect of each other', minutes: 10 },
      { title: 'Why the relationship makes or breaks a council', minutes: 15, notes: 'Ask members for one thing an officer did that helped them, and one that frustrated them.' },
      { title: 'What recent reports found elsewhere', minutes: 15, notes: 'The Committee on Standards in Public Life (2019) and the June 2020 advice on cultural and governance failings: what went wrong between members and officers.', materials: 'Slides 4 to 9' },
      { title: 'Who does what: members and officers', minutes: 15, notes: 'Members set direction and represent residents; officers advise impartially and deliver. Neither instructs the other outside the agreed arrangements.' },
      { title: 'The statutory officers', minutes: 15, notes: 'Head of Paid Service, Monitoring Officer and Chief Finance Officer: what each must do, and why they sometimes have to say no.' },
      { title: 'Working well together day to day', minutes: 15, notes: 'Casework requests, response times, who to contact; raising a concern about an officer with their manager, not in public.' },
      { title: 'Risky ground: social media, elections and politics', minutes: 10, notes: 'Officers’ political neutrality, the pre-election period, and what not to ask of them.' },
      { title: 'Rules that apply: the code and the member/officer protocol', minutes: 10, materials: 'Protocol on Member and Officer Relations; code of conduct section 3' },
      { title: 'Mini scenarios', minutes: 15, notes: 'Use the scenarios on asking an officer to “sort out” a case and on criticising an officer online.' },
    ],
    acceptable: [
      'Asking a director for a briefing on why a resident’s case has been refused, and passing it on to the resident.',
      'Raising a concern about an officer’s handling of a complaint privately with their head of service.',
    ],
    unacceptable: [
      'Telling an officer to “make this problem go away” for a constituent who is a party donor.',
      'Asking an officer to help draft a group’s election leaflet.',
      'Criticising a named officer at a public meeting where they cannot answer back.',
    ],
    sources: [CSPL_2019, FAILINGS_2020, PROTOCOL],
    anchors: ['para-1-2', 'para-2-1', 'para-3-1', 'para-3-2', 'para-7-3'],
    course: 'Members and officers working well together',
  },
  {
    title: 'Our code of conduct: a session for a political group',
    minutes: 90,
    purposes: [
      'Go through the code in force with the group, including the council’s local additions',
      'Practise applying it to situations the group is likely to meet',
      'Agree where members turn for advice before a problem arises',
    ],
    agenda: [
      { title: 'Welcome and how the session will run', minutes: 5, notes: 'Led by the outside trainer with a member peer; the group’s whip introduces.' },
      { title: 'The seven principles and why the code exists', minutes: 10 },
      { title: 'Respect, bullying, officers and confidentiality', minutes: 20, materials: 'Printed code, sections 1 to 4' },
      { title: 'Interests, gifts and hospitality', minutes: 20, notes: 'Registering within 28 days; the £10 threshold; declaring at meetings; offers turned down still count.', materials: 'Register of interests form' },
      { title: 'Mini scenarios in pairs', minutes: 25, notes: 'Three scenarios, live on phones; group discussion of each tally.' },
      { title: 'Advice, complaints and close', minutes: 10, notes: 'How a complaint is handled, and the Independent Person’s role.' },
    ],
    acceptable: [
      'A group agreeing its line on a motion in a private group meeting before the council debate.',
    ],
    unacceptable: [
      'Sharing the confidential part of a committee report in the group’s messaging chat.',
      'Putting pressure on a group colleague who is a witness in a standards investigation.',
    ],
    sources: [MODEL_CODE_GUIDANCE, PRINCIPLES],
    anchors: ['para-1-1', 'para-2-1', 'para-3-1', 'para-4-1', 'para-8-1', 'para-9-1', 'para-10-2', 'para-10-3'],
    course: 'Our code of conduct, for each political group',
  },
  {
    title: 'Deciding locally: making decisions at area committees',
    minutes: 90,
    purposes: [
      'Know what the new area committees may decide, and what stays with the council’s other committees',
      'Understand the different roles of a councillor at full Council, in the ward and in a group',
      'Make decisions that stand up: evidence, reasons and an open mind',
    ],
    agenda: [
      { title: 'Welcome and purpose', minutes: 5 },
      { title: 'What area committees may and may not decide', minutes: 20, materials: 'Terms of reference of the area committees' },
      { title: 'Your roles: at Council, in the ward and in a group', minutes: 15, notes: 'Being an advocate for the ward without deciding before hearing the evidence.' },
      { title: 'Making a sound decision', minutes: 20, notes: 'Relevant considerations, giving reasons, predetermination and bias, when to take legal advice.' },
      { title: 'Interests at a meeting: declaring and stepping out', minutes: 15, materials: 'Code of conduct appendix B' },
      { title: 'Scenarios and questions', minutes: 15 },
    ],
    acceptable: [
      'Campaigning for a new crossing in the ward, then hearing the officers’ report with an open mind before voting.',
    ],
    unacceptable: [
      'Telling residents before the meeting that you will vote against a grant whatever the report says.',
      'Voting on a grant to a club of which you are the treasurer.',
    ],
    sources: [CSPL_2019, MODEL_CODE_GUIDANCE],
    anchors: ['para-5-1', 'para-6-1', 'para-9-1'],
    course: 'Deciding locally: the new area committees',
  },
]; // prettier-ignore

/** Write the demo plans for the council, attach them to the closest demo courses, link the code. */
export async function seedDemoWorkshops(db: DbOrTrx, authorityId: number): Promise<void> {
  for (const plan of DEMO_WORKSHOPS) {
    const { id } = await db
      .insertInto('workshop_plans')
      .values({
        authority_id: authorityId,
        title: plan.title,
        purposes: plan.purposes.join('\n'),
        duration_minutes: plan.minutes,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('workshop_agenda_items')
      .values(
        plan.agenda.map((item, position) => ({
          plan_id: id,
          position,
          title: item.title,
          minutes: item.minutes,
          facilitator_notes: item.notes ?? '',
          materials: item.materials ?? '',
        })),
      )
      .execute();
    const examples = [
      ...plan.acceptable.map((text) => ({ kind: 'acceptable' as const, text })),
      ...plan.unacceptable.map((text) => ({ kind: 'unacceptable' as const, text })),
    ];
    await db
      .insertInto('workshop_examples')
      .values(examples.map((e, position) => ({ ...e, plan_id: id, position })))
      .execute();
    await db
      .insertInto('workshop_sources')
      .values(plan.sources.map((s, position) => ({ ...s, plan_id: id, position })))
      .execute();
    const { links } = await linksForAnchors(db, authorityId, plan.anchors);
    if (links.length > 0)
      await db
        .insertInto('workshop_paragraphs')
        .values(links.map((l) => ({ ...l, plan_id: id })))
        .execute();
    if (plan.course)
      await db
        .updateTable('courses')
        .set({ workshop_plan_id: id })
        .where('title', '=', plan.course)
        .where('programme_id', 'in', (eb) =>
          eb.selectFrom('programmes').select('id').where('authority_id', '=', authorityId),
        )
        .execute();
  }
}
