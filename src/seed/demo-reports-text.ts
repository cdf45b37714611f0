/**
 * The words of the demo council's two committee reports about its code of conduct, as plain
 * data. Written for Probity: they follow the shape of a council's report template (sections
 * 1.0 to 4.0, numbered paragraphs and sub-paragraphs), not the words of any real report.
 *
 * The current draft keeps, on purpose, the slips a draft often has, so that the readiness check
 * has something to show: a bracketed question left for later, a "YES/NO" not yet settled, two
 * commonly confused words, and a closing recommendation that no longer says quite what the
 * recommendation at the top says.
 */

export interface ReportBodyEntry {
  depth: 0 | 1 | 2;
  /** a section's heading (depth 0) or a paragraph's text */
  text: string;
}

export interface ReportText {
  title: string;
  summary: string;
  recommendations: string[];
  body: ReportBodyEntry[];
  /** implication statements by implication type key; a missing key is left unanswered */
  implications: Record<string, { answer: 'yes' | 'no'; statement: string }>;
}

const section = (text: string): ReportBodyEntry => ({ depth: 0, text });
const para = (text: string): ReportBodyEntry => ({ depth: 1, text });
const sub = (text: string): ReportBodyEntry => ({ depth: 2, text });

/** The 2021 report that took the model code up (agreed, then adopted by full Council). */
export const ADOPTION_REPORT: ReportText = {
  title: "Members' Code of Conduct: adopting the model code",
  summary:
    "Puts before the committee a new Members' Code of Conduct built on the Local Government Association's model code, with the council's own requirements from its 2020 code kept as local additions.",
  recommendations: [
    "The committee is asked to agree the Members' Code of Conduct 2021 attached as Appendix A and to recommend it to full Council for adoption.",
    'The committee is asked to note that members will be offered a briefing on the new code before it comes into force.',
  ],
  body: [
    section('INTRODUCTION'),
    para(
      'In December 2020 the Local Government Association issued a model code of conduct that councils may take up in place of their own.',
    ),
    para(
      'This report sets out a version of that model code adapted for Demo City Council and asks the committee to agree it.',
    ),
    section('BACKGROUND'),
    para(
      'The council adopted a local code of its own in January 2021, after this committee agreed it at its meeting on 10 December 2020.',
    ),
    para(
      'When the model code was published the committee asked the Monitoring Officer to compare the two and to suggest how the council might move to the model code without losing the parts of its own code that members valued.',
    ),
    section('MAIN BODY OF THE REPORT'),
    para(
      'The draft at Appendix A follows the model code paragraph by paragraph. Where the 2020 code asked more of members, for example the £10 threshold for registering gifts and hospitality, that requirement is kept and marked in italics as a local addition.',
    ),
    para(
      'Members will be invited to a short briefing on what has changed before the code comes into force, and the Monitoring Officer will answer individual questions as they arise.',
    ),
    section('RECOMMENDATIONS'),
    para(
      "The committee is asked to agree the Members' Code of Conduct 2021 attached as Appendix A and to recommend it to full Council for adoption.",
    ),
    para(
      'The committee is asked to note that members will be offered a briefing on the new code before it comes into force.',
    ),
  ],
  implications: {
    financial: {
      answer: 'no',
      statement: 'The briefing will be given by officers within existing budgets.',
    },
    legal: {
      answer: 'yes',
      statement:
        'Section 27 of the Localism Act 2011 requires the council to adopt a code of conduct for its members, and section 28 sets out what the code must contain. The proposed code meets those requirements.',
    },
    equality: {
      answer: 'no',
      statement:
        'The code applies equally to every member, and its section on bullying and harassment supports the council’s equality duties.',
    },
    'health-inequalities': { answer: 'no', statement: '' },
    'human-rights': { answer: 'no', statement: '' },
    environment: { answer: 'no', statement: '' },
    economic: { answer: 'no', statement: '' },
    'community-safety': { answer: 'no', statement: '' },
    'human-resources': { answer: 'no', statement: '' },
    property: { answer: 'no', statement: '' },
  },
};

const DRAFT_RECOMMENDATION_1 =
  "The committee is asked to agree the updated Members' Code of Conduct 2027 and to recommend it to full Council for adoption.";

/** The current draft: the updated code, and the programme of training to go with it. */
export const DRAFT_REPORT: ReportText = {
  title: "Updated Members' Code of Conduct and the Member Development Training Programme",
  summary:
    "Presents the updated Members' Code of Conduct proposed after this year's review and out for consultation until 14 December 2026, and a programme of training for members and officers to introduce it.",
  recommendations: [
    DRAFT_RECOMMENDATION_1,
    'The committee is asked to agree the proposed Member Development Training Programme.',
  ],
  body: [
    section('INTRODUCTION'),
    para(
      "This committee reviews the Members' Code of Conduct every year. The 2026 review found two areas where the code in force could be clearer: gifts and hospitality received over a period of time, and posts online that the Monitoring Officer asks a member to remove.",
    ),
    para(
      'The updated code answers both points and reflects what is now regarded as best practise in the sector for dealing with bullying, harassment and the use of social media.',
    ),
    section('BACKGROUND'),
    para(
      'The council has followed a version of the Local Government Association’s model code, with local additions, since May 2021.',
    ),
    para(
      'The committee last considered the training offered to members on the code at its meeting in (October/November 2025?), when it asked for a fuller programme to accompany any new code.',
    ),
    para(
      'The proposed changes were published for consultation on 2 November 2026. Comments received so far, including those of the Independent Person and the parish councils, will be summarised in a note circulated before the meeting.',
    ),
    section('MAIN BODY OF THE REPORT'),
    para(
      'Appendix A sets out the updated code, with the proposed changes marked so that members can see each one against the code in force.',
    ),
    para('Member Development Training Programme'),
    sub(
      'The committee asked the Monitoring Officer to say how members would be trained on the updated code once it is adopted.',
    ),
    sub(
      'The induction programme for members will run in much the same way as in previous years, with the updated code covered in its first session.',
    ),
    sub(
      'In addition, each political group will be offered its own session on the code, on a date that suits the group. An LGA facilitator will lead each session, supported by a member peer from another council and an independent Monitoring Officer, and each session will take about an hour and a half.',
    ),
    sub(
      'A session open to all members on making decisions locally will follow soon after the group sessions.',
    ),
    sub(
      'The programme will look at the different roles a member holds: as part of the council, as a representative of a ward, and as a member of a political group. It will also cover how members and officers work together, and will be coupled with a complimentary training schedule for officers.',
    ),
    sub(
      'The Monitoring Officer will agree the order and the dates of the sessions with the group whips. The proposed programme, with its courses and the sessions planned so far, is at Appendix B.',
    ),
    section('RECOMMENDATIONS'),
    para(DRAFT_RECOMMENDATION_1),
    para(
      'The committee is asked to agree the proposed Member Development Training Programme and the dates set out in it.',
    ),
  ],
  implications: {
    financial: {
      answer: 'no',
      statement:
        'The group sessions are part of the support the LGA offers councils without charge; officer time is met from existing budgets.',
    },
    legal: {
      answer: 'yes',
      statement:
        'The council must keep a code of conduct that is consistent with the seven principles of public life and deals with registering and declaring interests (Localism Act 2011, sections 27 and 28). The updated code continues to do so.',
    },
    equality: {
      answer: 'no',
      statement:
        'Sessions will be held in accessible rooms and online, at times agreed with the groups.',
    },
    'health-inequalities': { answer: 'no', statement: '' },
    'human-rights': {
      answer: 'no',
      statement:
        'YES/NO: the rule on removing posts online touches members’ freedom of expression; to be confirmed with Legal Services.',
    },
    environment: { answer: 'no', statement: '' },
    economic: { answer: 'no', statement: '' },
    'community-safety': { answer: 'no', statement: '' },
    'human-resources': {
      answer: 'no',
      statement: 'The officers’ training schedule will be arranged within existing resources.',
    },
    // property: not answered yet
  },
};

/** The council's own words to avoid, for the readiness check. */
export const HOUSE_STYLE_WORDS: readonly { pattern: string; advice: string }[] = [
  {
    pattern: 'Cllr',
    advice: "Write 'Councillor' in full in a committee report.",
  },
  {
    pattern: 'going forward',
    advice: "Say when: 'from April', 'in future', or leave it out.",
  },
  {
    pattern: 'utilise',
    advice: "Write 'use'.",
  },
];
