import { sql } from 'kysely';
import type { Trx } from '../db/database.js';
import { currentOn, todayInEngland } from '../db/current.js';
import { londonToInstant } from '../features/meetings/index.js';
import { hashToken } from '../features/training-invitations/feeds.js';
import { listWhipsAndLeaders } from '../features/training-scheduling/liaison-repository.js';
import { LARGE_ACCOUNTS } from './large.js';

/**
 * What the large council needs, beyond what it was generated with, for the benchmark to load
 * every training page, written in the caller's transaction:
 *
 * - the dates agreed with each group's whip for the current programme's code of conduct
 *   sessions (two dates proposed by the Deputy Monitoring Officer, one by the whip, declined;
 *   the whip accepted one, the other withdrawn when the session was confirmed);
 * - the Deputy Monitoring Officer facilitating the groups' code of conduct sessions of the last
 *   three programmes (`/facilitating`);
 * - a catch-up induction evening for councillors elected at by-elections, dated but not yet
 *   confirmed (`/admin/sessions/<id>/confirm`);
 * - topics proposed by the groups for the current programme, one still open;
 * - six standards meetings with the whips and leaders over the past year;
 * - a calendar feed for the ordinary councillor, whose address the benchmark knows.
 *
 * No programme or course is added: the generated council has exactly eight of each, which its
 * own tests check. No audit events either, so the audit pages' targets stay where they were.
 */

/**
 * The secret in the ordinary councillor's calendar address. The product keeps only its hash
 * and shows a new address once; the benchmark needs to know one, so this dataset's is fixed.
 */
export const LARGE_CALENDAR_TOKEN = 'large-city-councillor-training-calendar-feed';

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function personByEmail(trx: Trx, email: string): Promise<number> {
  const row = await trx
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

const LIAISON_NOTES = [
  'Went through the complaints received since the last meeting: two about conduct at a planning ' +
    'site visit, both resolved informally.\nWhips agreed to remind their members to update their ' +
    'registers of interests before the summer.',
  'Agreed the dates for each group’s code of conduct session this autumn.\nThe Deputy Monitoring ' +
    'Officer will send the session materials to whips a week ahead.',
  'Discussed the tone of debate at the last full Council meeting and what the code says about ' +
    'respect.\nLeaders agreed to raise it at their group meetings.',
  'Reviewed attendance at the code of conduct sessions so far: most groups above eighty per cent.\n' +
    'Whips asked for a catch-up evening for members who missed their group’s session.',
  'Talked through gifts and hospitality over the festive period and the register of offers.\n' +
    'No new complaints since the last meeting.',
  'Looked at the training topics the groups have proposed for the programme.\nAgreed to revisit ' +
    'social media guidance once the national model code is updated.',
];

export async function writeLargeTrainingExtras(
  trx: Trx,
  principalId: number,
): Promise<Record<string, number>> {
  const today = todayInEngland();
  const mo = await personByEmail(trx, LARGE_ACCOUNTS.monitoringOfficer);
  const whip = await personByEmail(trx, LARGE_ACCOUNTS.whip);
  const councillor = await personByEmail(trx, LARGE_ACCOUNTS.councillor);
  const deputy = await trx
    .selectFrom('people')
    .select('id')
    .where('authority_id', '=', principalId)
    .where(sql<boolean>`'deputy-monitoring-officer' = any(statutory_roles)`)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const running = await trx
    .selectFrom('programmes')
    .select(['id', 'starts_on'])
    .where('authority_id', '=', principalId)
    .where('status', '=', 'running')
    .orderBy('starts_on', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();

  // Each group's code of conduct session this year: the dates its whip agreed. The whip is the
  // group's whip when the session was confirmed, or failing that its whip today.
  const { numAffectedRows: proposals } = await sql`
    with s as (
      select s.id, s.starts_at, s.ends_at, s.confirmed_at,
             coalesce(
               (select m.person_id from memberships m
                 where m.organisation_id = s.group_id and m.role = 'whip'
                   and m.start_date <= (s.confirmed_at at time zone 'Europe/London')::date
                   and (m.end_date is null
                        or m.end_date >= (s.confirmed_at at time zone 'Europe/London')::date)
                 order by m.start_date desc, m.person_id limit 1),
               (select m.person_id from memberships m
                 where m.organisation_id = s.group_id and m.role = 'whip'
                   and m.start_date <= ${today}::date
                   and (m.end_date is null or m.end_date >= ${today}::date)
                 order by m.start_date desc, m.person_id limit 1)) as whip
        from training_sessions s join courses c on c.id = s.course_id
       where c.programme_id = ${running.id} and c.audience = 'political-group'
         and s.group_id is not null and s.status in ('held', 'confirmed')
         and s.confirmed_at is not null
    )
    insert into session_date_proposals (session_id, starts_at, ends_at, proposed_by, by_whip, note,
                                        status, decided_by, decided_at, decision_note, created_at)
    select s.id, s.starts_at - interval '7 days', s.ends_at - interval '7 days', ${deputy.id}::int,
           false, 'Either of these dates avoids full Council and the budget briefing.',
           'withdrawn', ${deputy.id}::int, s.confirmed_at, '', s.confirmed_at - interval '21 days 8 hours'
      from s where s.whip is not null
    union all
    select s.id, s.starts_at, s.ends_at, ${deputy.id}::int,
           false, 'Either of these dates avoids full Council and the budget briefing.',
           'accepted', s.whip, s.confirmed_at - interval '3 days 7 hours',
           'This evening suits the group: most of us can come.', s.confirmed_at - interval '21 days 8 hours'
      from s where s.whip is not null
    union all
    select s.id, s.starts_at + interval '2 days', s.ends_at + interval '2 days', s.whip,
           true, 'Several of our members have family commitments that evening. Could we meet two days later instead?',
           'declined', ${deputy.id}::int, s.confirmed_at - interval '5 days 8 hours',
           'The chamber is booked for the Planning Committee that day, sorry. Would one of our dates suit the group?',
           s.confirmed_at - interval '12 days 6 hours'
      from s where s.whip is not null`.execute(trx);

  // The Deputy Monitoring Officer co-facilitates each group's code of conduct session.
  const { numAffectedRows: facilitating } = await sql`
    insert into session_facilitators (session_id, person_id, role)
    select s.id, ${deputy.id}::int, 'Deputy Monitoring Officer'
      from training_sessions s join courses c on c.id = s.course_id
      join programmes p on p.id = c.programme_id
     where p.authority_id = ${principalId} and c.topic = 'code-of-conduct'
       and c.audience = 'political-group' and s.status <> 'cancelled'
       and p.starts_on >= ${running.starts_on}::date - interval '2 years'
    on conflict do nothing`.execute(trx);

  // A catch-up induction evening for councillors elected at by-elections: its date is set,
  // not yet confirmed, so nobody is invited yet.
  const induction = await trx
    .selectFrom('courses')
    .select(['id', 'duration_minutes'])
    .where('programme_id', '=', running.id)
    .where('audience', '=', 'all-members')
    .orderBy('position')
    .limit(1)
    .executeTakeFirstOrThrow();
  const catchUpStart = londonToInstant(addDays(today, 35), '18:00');
  await trx
    .insertInto('training_sessions')
    .values({
      course_id: induction.id,
      starts_at: catchUpStart,
      ends_at: new Date(catchUpStart.getTime() + induction.duration_minutes * 60_000),
      venue: 'Committee Room 2',
      capacity: 15,
      minimum_numbers: 3,
      status: 'planned',
    })
    .execute();

  // Topics the groups proposed for this year's programme.
  const { rows: groups } = await sql<{ id: number; proposer: number | null; whips: boolean }>`
    select g.id,
           (select m.person_id from memberships m
             where m.organisation_id = g.id and ${currentOn('m', today)}
             order by (m.person_id = ${whip}) desc,
                      case m.role when 'whip' then 0 when 'leader' then 1 else 2 end,
                      m.person_id limit 1) as proposer,
           exists (select 1 from memberships m
                    where m.organisation_id = g.id and m.person_id = ${whip}
                      and m.role = 'whip' and ${currentOn('m', today)}) as whips
      from organisations g
     where g.authority_id = ${principalId} and g.classification = 'political-group'
     order by whips desc, g.id`.execute(trx);
  const proposing = groups.filter(
    (g): g is { id: number; proposer: number; whips: boolean } => g.proposer !== null,
  );
  const [whipsGroup, ...otherGroups] = proposing;
  if (!whipsGroup?.whips || whipsGroup.proposer !== whip)
    throw new Error('The large council’s whip account whips no group');
  const codeCourse = await trx
    .selectFrom('courses')
    .select('id')
    .where('programme_id', '=', running.id)
    .where('topic', '=', 'code-of-conduct')
    .where('audience', '=', 'political-group')
    .executeTakeFirstOrThrow();
  const daysAgo = (n: number) => londonToInstant(addDays(today, -n), '10:00');
  const topics: {
    group: { id: number; proposer: number };
    topic: string;
    reason: string;
    answer?: { status: 'accepted' | 'merged' | 'declined'; reply: string; course?: number };
    age: number;
  }[] = [
    {
      group: whipsGroup,
      topic: 'Interests at licensing hearings',
      reason:
        'Members new to the Licensing Committee were unsure when a friendship with an applicant ' +
        'counts as an interest they must declare.',
      answer: {
        status: 'merged',
        reply:
          'We have added a part on interests at hearings to the code of conduct sessions, with ' +
          'two worked examples from licensing.',
        course: codeCourse.id,
      },
      age: 120,
    },
    {
      group: whipsGroup,
      topic: 'Keeping safe when holding ward surgeries',
      reason:
        'Some of our members hold surgeries alone in community buildings in the evening and ' +
        'would like advice on personal safety.',
      age: 9,
    },
  ];
  const [second, third] = otherGroups;
  if (second) {
    topics.push({
      group: second,
      topic: 'Handling abuse on social media',
      reason:
        'Several members have received hostile messages since the election and want to know ' +
        'how to respond and when to report it.',
      answer: {
        status: 'accepted',
        reply:
          'Agreed: the Head of Communications will run an evening briefing for all members in ' +
          'the spring, and we will add a course to next year’s programme.',
      },
      age: 90,
    });
  }
  if (third) {
    topics.push(
      {
        group: third,
        topic: 'A visit to the waste recycling plant',
        reason:
          'Members would find it easier to scrutinise the waste contract having seen the site.',
        answer: {
          status: 'declined',
          reply:
            'A visit is a good idea but it is not training on conduct or skills: the Scrutiny ' +
            'Committee’s chair will arrange one as part of its review of the contract.',
        },
        age: 60,
      },
      {
        group: third,
        topic: 'Reading the budget papers before February',
        reason:
          'Newer members would like help understanding the revenue budget and the capital ' +
          'programme before the budget meeting of full Council.',
        age: 20,
      },
    );
  }
  for (const t of topics) {
    await trx
      .insertInto('topic_proposals')
      .values({
        programme_id: running.id,
        group_id: t.group.id,
        proposed_by: t.group.proposer,
        topic: t.topic,
        reason: t.reason,
        status: t.answer?.status ?? 'open',
        reply: t.answer?.reply ?? '',
        course_id: t.answer?.course ?? null,
        decided_by: t.answer ? mo : null,
        decided_at: t.answer ? daysAgo(t.age - 14) : null,
        created_at: daysAgo(t.age),
      })
      .execute();
  }

  // Standards meetings with the whips and leaders, about every two months over the past year;
  // one or two cannot come to each.
  const whipsAndLeaders = (await listWhipsAndLeaders(trx, principalId, today)).map((p) => p.id);
  let meetings = 0;
  for (const [index, notes] of LIAISON_NOTES.entries()) {
    const heldOn = addDays(today, -(30 + 61 * (LIAISON_NOTES.length - 1 - index)));
    const { id } = await trx
      .insertInto('liaison_meetings')
      .values({
        authority_id: principalId,
        held_on: heldOn,
        notes,
        recorded_by: mo,
        created_at: londonToInstant(addDays(heldOn, 1), '09:30'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attendees = whipsAndLeaders.filter(
      (_, n) => whipsAndLeaders.length < 3 || (n + index) % 5 !== 0,
    );
    if (attendees.length > 0) {
      await trx
        .insertInto('liaison_meeting_attendees')
        .values(attendees.map((person_id) => ({ meeting_id: id, person_id })))
        .execute();
    }
    meetings += 1;
  }

  // The ordinary councillor follows their training in their own calendar.
  await trx
    .insertInto('calendar_feeds')
    .values({
      person_id: councillor,
      token_hash: hashToken(LARGE_CALENDAR_TOKEN),
      created_at: daysAgo(40),
    })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();

  return {
    'date proposals': Number(proposals ?? 0),
    'sessions facilitated by the Deputy Monitoring Officer': Number(facilitating ?? 0),
    'sessions awaiting confirmation': 1,
    'topic proposals': topics.length,
    'liaison meetings': meetings,
    'calendar feeds': 1,
  };
}
