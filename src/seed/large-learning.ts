import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import { topUpLargeCouncil } from './top-up.js';

/**
 * The benchmark council's learning content (issue 7), so that its pages are measured at a
 * council's scale: a workshop plan for each course topic (carried by every course of that topic,
 * all eight years) and four more; a scenario bank of 240 scenarios with choices and links to the
 * code in force; twelve published sets of twelve scenarios, worked through in self-study by the
 * council's own councillors (a share of the sets each); evaluation questions on every course,
 * and evaluations sent by most attendees of the sessions of the last two years.
 *
 * Written by PostgreSQL itself, in a few statements, like `large-training.ts`.
 */
export interface LargeLearningResult {
  plans: number;
  scenarios: number;
  sets: number;
  selfStudyAnswers: number;
  evaluationResponses: number;
}

/** One plan per course topic of `large-training.ts`, its length that of the course. */
const TOPIC_PLANS = [
  ['induction', 'Starting out as a councillor', 180],
  ['code-of-conduct', 'Our code of conduct in practice', 90],
  ['planning', 'Fair decisions on the Planning Committee', 120],
  ['parish-finance', 'Money matters for parish councils', 90],
  ['chairing', 'Running a good parish meeting', 90],
  ['planning-consultations', 'Commenting on planning applications', 90],
  ['working-with-the-clerk', 'Councillors and their clerk', 90],
] as const;
const OTHER_PLANS = [
  ['Posting online as a councillor', 60],
  ['Registering and declaring interests', 60],
  ['Gifts, hospitality and the register', 45],
  ['Treating people with respect', 120],
] as const;
const TOPICS = [
  'respect',
  'bullying',
  'officer-impartiality',
  'confidentiality',
  'disrepute',
  'use-of-position',
  'interests',
  'gifts',
  'social-media',
  'elections-and-politics',
];

export async function writeLargeLearning(
  trx: Trx,
  principalId: number,
): Promise<LargeLearningResult> {
  const plans = sql.join([
    ...TOPIC_PLANS.map(
      ([topic, title, minutes]) => sql`(${topic}::text, ${title}::text, ${minutes}::int)`,
    ),
    ...OTHER_PLANS.map(([title, minutes]) => sql`(null::text, ${title}::text, ${minutes}::int)`),
  ]);
  await sql`
    insert into workshop_plans (authority_id, title, purposes, duration_minutes)
    select ${principalId}::int, p.title,
           'By the end, councillors can say what the code asks of them in ' || lower(p.title) ||
           ', spot the moments when it applies and know whom to ask before acting.', p.minutes
      from (values ${plans}) p(topic, title, minutes)`.execute(trx);
  await sql`
    update courses c set workshop_plan_id = w.id
      from programmes p, (values ${plans}) t(topic, title, minutes), workshop_plans w
     where p.id = c.programme_id and p.authority_id = ${principalId}
       and t.topic = c.topic and w.authority_id = ${principalId} and w.title = t.title`.execute(
    trx,
  );
  // A timed agenda of quarter hours adding up to the plan's length, examples, sources.
  await sql`
    insert into workshop_agenda_items (plan_id, position, title, minutes, facilitator_notes, materials)
    select w.id, k, case k when 0 then 'Welcome and what we will cover'
                          when w.duration_minutes / 15 - 1 then 'Questions and where to get advice'
                          else 'Exercise ' || k || ': working through a case in small groups' end,
           15, 'Give each table a printed case; ask one person to report back in two minutes.',
           case when k % 2 = 1 then 'Printed cases, flip chart, pens' else '' end
      from workshop_plans w cross join generate_series(0, w.duration_minutes / 15 - 1) k
     where w.authority_id = ${principalId}`.execute(trx);
  await sql`
    insert into workshop_examples (plan_id, position, kind, text)
    select w.id, k, case when k % 2 = 0 then 'acceptable' else 'unacceptable' end,
           case when k % 2 = 0
             then 'A councillor declares a link to a local club before the item and leaves the room (case ' || k || ').'
             else 'A councillor presses an officer in public to change advice they dislike (case ' || k || ').' end
      from workshop_plans w cross join generate_series(0, 5) k
     where w.authority_id = ${principalId}`.execute(trx);
  await sql`
    insert into workshop_sources (plan_id, position, title, publisher, url)
    select w.id, k, (array['Guidance on the model code', 'Registering interests: a short guide',
                           'The council''s constitution'])[k + 1],
           (array['Local Government Association', 'Monitoring Officer', 'Democratic Services'])[k + 1],
           'https://large-city.example/guidance/' || (k + 1)
      from workshop_plans w cross join generate_series(0, 2) k
     where w.authority_id = ${principalId}`.execute(trx);
  // Links to paragraphs of the code in force, six a plan and two a scenario, with the digest
  // of their text now (src/features/learning/paragraphs.ts), so they start current.
  const paragraphs = sql`
    select i.anchor, i.lineage, i.version_id,
           left(encode(sha256(convert_to(coalesce(i.heading, '') || chr(10) || coalesce(i.body, ''), 'UTF8')), 'hex'), 32) as digest,
           row_number() over (order by i.position) - 1 as n,
           count(*) over () as total
      from code_items i join code_versions v on v.id = i.version_id
     where v.authority_id = ${principalId} and v.status = 'in-force' and i.kind = 'paragraph'`;
  await sql`
    with p as (${paragraphs})
    insert into workshop_paragraphs (plan_id, anchor, lineage, code_version_id, digest)
    select w.id, p.anchor, p.lineage, p.version_id, p.digest
      from workshop_plans w cross join generate_series(0, 5) k
      join p on p.n = (w.id * 7 + k * 5) % p.total
     where w.authority_id = ${principalId}
    on conflict do nothing`.execute(trx);

  // The scenario bank: 200 published, 30 drafts, 10 retired.
  await sql`
    insert into scenarios (authority_id, title, situation, topics, acceptable, model_answer,
                           explanation, status)
    select ${principalId}::int, 'Case ' || k || ': ' ||
             (array['a favour for a neighbour', 'a heated committee', 'a leaked paper', 'a post at midnight',
                    'tickets to the match', 'a word with the planner', 'a family business',
                    'a campaign leaflet'])[1 + k % 8],
           'A councillor is asked, during case ' || k || ', to act in a way that touches on ' ||
             replace(t.topics[1], '-', ' ') || '. Others are watching, and the councillor has a few minutes to decide.',
           t.topics, k % 3 <> 0,
           'Pause, check what the code says about ' || replace(t.topics[1], '-', ' ') ||
             ', and ask the Monitoring Officer when in doubt.',
           'The code asks councillors to think about how their conduct looks to the public.',
           case when k <= 200 then 'published' when k <= 230 then 'draft' else 'retired' end
      from generate_series(1, 240) k
      cross join lateral (select array[(${TOPICS}::text[])[1 + k % 10], (${TOPICS}::text[])[1 + (k * 3) % 10]] as topics) t`.execute(
    trx,
  );
  await sql`
    insert into scenario_choices (scenario_id, position, text, correct, feedback)
    select s.id, k, (array['Go ahead as asked', 'Ask for advice first', 'Refuse and report it'])[k + 1],
           k = 1, 'Think about who could be affected, and what they would see.'
      from scenarios s cross join generate_series(0, 2) k
     where s.authority_id = ${principalId}`.execute(trx);
  await sql`
    with p as (${paragraphs})
    insert into scenario_paragraphs (scenario_id, anchor, lineage, code_version_id, digest)
    select s.id, p.anchor, p.lineage, p.version_id, p.digest
      from scenarios s cross join generate_series(0, 1) k
      join p on p.n = (s.id * 11 + k * 17) % p.total
     where s.authority_id = ${principalId}
    on conflict do nothing`.execute(trx);

  // Twelve published sets of twelve published scenarios; the first counts towards this year's
  // code of conduct course.
  await sql`
    insert into scenario_sets (authority_id, title, description, counts_towards_course_id, published)
    select ${principalId}::int, 'Self-study set ' || k || ': ' || replace((${TOPICS}::text[])[1 + k % 10], '-', ' '),
           'Twelve short cases to work through at your own pace.',
           case when k = 1 then (
             select c.id from courses c join programmes p on p.id = c.programme_id
              where p.authority_id = ${principalId} and c.topic = 'code-of-conduct'
              order by p.starts_on desc limit 1) end,
           true
      from generate_series(1, 12) k`.execute(trx);
  await sql`
    with sc as (
      select id, row_number() over (order by id) - 1 as n from scenarios
       where authority_id = ${principalId} and status = 'published'),
    st as (
      select id, row_number() over (order by id) - 1 as n from scenario_sets
       where authority_id = ${principalId})
    insert into scenario_set_items (set_id, scenario_id, position)
    select st.id, sc.id, k
      from st cross join generate_series(0, 11) k join sc on sc.n = (st.n * 12 + k) % 200`.execute(
    trx,
  );
  // The council's current councillors have each worked through some of the sets.
  await sql`
    with members as (
      select distinct m.person_id from memberships m
        join organisations o on o.id = m.organisation_id
       where o.authority_id = ${principalId} and o.classification = 'council'
         and m.end_date is null),
    st as (
      select id, row_number() over (order by id) - 1 as n from scenario_sets
       where authority_id = ${principalId})
    insert into self_study_answers (set_id, scenario_id, person_id, acceptable, anchors, choice_id)
    select i.set_id, i.scenario_id, m.person_id, (m.person_id + i.scenario_id) % 4 <> 0,
           array[sp.anchor], ch.id
      from members m join st on st.n < m.person_id % 7
      join scenario_set_items i on i.set_id = st.id
      join lateral (select anchor from scenario_paragraphs where scenario_id = i.scenario_id
                     order by anchor limit 1) sp on true
      join scenario_choices ch on ch.scenario_id = i.scenario_id
       and ch.position = (m.person_id + i.scenario_id) % 3`.execute(trx);
  await sql`
    insert into scenario_set_completions (set_id, person_id)
    select a.set_id, a.person_id from self_study_answers a
      join scenario_sets s on s.id = a.set_id and s.authority_id = ${principalId}
     group by a.set_id, a.person_id having count(*) = 12`.execute(trx);

  // Evaluations: four questions on every course; the sessions of the last two years asked
  // for them, and about seven in ten of those who came sent one.
  await sql`
    insert into evaluation_questions (course_id, position, kind, prompt, required)
    select c.id, q.position, q.kind, q.prompt, q.kind = 'rating'
      from courses c join programmes p on p.id = c.programme_id
      cross join (values
        (0, 'rating', 'How useful was the session to you as a councillor?'),
        (1, 'rating', 'How clear were the explanations and examples?'),
        (2, 'rating', 'How confident do you now feel applying what you learned?'),
        (3, 'text', 'What one thing would you change about the session?')
      ) q(position, kind, prompt)
     where p.authority_id = ${principalId}`.execute(trx);
  await sql`
    update attendance a set evaluation_requested_at = s.ends_at
      from training_sessions s, courses c, programmes p
     where s.id = a.session_id and c.id = s.course_id and p.id = c.programme_id
       and p.authority_id = ${principalId} and s.status = 'held'
       and s.starts_at > now() - interval '2 years'
       and a.status in ('attended', 'late', 'left-early')`.execute(trx);
  await sql`
    insert into evaluation_responses (session_id, person_id, started_at, submitted_at)
    select a.session_id, a.person_id, a.evaluation_requested_at + interval '1 hour',
           a.evaluation_requested_at + interval '1 hour 5 minutes'
      from attendance a
     where a.evaluation_requested_at is not null and (a.person_id + a.session_id) % 10 < 7`.execute(
    trx,
  );
  await sql`
    insert into evaluation_answers (response_id, question_id, rating, text)
    select r.id, q.id,
           case when q.kind = 'rating' then 1 + (r.id + q.position * 3) % 5 end,
           case when q.kind = 'text' then
             (array['More time for the cases, please.', 'Fewer slides and more discussion.',
                    'Nothing: it was just right.', 'Send the papers a week before.'])[1 + r.id % 4] end
      from evaluation_responses r
      join training_sessions s on s.id = r.session_id
      join evaluation_questions q on q.course_id = s.course_id
      join courses c on c.id = s.course_id
      join programmes p on p.id = c.programme_id and p.authority_id = ${principalId}
     where r.submitted_at is not null and (q.kind = 'rating' or r.id % 3 = 0)`.execute(trx);

  const { rows } = await sql<LargeLearningResult>`
    select (select count(*) from workshop_plans where authority_id = ${principalId})::int as plans,
           (select count(*) from scenarios where authority_id = ${principalId})::int as scenarios,
           (select count(*) from scenario_sets where authority_id = ${principalId})::int as sets,
           (select count(*) from self_study_answers)::int as "selfStudyAnswers",
           (select count(*) from evaluation_responses)::int as "evaluationResponses"`.execute(trx);
  return rows[0]!;
}

/**
 * Add the learning content to a large dataset generated before it existed (the benchmark keeps
 * its data between runs): once, and only if the council has no workshop plan yet.
 */
export async function ensureLargeLearning(
  db: Db,
  slug: string,
): Promise<{ added: false } | ({ added: true } & LargeLearningResult)> {
  return topUpLargeCouncil(db, slug, {
    table: 'workshop_plans',
    action: 'learning-added',
    write: writeLargeLearning,
  });
}
