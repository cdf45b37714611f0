import type { Trx } from '../db/database.js';
import { inviteAudience } from '../features/member-development/index.js';
import type { AttendanceStatus, CourseAudience, CourseFormat } from '../db/schema.js';
import type { DemoAccount } from './demo.js';
import { COMMITTEE_ROOM, TOWN_HALL, findPeople } from './demo-report-rows.js';
import { DRAFT_REPORT } from './demo-reports-text.js';

/**
 * The demo council's Member Development Programme for 2026/27, as the seed report describes
 * one (in our own words): an induction, training for the planning committee, a code of conduct
 * session for each political group on a date agreed with its whip (led by an outside trainer
 * with a member peer), a session for all members on local decision making, and a matching
 * session for officers on how members and officers work together. Today in the demo is late
 * November 2026, so some sessions are held (with attendance), some are confirmed (with
 * invitations), and the dates of two groups' sessions are still being agreed with their whips.
 * Like the rest of the demo, no audit rows of its own.
 */
interface CoursePlan {
  title: string;
  purposes: string[];
  format: CourseFormat;
  minutes: number;
  provider: string;
  audience: CourseAudience;
  topic: string;
  mandatory: boolean;
  codeParagraphs?: string[];
}

const COURSES: Record<string, CoursePlan> = {
  induction: {
    title: 'Welcome to the council: induction for councillors',
    purposes: [
      'Know how the council, its committees and its officers fit together',
      'Know where to find help, and whom to ask',
    ],
    format: 'induction-module',
    minutes: 180,
    provider: 'Democratic Services',
    audience: 'all-members',
    topic: 'induction',
    mandatory: true,
  },
  planning: {
    title: 'Sitting on the Planning Committee',
    purposes: [
      'Understand the rules that govern planning decisions',
      'Recognise when an interest or an earlier view means stepping back',
    ],
    format: 'workshop',
    minutes: 120,
    provider: 'Head of Planning and the Monitoring Officer',
    audience: 'committee',
    topic: 'planning',
    mandatory: true,
  },
  code: {
    title: 'Our code of conduct, for each political group',
    purposes: [
      'Go through the code the council adopted, with its local additions',
      'Practise applying it to everyday situations in short scenarios',
      'Agree where to turn for advice before a problem arises',
    ],
    format: 'workshop',
    minutes: 90,
    provider: 'Local Government Association',
    audience: 'political-group',
    topic: 'code-of-conduct',
    mandatory: true,
    codeParagraphs: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  },
  localDecisions: {
    title: 'Deciding locally: the new area committees',
    purposes: [
      'Explain what the area committees may decide, and how',
      'Clarify the different roles of a councillor: at full Council, in the ward and in a group',
    ],
    format: 'briefing',
    minutes: 90,
    provider: 'Democratic Services',
    audience: 'all-members',
    topic: 'local-decision-making',
    mandatory: false,
  },
  officers: {
    title: 'Members and officers working well together',
    purposes: [
      'Go through the protocol on relations between members and officers',
      'Agree what to do when a request from a councillor is not one an officer can meet',
    ],
    format: 'workshop',
    minutes: 120,
    provider: 'Monitoring Officer',
    audience: 'officers',
    topic: 'member-officer-relations',
    mandatory: false,
  },
};

const at = (iso: string) => new Date(iso);
const plusMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

/** Attendance for a held session: most came; a few were late, left early or sent apologies. */
function attendanceFor(index: number): AttendanceStatus {
  if (index % 11 === 3) return 'apologies';
  if (index % 17 === 5) return 'absent';
  if (index % 9 === 2) return 'late';
  if (index % 23 === 7) return 'left-early';
  return 'attended';
}

export async function writeDemoTraining(trx: Trx, accounts: DemoAccount[]): Promise<void> {
  const city = await trx
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'demo-city')
    .executeTakeFirstOrThrow();
  const people = await findPeople(trx, city.id, accounts);
  const organisations = await trx
    .selectFrom('organisations')
    .select(['id', 'name', 'classification', 'committee_type'])
    .where('authority_id', '=', city.id)
    .orderBy('id')
    .execute();
  const groups = organisations.filter((o) => o.classification === 'political-group');
  const planningCommittee = organisations.find((o) => o.committee_type === 'planning');
  const facilitators = await trx
    .selectFrom('people')
    .select('id')
    .where('authority_id', '=', city.id)
    .where('kind', '=', 'facilitator')
    .orderBy('id')
    .execute();
  const whipOf = async (groupId: number) =>
    (
      await trx
        .selectFrom('memberships')
        .select('person_id')
        .where('organisation_id', '=', groupId)
        .where('role', '=', 'whip')
        .executeTakeFirstOrThrow()
    ).person_id;

  const { id: programme } = await trx
    .insertInto('programmes')
    .values({
      authority_id: city.id,
      title: 'Member Development Programme 2026/27',
      starts_on: '2026-05-21',
      ends_on: '2027-05-19',
      status: 'running',
      approved_on: '2026-06-18',
      approval_reference: 'Audit and Standards Committee, 18 June 2026, minute 14',
      created_by: people.memberDevelopment.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const courseIds: Record<string, number> = {};
  let position = 0;
  for (const [key, c] of Object.entries(COURSES)) {
    position += 1;
    const { id } = await trx
      .insertInto('courses')
      .values({
        programme_id: programme,
        position,
        title: c.title,
        purposes: c.purposes.join('\n'),
        format: c.format,
        duration_minutes: c.minutes,
        provider: c.provider,
        audience: c.audience,
        audience_organisation_id:
          c.audience === 'committee' ? (planningCommittee?.id ?? null) : null,
        topic: c.topic,
        mandatory: c.mandatory,
        code_paragraphs: c.codeParagraphs ?? [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    courseIds[key] = id;
  }

  /** A session; confirmed and held ones invite their audience (marked as sent). */
  const session = async (
    course: string,
    options: {
      startsAt?: Date;
      status?: 'planned' | 'confirmed' | 'held';
      groupId?: number;
      venue?: string;
      onlineUrl?: string;
      capacity?: number;
      minimum?: number;
      complements?: number;
      facilitators?: { id: number; role: string }[];
    },
  ) => {
    const minutes = COURSES[course]!.minutes;
    const status = options.status ?? 'planned';
    const { id } = await trx
      .insertInto('training_sessions')
      .values({
        course_id: courseIds[course]!,
        group_id: options.groupId ?? null,
        starts_at: options.startsAt ?? null,
        ends_at: options.startsAt ? plusMinutes(options.startsAt, minutes) : null,
        venue: options.venue ?? '',
        online_url: options.onlineUrl ?? null,
        capacity: options.capacity ?? null,
        minimum_numbers: options.minimum ?? null,
        status,
        complements_session_id: options.complements ?? null,
        confirmed_at: status === 'planned' ? null : at('2026-09-01T09:00:00Z'),
        confirmed_by: status === 'planned' ? null : people.memberDevelopment.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const f of options.facilitators ?? []) {
      await trx
        .insertInto('session_facilitators')
        .values({ session_id: id, person_id: f.id, role: f.role })
        .execute();
    }
    if (status !== 'planned') {
      await inviteAudience(trx, id);
      await trx
        .updateTable('session_invitations')
        .set({ sent_sequence: 0 })
        .where('session_id', '=', id)
        .execute();
    }
    if (status === 'held') {
      const invited = await trx
        .selectFrom('session_invitations')
        .select('person_id')
        .where('session_id', '=', id)
        .orderBy('person_id')
        .execute();
      if (invited.length > 0) {
        await trx
          .insertInto('attendance')
          .values(
            invited.map((row, index) => ({
              session_id: id,
              person_id: row.person_id,
              status: attendanceFor(index),
              recorded_by: people.memberDevelopment.id,
              recorded_at: plusMinutes(options.startsAt!, minutes + 15),
            })),
          )
          .execute();
      }
    }
    return id;
  };

  const trainer = facilitators[0] ? [{ id: facilitators[0].id, role: 'Trainer' }] : [];
  const peer = facilitators[1] ? [{ id: facilitators[1].id, role: 'Member peer' }] : [];
  const independentMo = [{ id: people.mo.id, role: 'Monitoring Officer' }];

  await session('induction', {
    startsAt: at('2026-06-02T17:00:00Z'),
    status: 'held',
    venue: TOWN_HALL,
    facilitators: [{ id: people.memberDevelopment.id, role: 'Organiser' }],
  });
  if (planningCommittee) {
    await session('planning', {
      startsAt: at('2026-06-10T17:30:00Z'),
      status: 'held',
      venue: COMMITTEE_ROOM,
      facilitators: independentMo,
    });
  }

  // One code of conduct session per group. The first group (the demo whip's) has two dates
  // proposed and waits for its whip; the second's whip accepted a date not yet confirmed; the
  // rest are held or confirmed.
  for (const [index, group] of groups.entries()) {
    const base = {
      groupId: group.id,
      venue: COMMITTEE_ROOM,
      minimum: 5,
      facilitators: [...trainer, ...peer],
    };
    if (index === 0 || index === 1) {
      const id = await session('code', base);
      const whip = await whipOf(group.id);
      const proposals = [at('2027-01-12T18:00:00Z'), at('2027-01-14T14:00:00Z')];
      for (const [n, startsAt] of proposals.entries()) {
        const accepted = index === 1 && n === 0;
        await trx
          .insertInto('session_date_proposals')
          .values({
            session_id: id,
            starts_at: startsAt,
            ends_at: plusMinutes(startsAt, COURSES.code!.minutes),
            proposed_by: people.memberDevelopment.id,
            by_whip: false,
            note: 'Both evenings avoid full Council and the budget briefing.',
            status: accepted ? 'accepted' : index === 1 ? 'declined' : 'open',
            decided_by: index === 1 ? whip : null,
            decided_at: index === 1 ? at('2026-11-18T10:00:00Z') : null,
            decision_note: accepted ? 'The Tuesday suits the group; most of us can come.' : '',
          })
          .execute();
      }
    } else if (index === 2 || index === 3) {
      await session('code', {
        ...base,
        startsAt: index === 2 ? at('2026-10-06T17:30:00Z') : at('2026-11-03T18:00:00Z'),
        status: 'held',
      });
    } else {
      await session('code', { ...base, startsAt: at('2026-12-08T18:00:00Z'), status: 'confirmed' });
    }
  }

  const localDecisions = await session('localDecisions', {
    startsAt: at('2027-01-19T18:00:00Z'),
    status: 'confirmed',
    venue: TOWN_HALL,
    onlineUrl: 'https://meet.demo-city.example/area-committees',
    capacity: 90,
    minimum: 20,
    facilitators: [{ id: people.democraticServices, role: 'Presenter' }],
  });
  // A second evening for those who cannot come to the first: its date is set, but it is not
  // confirmed yet, so nobody is invited and its page offers to confirm it and send invitations.
  await session('localDecisions', {
    startsAt: at('2027-02-16T18:00:00Z'),
    venue: TOWN_HALL,
    capacity: 90,
    facilitators: [{ id: people.democraticServices, role: 'Presenter' }],
  });
  await session('officers', {
    startsAt: at('2027-01-26T10:00:00Z'),
    status: 'confirmed',
    venue: COMMITTEE_ROOM,
    capacity: 30,
    complements: localDecisions,
    facilitators: independentMo,
  });

  // Groups shape the programme.
  const [first, , third] = groups;
  if (first) {
    await trx
      .insertInto('topic_proposals')
      .values({
        programme_id: programme,
        group_id: first.id,
        proposed_by: await whipOf(first.id),
        topic: 'Dealing with abuse and intimidation online',
        reason:
          'Several of our members have had hostile messages since the election and want advice.',
      })
      .execute();
  }
  if (third) {
    await trx
      .insertInto('topic_proposals')
      .values({
        programme_id: programme,
        group_id: third.id,
        proposed_by: await whipOf(third.id),
        topic: 'Interests at planning meetings',
        reason: 'New members of the Planning Committee asked when they must leave the room.',
        status: 'merged',
        reply: 'Covered in the Planning Committee training, which now spends longer on interests.',
        course_id: courseIds.planning!,
        decided_by: people.mo.id,
        decided_at: at('2026-07-01T09:00:00Z'),
      })
      .execute();
  }

  // Regular standards meetings between the Monitoring Officer and the whips.
  const { id: liaison } = await trx
    .insertInto('liaison_meetings')
    .values({
      authority_id: city.id,
      held_on: '2026-09-15',
      notes:
        'Went through the dates for the groups’ code sessions and the complaints received since May. ' +
        'Whips asked for the session materials a week ahead.',
      recorded_by: people.mo.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attendees = new Set<number>([people.mo.id]);
  for (const group of groups) attendees.add(await whipOf(group.id));
  await trx
    .insertInto('liaison_meeting_attendees')
    .values([...attendees].map((person_id) => ({ meeting_id: liaison, person_id })))
    .execute();

  await trx
    .insertInto('compliance_rules')
    .values([
      {
        authority_id: city.id,
        name: 'Code of conduct training within six months of election or of a new code',
        topic: 'code-of-conduct',
        kind: 'within-months',
        within_months: 6,
      },
      ...(planningCommittee
        ? [
            {
              authority_id: city.id,
              name: 'Planning training before sitting on the Planning Committee',
              topic: 'planning',
              kind: 'before-sitting' as const,
              committee_id: planningCommittee.id,
            },
          ]
        : []),
    ])
    .execute();

  await writeNextProgramme(trx, city.id, people.memberDevelopment.id);
}

/**
 * Next year's programme, still a draft: the December committee report's second recommendation
 * asks the Audit and Standards Committee to approve it, so recording the committee's agreement
 * on the meeting's page approves it (issue 6). Its courses have no sessions yet.
 */
async function writeNextProgramme(trx: Trx, cityId: number, createdBy: number): Promise<void> {
  const { id: programme } = await trx
    .insertInto('programmes')
    .values({
      authority_id: cityId,
      title: 'Member Development Training Programme 2027/28',
      starts_on: '2027-05-20',
      ends_on: '2028-05-18',
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const courses: Omit<CoursePlan, 'purposes'>[] = [
    {
      title: 'The updated code, group by group',
      format: 'workshop',
      minutes: 90,
      provider: 'An outside trainer with a member peer',
      audience: 'political-group',
      topic: 'code-of-conduct',
      mandatory: true,
    },
    {
      title: 'Standards and probity refresher for all councillors',
      format: 'workshop',
      minutes: 120,
      provider: 'The Monitoring Officer',
      audience: 'all-members',
      topic: 'standards',
      mandatory: false,
    },
    {
      title: 'Councillors and officers: making the relationship work',
      format: 'workshop',
      minutes: 120,
      provider: 'The Chief Executive and the Monitoring Officer',
      audience: 'all-members',
      topic: 'member-officer-relations',
      mandatory: false,
    },
    {
      title: 'Supporting councillors well: a session for officers',
      format: 'briefing',
      minutes: 90,
      provider: 'Human Resources',
      audience: 'officers',
      topic: 'member-officer-relations',
      mandatory: false,
    },
  ];
  await trx
    .insertInto('courses')
    .values(
      courses.map((c, index) => ({
        programme_id: programme,
        position: index + 1,
        title: c.title,
        format: c.format,
        duration_minutes: c.minutes,
        provider: c.provider,
        audience: c.audience,
        topic: c.topic,
        mandatory: c.mandatory,
      })),
    )
    .execute();
  const report = await trx
    .selectFrom('reports')
    .select('id')
    .where('authority_id', '=', cityId)
    .where('title', '=', DRAFT_REPORT.title)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('report_recommendations')
    .set({ programme_id: programme })
    .where('report_id', '=', report.id)
    .where('position', '=', 1)
    .execute();
  // The report carries the programme it asks the committee to approve, after the code (A).
  const { last } = await trx
    .selectFrom('report_appendices')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'))
    .where('report_id', '=', report.id)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('report_appendices')
    .values({
      report_id: report.id,
      position: Number(last) + 1,
      title: 'Member Development Training Programme 2027/28 (draft)',
      kind: 'programme',
      programme_id: programme,
    })
    .execute();
}
