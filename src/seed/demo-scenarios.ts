import type { DbOrTrx } from '../db/database.js';
import type { ScenarioTopic } from '../db/schema.js';
import { linksForAnchors } from '../features/learning/index.js';

/**
 * The demo council's scenario bank (issue 7): fourteen short situations, written for Probity,
 * covering all ten topics, each linked by anchor to the paragraphs of the code in force that it
 * engages (the model-based 2021 code of Demo City Council: see demo-code-text.ts), with choices
 * and feedback, a model answer and an explanation. Two published sets: "Code of conduct
 * essentials", which counts towards the 2026/27 code of conduct course for political groups
 * when the council has it, and "Officers, online and in public". Like the rest of the demo, no
 * audit rows of its own. Does nothing when the council already has scenarios.
 */
interface DemoScenario {
  title: string;
  situation: string;
  topics: ScenarioTopic[];
  acceptable: boolean;
  anchors: string[];
  /** [text, right?, feedback]; none when members answer in their own words */
  choices: [string, boolean, string][];
  modelAnswer: string;
  explanation: string;
}

const SCENARIOS: DemoScenario[] = [
  {
    title: 'A post about a planning officer',
    situation:
      'After the Planning Committee approves a housing scheme she opposed, Councillor Ahmed posts on her public councillor page that the case officer "clearly works for the developer, not for us" and tags the officer by name. Her post is shared two hundred times overnight.',
    topics: ['social-media', 'respect', 'officer-impartiality'],
    acceptable: false,
    anchors: ['para-1-2', 'para-1-4', 'para-3-2'],
    choices: [
      [
        'Delete the post, apologise to the officer and raise any concern about the report with the Head of Planning',
        true,
        'Right: taking the post down quickly limits the harm, and the Head of Planning is the proper route for a concern about an officer’s work.',
      ],
      [
        'Leave the post up but turn off comments',
        false,
        'The accusation stays public and the officer still cannot reply. Switching off comments does not put it right.',
      ],
      [
        'Edit the post to remove the officer’s name but keep the accusation',
        false,
        'Better than nothing, but colleagues and residents will still know who is meant, and the charge of bias remains.',
      ],
    ],
    modelAnswer:
      'Not acceptable. Councillor Ahmed may say she disagrees with the decision, but accusing a named officer of working for the developer attacks someone who cannot answer back in public.',
    explanation:
      'The code expects members to treat staff with respect and to keep the same standards online as face to face, without criticising individual officers by name. Concerns about an officer’s work go to their manager or director under the Protocol on Member and Officer Relations.',
  },
  {
    title: 'A hamper before the planning meeting',
    situation:
      'A week before the Planning Committee decides a large application, the applicant’s managing director leaves a Christmas hamper worth about £60 at Councillor Brooks’s home with a card saying "looking forward to working together". Councillor Brooks sits on the committee.',
    topics: ['gifts', 'interests'],
    acceptable: false,
    anchors: ['para-10-1', 'para-10-2', 'para-10-3'],
    choices: [
      [
        'Return the hamper with a polite note, and tell the Monitoring Officer about the offer straight away',
        true,
        'Right: an applicant with a decision pending is exactly who the code says not to accept anything from, and the offer itself should be recorded.',
      ],
      [
        'Keep it and register it within 28 days',
        false,
        'Registering is required for gifts you may keep, but this one should not be kept at all: it comes from someone with business before the council.',
      ],
      [
        'Keep it but declare it at the committee meeting',
        false,
        'Declaring at the meeting does not cure accepting it. People could reasonably think the gift might sway the decision.',
      ],
    ],
    modelAnswer:
      'Not acceptable to keep. Turn it down, tell the Monitoring Officer about the offer so it goes on the register, and take advice on whether to sit on the application.',
    explanation:
      'Gifts from anyone with business before the council, such as a likely planning applicant, must be refused however small. Significant offers that are declined are still reported, and the demo council registers anything worth £10 or more within 28 days.',
  },
  {
    title: 'Sorting out a constituent’s repair',
    situation:
      'A tenant has waited six weeks for a damp repair. Councillor Carter emails the housing officer: "Sort this out by Friday or I will raise your name at full council." He copies in the tenant.',
    topics: ['officer-impartiality', 'use-of-position', 'respect'],
    acceptable: false,
    anchors: ['para-1-2', 'para-3-2', 'para-6-1'],
    choices: [
      [
        'Ask the housing team, politely, where the case stands and when the tenant can expect the repair, and escalate to the manager if there is no answer',
        true,
        'Right: members can and should champion residents’ cases, through the proper channels and without threats.',
      ],
      [
        'Phone the officer’s director and insist the case goes to the top of the list',
        false,
        'Pushing one constituent ahead of others with the same need is seeking an advantage for them through your position.',
      ],
      [
        'Repeat the threat at full council to show the tenant he means it',
        false,
        'Naming an officer publicly to put pressure on them is disrespectful and breaks the Protocol on Member and Officer Relations.',
      ],
    ],
    modelAnswer:
      'Not acceptable. Chasing the case is right; threatening to name the officer and demanding special treatment is not.',
    explanation:
      'Members raise concerns through managers, not by public threats, and instruct officers only through the council’s agreed arrangements. Using the councillor role to get one resident ahead of others is an improper advantage.',
  },
  {
    title: 'Confidential papers in the group chat',
    situation:
      'Councillor Davies receives an exempt report on the sale of a council depot, marked "not for publication". Wanting advice, he forwards it to his political group’s messaging chat, which includes several party volunteers who are not councillors.',
    topics: ['confidentiality'],
    acceptable: false,
    anchors: ['para-4-1', 'para-4-2'],
    choices: [
      [
        'Ask the volunteers to delete it, tell the Monitoring Officer what happened and discuss the report only with councillors entitled to see it',
        true,
        'Right: owning up quickly lets the council limit the damage, for instance to its negotiating position on the sale.',
      ],
      [
        'Leave it: the volunteers are trusted party members',
        false,
        'Trust does not make them entitled to the information. The sale price and terms could leak to bidders.',
      ],
      [
        'Delete the message for everyone and say nothing',
        false,
        'Deleting helps, but the Monitoring Officer needs to know so the council can judge the risk to the sale.',
      ],
    ],
    modelAnswer:
      'Not acceptable. Exempt papers may be shared only with people entitled to see them. Councillor Davies should seek advice from officers or fellow councillors on the committee.',
    explanation:
      'The code forbids passing on confidential information except in narrow cases (consent, a legal duty, legal advice, or a reasonable disclosure in the public interest). None applies here.',
  },
  {
    title: 'Tough words in the budget debate',
    situation:
      'During the budget debate, opposition Councillor Evans says the cabinet’s plan to close two libraries is "reckless, badly costed and will hurt the poorest wards most". The cabinet member says afterwards that she felt attacked.',
    topics: ['respect', 'elections-and-politics'],
    acceptable: true,
    anchors: ['para-1-3', 'para-5-1'],
    choices: [
      [
        'Nothing needs putting right: robust criticism of a policy is part of the job',
        true,
        'Right: the criticism was of the plan, not of the person, and was made in the chamber where it belongs.',
      ],
      [
        'Apologise publicly for the remarks',
        false,
        'There is nothing to apologise for, though a friendly word afterwards never hurts.',
      ],
      [
        'Withdraw the remarks from the minutes',
        false,
        'Political debate can be sharp. The code protects it as long as it is not personal or abusive.',
      ],
    ],
    modelAnswer:
      'Acceptable. Firm, even harsh, criticism of a policy is legitimate political debate.',
    explanation:
      'The code distinguishes criticism of policies and decisions, which it protects, from personal or abusive attacks, which it does not. Members stay free to disagree openly with the council’s decisions.',
  },
  {
    title: 'Messages to a committee clerk',
    situation:
      'Councillor Foster is unhappy with the minutes of a meeting. Over a fortnight she sends the junior clerk who wrote them eleven messages, several late at night, calling the work "sloppy" and copying in the clerk’s colleagues.',
    topics: ['bullying', 'respect'],
    acceptable: false,
    anchors: ['para-1-2', 'para-2-1', 'para-2-2'],
    choices: [
      [
        'Raise the points about the minutes once, with the clerk’s manager or at the next meeting when the minutes are approved',
        true,
        'Right: minutes are corrected when the committee approves them, and one clear message to the manager is enough.',
      ],
      [
        'Carry on, because the minutes really were wrong',
        false,
        'Being right about the minutes does not justify persistent criticism of a junior member of staff in front of colleagues.',
      ],
      [
        'Send one more message apologising for the tone, copied to everyone',
        false,
        'An apology is a good start, but the pattern of behaviour needs to stop, and the manager should know.',
      ],
    ],
    modelAnswer:
      'Not acceptable. Persistent, belittling criticism of a junior officer, in front of colleagues, is likely to be bullying.',
    explanation:
      'The code bans bullying and gives examples, including insulting remarks about someone’s work and persistent criticism of someone in a weaker position. Whether the minutes were right does not change that.',
  },
  {
    title: 'Leaflets printed at the civic centre',
    situation:
      'Three weeks before the election, Councillor Green prints 500 campaign leaflets on the members’ room printer, using council paper, saying the party will reimburse the cost later.',
    topics: ['elections-and-politics', 'use-of-position'],
    acceptable: false,
    anchors: ['para-7-1', 'para-7-2-b', 'para-7-3'],
    choices: [
      [
        'Stop, tell Democratic Services, pay for what was used and print campaign material elsewhere',
        true,
        'Right: reporting it yourself and putting it right is the best answer once a mistake has been made.',
      ],
      [
        'Carry on: the party will pay',
        false,
        'Paying back later does not make it allowed. Council resources must not be used for election campaigning at all.',
      ],
      [
        'Finish the job but use your own paper',
        false,
        'The printer, the ink and the room are still the council’s.',
      ],
    ],
    modelAnswer:
      'Not acceptable. Council equipment and stationery may never be used for election campaigning, whether or not the cost is repaid.',
    explanation:
      'The code requires members to use council resources only under its rules and not for party political purposes, and specifically not for election campaigning.',
  },
  {
    title: 'A night out in the local paper',
    situation:
      'Refused entry to a bar, Councillor Hughes tells the door staff "do you know who I am? I sit on the licensing committee" and swears at them. A video appears in the local paper the next day.',
    topics: ['disrepute', 'use-of-position'],
    acceptable: false,
    anchors: ['para-5-1', 'para-6-1', 'para-d-5'],
    choices: [
      [
        'Apologise to the door staff, tell the Monitoring Officer and avoid any licensing decision involving the bar',
        true,
        'Right: the apology addresses the harm, and stepping back from the bar’s licensing avoids any appearance of a grudge.',
      ],
      [
        'Say nothing: it was a private night out',
        false,
        'By invoking his role he was presenting himself as a councillor, so the code applies.',
      ],
      [
        'Ask the newspaper to take the video down',
        false,
        'Trying to hide it is likely to make matters worse. Put the behaviour right instead.',
      ],
    ],
    modelAnswer:
      'Not acceptable. By relying on his role he brought the code into a private evening, and the conduct could reasonably be seen as bringing the council into disrepute.',
    explanation:
      'The code applies whenever a member acts, or could reasonably be seen to act, as a councillor. Using the title to try to get special treatment is also a misuse of position.',
  },
  {
    title: 'A sister’s licence application',
    situation:
      'Councillor Iqbal sits on the Licensing Sub-Committee, which will hear an application for a late licence at a restaurant owned by her sister. She has no financial stake in it herself.',
    topics: ['interests'],
    acceptable: false,
    anchors: ['para-9-1', 'para-b-6'],
    choices: [
      [
        'Declare the interest, take no part and ask for a substitute member, taking advice from the Monitoring Officer',
        true,
        'Right: a close relative’s business is affected far more than most residents’, so she should not decide the application.',
      ],
      [
        'Take part, since she has no money in the restaurant',
        false,
        'The code also covers matters affecting a relative’s finances or wellbeing, not only the member’s own.',
      ],
      [
        'Declare the interest but vote anyway',
        false,
        'Declaring is not enough: she should take no part in the decision.',
      ],
    ],
    modelAnswer:
      'Not acceptable to take part. The application affects her sister’s finances far more than most people’s, and a fair-minded observer would think it could affect her judgement.',
    explanation:
      'Where a matter affects a relative or close associate more than most people in the ward, the member declares the interest and takes no part in the vote, unless a dispensation has been granted.',
  },
  {
    title: 'Cup final tickets from a bidder',
    situation:
      'A firm bidding for the council’s waste contract invites Councillor Jones, who chairs the Environment Scrutiny Committee, to its hospitality box at the cup final. He declines politely by email.',
    topics: ['gifts'],
    acceptable: true,
    anchors: ['para-10-1', 'para-10-3', 'para-10-4'],
    choices: [
      [
        'Tell the Monitoring Officer about the offer so that it is recorded',
        true,
        'Right: an offer from a bidder must be declared whatever its value and even though it was refused.',
      ],
      [
        'Nothing more: he said no',
        false,
        'Declining was right, but the code still asks him to declare offers from bidders.',
      ],
      [
        'Mention it to the firm’s rival so it is fair',
        false,
        'That would be passing on information about a live procurement: it does not help.',
      ],
    ],
    modelAnswer:
      'Declining was the right thing to do, but he must also tell the Monitoring Officer about the offer.',
    explanation:
      'Hospitality offered by anyone bidding for a council contract is declared whether or not it is accepted, and significant offers that are refused still go on the register.',
  },
  {
    title: 'A parking ticket and a quiet word',
    situation:
      'Councillor King receives a parking ticket outside her surgery. She emails the head of parking services: "As a councillor I would appreciate it if this could be cancelled."',
    topics: ['use-of-position'],
    acceptable: false,
    anchors: ['para-6-1', 'para-3-2'],
    choices: [
      [
        'Pay the ticket, or appeal through the ordinary process like anyone else',
        true,
        'Right: the appeal route is open to her as to any resident.',
      ],
      [
        'Ask a friendly cabinet member to have a word instead',
        false,
        'That is the same request through another door.',
      ],
      [
        'Cancel the request but ask for the ticket to be “reviewed”',
        false,
        'Any request that relies on her being a councillor is still using her position.',
      ],
    ],
    modelAnswer:
      'Not acceptable. Asking for the ticket to be cancelled because she is a councillor seeks an improper advantage through her position.',
    explanation:
      'Members must not use, or try to use, their position to get an advantage for themselves, and should deal with officers only through the proper arrangements.',
  },
  {
    title: 'Worries about an officer’s report',
    situation:
      'Councillor Lewis thinks a report on bus subsidies leaves out figures that undermine its recommendation. Before the meeting she emails the Director of Place, setting out her concerns and asking whether the report can be corrected.',
    topics: ['officer-impartiality', 'respect'],
    acceptable: true,
    anchors: ['para-3-2', 'para-1-2'],
    choices: [
      [
        'Wait for the director’s reply, and raise any remaining questions at the meeting, about the report rather than its author',
        true,
        'Right: this is exactly the route the protocol describes.',
      ],
      [
        'Post her concerns on social media first so that residents know',
        false,
        'Criticism of officers’ work belongs with their manager or director, not in public.',
      ],
      [
        'Ask the report’s author to change the recommendation',
        false,
        'The recommendation is the officers’ professional advice. She can challenge the evidence, not tell them what to advise.',
      ],
    ],
    modelAnswer:
      'Acceptable. Raising concerns about an officer’s work privately with their director is what the code and the protocol expect.',
    explanation:
      'Members may and should challenge reports. The code asks that concerns about an officer’s work go to their manager or director, and that officers are treated with respect.',
  },
  {
    title: 'A meme about the opposition leader',
    situation:
      'On an account whose name begins "Cllr", Councillor Morgan shares a doctored picture mocking the opposition leader’s weight, with the caption "the heavyweight of local politics".',
    topics: ['social-media', 'respect', 'elections-and-politics', 'disrepute'],
    acceptable: false,
    anchors: ['para-1-1', 'para-1-3', 'para-1-4'],
    choices: [
      [
        'Take the post down and apologise to the opposition leader',
        true,
        'Right: the code asks members to take down anything that breaches it as soon as they realise.',
      ],
      [
        'Keep it: it is only a joke between political rivals',
        false,
        'Mocking someone’s body is personal, not political, whoever the target is.',
      ],
      [
        'Move it to a private account',
        false,
        'The account is still linked to the role, and the post still attacks the person.',
      ],
    ],
    modelAnswer:
      'Not acceptable. Ridiculing a political opponent’s appearance is a personal attack, not debate.',
    explanation:
      'Political criticism may be robust but not personal or abusive, and the same standards apply online, on any account people could link to the councillor role.',
  },
  {
    title: 'A word with the complainant',
    situation:
      'Councillor Norris learns that a neighbour has complained about him under the code. He knocks on her door to say the complaint is "causing a lot of trouble" and that she should think about withdrawing it.',
    topics: ['bullying'],
    acceptable: false,
    anchors: ['para-8-4', 'para-8-5', 'para-2-3'],
    choices: [],
    modelAnswer:
      'Not acceptable. Pressing a complainant to withdraw is pressure on someone involved in an investigation. He should stay away from her about the complaint, cooperate with the investigation and put his side to the investigator.',
    explanation:
      'The code requires members to cooperate with investigations and forbids threatening or pressuring complainants, witnesses or anyone else involved. An uninvited visit to the complainant’s home can also feel intimidating.',
  },
];

const SETS = [
  {
    title: 'Code of conduct essentials',
    description:
      'Eight situations that test the heart of the code: respect for officers, gifts, interests, confidential information and the use of your position. Completing the set counts towards the code of conduct course.',
    course: 'Our code of conduct, for each political group',
    scenarios: [
      'A post about a planning officer',
      'A hamper before the planning meeting',
      'Sorting out a constituent’s repair',
      'Confidential papers in the group chat',
      'Messages to a committee clerk',
      'A sister’s licence application',
      'Cup final tickets from a bidder',
      'A parking ticket and a quiet word',
    ],
  },
  {
    title: 'Officers, online and in public',
    description:
      'Six situations about working with officers, debating hard and fairly, campaigning, and behaving as a councillor in public and online.',
    course: null,
    scenarios: [
      'Worries about an officer’s report',
      'Tough words in the budget debate',
      'A meme about the opposition leader',
      'Leaflets printed at the civic centre',
      'A night out in the local paper',
      'A word with the complainant',
    ],
  },
];

/** The demo scenarios, their links and choices, and two sets. Returns the scenarios' ids. */
export async function seedDemoScenarios(db: DbOrTrx, authorityId: number): Promise<number[]> {
  const existing = await db
    .selectFrom('scenarios')
    .select('id')
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  if (existing) return [];
  const ids = new Map<string, number>();
  for (const s of SCENARIOS) {
    const { id } = await db
      .insertInto('scenarios')
      .values({
        authority_id: authorityId,
        title: s.title,
        situation: s.situation,
        topics: s.topics,
        acceptable: s.acceptable,
        next_step_kind: s.choices.length > 0 ? 'choice' : 'text',
        model_answer: s.modelAnswer,
        explanation: s.explanation,
        status: 'published',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(s.title, id);
    // anchors the council's code does not have (another council's code) are left unlinked
    const { links } = await linksForAnchors(db, authorityId, s.anchors);
    if (links.length > 0)
      await db
        .insertInto('scenario_paragraphs')
        .values(links.map((l) => ({ ...l, scenario_id: id })))
        .execute();
    if (s.choices.length > 0)
      await db
        .insertInto('scenario_choices')
        .values(
          s.choices.map(([text, correct, feedback], position) => ({
            scenario_id: id,
            position,
            text,
            correct,
            feedback,
          })),
        )
        .execute();
  }
  for (const set of SETS) {
    const course = set.course
      ? await db
          .selectFrom('courses as c')
          .innerJoin('programmes as p', 'p.id', 'c.programme_id')
          .select('c.id')
          .where('p.authority_id', '=', authorityId)
          .where('c.title', '=', set.course)
          .orderBy('p.starts_on')
          .executeTakeFirst()
      : undefined;
    const { id } = await db
      .insertInto('scenario_sets')
      .values({
        authority_id: authorityId,
        title: set.title,
        description: set.description,
        counts_towards_course_id: course?.id ?? null,
        published: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('scenario_set_items')
      .values(
        set.scenarios.map((title, position) => ({
          set_id: id,
          scenario_id: ids.get(title)!,
          position,
        })),
      )
      .execute();
  }
  return [...ids.values()];
}

/** For tests: the anchors each demo scenario links to, by title. */
export const DEMO_SCENARIO_ANCHORS: ReadonlyMap<string, readonly string[]> = new Map(
  SCENARIOS.map((s) => [s.title, s.anchors]),
);
