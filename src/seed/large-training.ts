import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import { todayInEngland } from '../db/current.js';
import { topUpLargeCouncil } from './top-up.js';

/**
 * The benchmark council's member development: eight municipal years of programmes, each with
 * an induction and a code of conduct session for each political group for its councillors,
 * Planning Committee training, and five courses for parish and town councillors, each taught twice a
 * year (autumn and spring) in each of 40 areas. Everyone a session was for is invited (memberships on the session's
 * day); attendance is recorded for every session held, most attending, some late, leaving early,
 * sending apologies or absent. About 100,000 attendance records in all. Sessions still to come
 * in the current year are confirmed, their invitations marked as sent.
 *
 * Written by PostgreSQL itself, in a few statements. Two compliance rules, as the demo has.
 */
const PARISH_COURSES = [
  ['Our code of conduct, for parish and town councillors', 'code-of-conduct'],
  ['Parish finance and the annual return', 'parish-finance'],
  ['Chairing a parish meeting', 'chairing'],
  ['Responding to planning consultations', 'planning-consultations'],
  ['Working with your clerk', 'working-with-the-clerk'],
] as const;
const PARISH_CLUSTERS = 40;

export interface LargeTrainingResult {
  programmes: number;
  sessions: number;
  invitations: number;
  attendance: number;
}

export async function writeLargeTraining(
  trx: Trx,
  principalId: number,
): Promise<LargeTrainingResult> {
  const today = todayInEngland();
  const thisYear = Number(today.slice(0, 4));
  // The municipal year starts after the annual meeting in late May.
  const currentStart = today >= `${thisYear}-05-20` ? thisYear : thisYear - 1;
  await sql`
    insert into programmes (authority_id, title, starts_on, ends_on, status, approved_on, approval_reference)
    select ${principalId}::int, 'Member Development Programme ' || y || '/' || right((y + 1)::text, 2),
           make_date(y, 5, 20), make_date(y + 1, 5, 19),
           case when y = ${currentStart}::int then 'running' else 'closed' end,
           make_date(y, 6, 15), 'Standards Committee, June ' || y
      from generate_series(${currentStart}::int - 7, ${currentStart}::int) y`.execute(trx);

  // Courses: three for the council's councillors, five for parish councillors.
  await sql`
    insert into courses (programme_id, position, title, format, duration_minutes, provider,
                         audience, audience_organisation_id, topic, mandatory)
    select p.id, c.position, c.title, c.format, c.minutes, c.provider, c.audience,
           case when c.audience = 'committee' then
             (select o.id from organisations o where o.authority_id = ${principalId}
                and o.committee_type = 'planning' limit 1) end,
           c.topic, c.mandatory
      from programmes p
      cross join (values
        (1, 'Induction for councillors', 'induction-module', 180, 'Democratic Services', 'all-members', 'induction', true),
        (2, 'Our code of conduct, for each political group', 'workshop', 90, 'Local Government Association', 'political-group', 'code-of-conduct', true),
        (3, 'Sitting on the Planning Committee', 'workshop', 120, 'Head of Planning', 'committee', 'planning', true)
      ) c(position, title, format, minutes, provider, audience, topic, mandatory)
     where p.authority_id = ${principalId}`.execute(trx);
  const parishCourses = sql.join(
    PARISH_COURSES.map(([title, topic], i) => sql`(${i + 4}::int, ${title}::text, ${topic}::text)`),
  );
  await sql`
    insert into courses (programme_id, position, title, format, duration_minutes, provider,
                         audience, topic, mandatory)
    select p.id, c.position, c.title, 'briefing', 90, 'County Association of Local Councils',
           'parish-councillors', c.topic, c.position = 4
      from programmes p
      cross join (values ${parishCourses}) c(position, title, topic)
     where p.authority_id = ${principalId}`.execute(trx);

  // Sessions: an induction in June, a group's code session in October, planning in July; for
  // parishes, each course twice in each of 40 areas, spread from September to April.
  await sql`
    with pc as (
      select c.id, c.position, c.audience, extract(year from p.starts_on)::int as y
        from courses c join programmes p on p.id = c.programme_id
       where p.authority_id = ${principalId}
    ),
    planned as (
      select pc.id as course_id, null::int as group_id, null::int as cluster,
             make_timestamptz(pc.y, case pc.position when 1 then 6 else 7 end, 10, 18, 0, 0, 'Europe/London') as starts_at
        from pc where pc.audience in ('all-members', 'committee')
      union all
      select pc.id, g.id, null,
             make_timestamptz(pc.y, 10, 1 + (g.id % 25), 18, 0, 0, 'Europe/London')
        from pc join organisations g on g.authority_id = ${principalId}
         and g.classification = 'political-group'
       where pc.audience = 'political-group'
      union all
      select pc.id, null, k % ${PARISH_CLUSTERS},
             make_timestamptz(pc.y, 9, 1, 19, 0, 0, 'Europe/London')
               + make_interval(days => (k * 5 + pc.position * 3) % 240)
        from pc cross join generate_series(0, ${2 * PARISH_CLUSTERS - 1}) k
       where pc.audience = 'parish-councillors'
    )
    insert into training_sessions (course_id, group_id, starts_at, ends_at, venue, status,
                                   confirmed_at)
    select course_id, group_id, starts_at, starts_at + interval '90 minutes',
           case when cluster is null then 'Council Chamber' else 'Village hall, area ' || (cluster + 1) end,
           case when starts_at < now() then 'held' else 'confirmed' end,
           starts_at - interval '60 days'
      from planned`.execute(trx);

  // Invitations: each session's audience on its day.
  await sql`
    with s as (
      select s.id, s.group_id, c.audience, c.audience_organisation_id, c.mandatory,
             (s.starts_at at time zone 'Europe/London')::date as day,
             substring(s.venue from 'area ([0-9]+)$')::int - 1 as cluster
        from training_sessions s
        join courses c on c.id = s.course_id
        join programmes p on p.id = c.programme_id
       where p.authority_id = ${principalId}
    ),
    audience as (
      select s.id as session_id, m.person_id, s.mandatory
        from s join memberships m on m.organisation_id = s.group_id
       where s.audience = 'political-group'
         and m.start_date <= s.day and (m.end_date is null or m.end_date >= s.day)
      union
      select s.id, m.person_id, s.mandatory
        from s join memberships m on m.organisation_id = s.audience_organisation_id
       where s.audience = 'committee'
         and m.start_date <= s.day and (m.end_date is null or m.end_date >= s.day)
      union
      select s.id, m.person_id, s.mandatory
        from s join organisations c on c.authority_id = ${principalId} and c.classification = 'council'
        join memberships m on m.organisation_id = c.id
       where s.audience = 'all-members'
         and m.start_date <= s.day and (m.end_date is null or m.end_date >= s.day)
      union
      select s.id, m.person_id, s.mandatory
        from s join authorities a on a.parent_id = ${principalId} and a.id % ${PARISH_CLUSTERS} = s.cluster
        join organisations c on c.authority_id = a.id and c.classification = 'council'
        join memberships m on m.organisation_id = c.id
       where s.audience = 'parish-councillors'
         and m.start_date <= s.day and (m.end_date is null or m.end_date >= s.day)
    )
    insert into session_invitations (session_id, person_id, required, invited_at, sent_sequence)
    select session_id, person_id, mandatory, now(), 0 from audience`.execute(trx);

  // Attendance at every session held.
  await sql`
    insert into attendance (session_id, person_id, status, recorded_at)
    select i.session_id, i.person_id,
           case (i.person_id * 7 + i.session_id * 13) % 20
             when 14 then 'late' when 15 then 'late' when 16 then 'left-early'
             when 17 then 'apologies' when 18 then 'apologies' when 19 then 'absent'
             else 'attended' end,
           s.ends_at
      from session_invitations i
      join training_sessions s on s.id = i.session_id and s.status = 'held'
      join courses c on c.id = s.course_id
      join programmes p on p.id = c.programme_id and p.authority_id = ${principalId}`.execute(trx);

  await sql`
    insert into compliance_rules (authority_id, name, topic, kind, within_months, committee_id)
    select ${principalId}::int, 'Code of conduct training within six months of election or of a new code',
           'code-of-conduct', 'within-months', 6, null
    union all
    select ${principalId}::int, 'Planning training before sitting on the Planning Committee',
           'planning', 'before-sitting', null, o.id
      from organisations o where o.authority_id = ${principalId} and o.committee_type = 'planning'`.execute(
    trx,
  );

  const { rows } = await sql<LargeTrainingResult>`
    select (select count(*) from programmes where authority_id = ${principalId})::int as programmes,
           (select count(*) from training_sessions s join courses c on c.id = s.course_id
              join programmes p on p.id = c.programme_id where p.authority_id = ${principalId})::int as sessions,
           (select count(*) from session_invitations)::int as invitations,
           (select count(*) from attendance)::int as attendance`.execute(trx);
  return rows[0]!;
}

/**
 * Add the member development records to a large dataset generated before they existed (the
 * benchmark keeps its data between runs): once, and only if the council has no programme yet.
 */
export async function ensureLargeTraining(
  db: Db,
  slug: string,
): Promise<{ added: false } | ({ added: true } & LargeTrainingResult)> {
  return topUpLargeCouncil(db, slug, {
    table: 'programmes',
    action: 'training-added',
    write: writeLargeTraining,
  });
}
