import { sql } from 'kysely';
import type { Trx } from '../db/database.js';
import { LARGE_ACCOUNTS } from './large.js';

/**
 * What the large council needs, beyond what it was generated with, for the benchmark to load
 * every learning page: written in the caller's transaction.
 *
 * - The councillor the benchmark signs in as has answered at least one scenario of a published
 *   self-study set (for the feedback page). `large-learning.ts` gives each councillor a share of
 *   the sets by their id, which for one in seven is none.
 * - The same councillor has an evaluation they started and have not sent: a session they
 *   attended, most recent first, preferring one still open (the last 180 days), with its
 *   ratings saved and the closing free-text question still to answer (for the question and
 *   check pages, which send anyone who has sent theirs back to the start).
 */
export async function writeLargeLearningExtras(
  trx: Trx,
  principalId: number,
): Promise<Record<string, number>> {
  const councillor = await trx
    .selectFrom('people')
    .select('id')
    .where('authority_id', '=', principalId)
    .where('email', '=', LARGE_ACCOUNTS.councillor)
    .executeTakeFirstOrThrow();
  return {
    'self-study answers for the councillor': await answerOneScenario(
      trx,
      principalId,
      councillor.id,
    ),
    'unfinished evaluations for the councillor': await startEvaluation(trx, councillor.id),
  };
}

/** One answer to the first scenario of the council's first published set, if they have none. */
async function answerOneScenario(trx: Trx, principalId: number, personId: number) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from self_study_answers a
      join scenario_sets s on s.id = a.set_id
     where a.person_id = ${personId} and s.authority_id = ${principalId} and s.published`.execute(
    trx,
  );
  if ((rows[0]?.n ?? 0) > 0) return 0;
  // Their answer: not acceptable, the first paragraph the scenario links to, and to ask the
  // Monitoring Officer first (or, for a scenario asking for words, the same in a sentence).
  const inserted = await sql`
    insert into self_study_answers (set_id, scenario_id, person_id, acceptable, anchors,
                                    choice_id, next_step_text)
    select i.set_id, i.scenario_id, ${personId}::int, false,
           coalesce((select array[p.anchor] from scenario_paragraphs p
                      where p.scenario_id = i.scenario_id order by p.anchor limit 1), '{}'),
           case when sc.next_step_kind = 'choice' then
             (select c.id from scenario_choices c where c.scenario_id = i.scenario_id
               order by c.correct desc, c.position limit 1) end,
           case when sc.next_step_kind = 'text' then
             'Say nothing for now and ring the Monitoring Officer before the meeting.' else '' end
      from scenario_set_items i
      join scenario_sets s on s.id = i.set_id
      join scenarios sc on sc.id = i.scenario_id and sc.status = 'published'
     where s.authority_id = ${principalId} and s.published
     order by s.id, i.position
     limit 1`.execute(trx);
  const n = Number(inserted.numAffectedRows ?? 0);
  if (n === 0) throw new Error('The large council has no published scenario in a published set');
  return n;
}

/**
 * A started, unsent evaluation of a session the councillor attended. If they sent one for
 * every session they were present at, they are recorded as present at the latest session
 * they were invited to and have not evaluated (an attendance register corrected afterwards).
 */
async function startEvaluation(trx: Trx, personId: number) {
  const candidates = (present: boolean) => sql<{ session_id: number; ends_at: Date }>`
    select s.id as session_id, s.ends_at
      from training_sessions s
      join ${present ? sql`attendance` : sql`session_invitations`} a
        on a.session_id = s.id and a.person_id = ${personId}
      left join evaluation_responses r on r.session_id = s.id and r.person_id = ${personId}
     where s.status = 'held' and s.ends_at <= now()
       ${present ? sql`and a.status in ('attended', 'late', 'left-early')` : sql``}
       and r.submitted_at is null
       and exists (select 1 from evaluation_questions q
                    where q.course_id = s.course_id and not q.retired)
     order by s.ends_at >= now() - interval '180 days' desc, s.ends_at desc, s.id desc
     limit 1`;
  let chosen = (await candidates(true).execute(trx)).rows[0];
  if (!chosen) {
    chosen = (await candidates(false).execute(trx)).rows[0];
    if (!chosen) throw new Error('The large council\u2019s councillor has no session to evaluate');
    await sql`
      insert into attendance (session_id, person_id, status, recorded_at)
      values (${chosen.session_id}, ${personId}, 'attended', ${chosen.ends_at})
      on conflict (session_id, person_id) do update set status = 'attended'`.execute(trx);
  }
  const sessionId = chosen.session_id;
  await sql`
    update attendance set evaluation_requested_at = ${chosen.ends_at}
     where session_id = ${sessionId} and person_id = ${personId}
       and evaluation_requested_at is null`.execute(trx);
  const started = await sql`
    insert into evaluation_responses (session_id, person_id, started_at)
    values (${sessionId}, ${personId}, ${chosen.ends_at}::timestamptz + interval '1 day')
    on conflict (session_id, person_id) do nothing`.execute(trx);
  // Every rating answered; the last, optional, question not yet, and not sent.
  await sql`
    insert into evaluation_answers (response_id, question_id, rating)
    select r.id, q.id, 3 + (q.position % 2)
      from evaluation_responses r
      join training_sessions s on s.id = r.session_id
      join evaluation_questions q on q.course_id = s.course_id and not q.retired
     where r.session_id = ${sessionId} and r.person_id = ${personId} and q.kind = 'rating'
       and r.submitted_at is null
    on conflict do nothing`.execute(trx);
  return Number(started.numAffectedRows ?? 0);
}
