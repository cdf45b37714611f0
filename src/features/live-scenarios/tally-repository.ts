import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { LiveStage } from '../../db/schema.js';

/** The anonymous tally of a scenario's answers: counts only, and the texts without who wrote them. */
export interface TallyRows {
  answers: number;
  acceptable: number;
  notAcceptable: number;
  anchors: { anchor: string; count: number }[];
  choices: { choiceId: number; count: number }[];
  texts: string[];
}

export async function tallyRows(db: DbOrTrx, liveId: number): Promise<TallyRows> {
  const { rows } = await sql<{
    answers: number;
    acceptable: number;
    anchors: { anchor: string; count: number }[] | null;
    choices: { choiceId: number; count: number }[] | null;
    texts: string[] | null;
  }>`
    select count(*)::int as answers,
           (count(*) filter (where acceptable))::int as acceptable,
           (select json_agg(json_build_object('anchor', anchor, 'count', n))
              from (select anchor, count(*)::int as n
                      from live_answers, unnest(anchors) as anchor
                     where live_scenario_id = ${liveId} group by anchor) x) as anchors,
           (select json_agg(json_build_object('choiceId', choice_id, 'count', n))
              from (select choice_id, count(*)::int as n from live_answers
                     where live_scenario_id = ${liveId} and choice_id is not null
                     group by choice_id) y) as choices,
           (select array_agg(next_step_text order by lower(next_step_text), next_step_text)
              from live_answers
             where live_scenario_id = ${liveId} and next_step_text <> '') as texts
      from live_answers where live_scenario_id = ${liveId}`.execute(db);
  const row = rows[0];
  return {
    answers: row?.answers ?? 0,
    acceptable: row?.acceptable ?? 0,
    notAcceptable: (row?.answers ?? 0) - (row?.acceptable ?? 0),
    anchors: row?.anchors ?? [],
    choices: row?.choices ?? [],
    texts: row?.texts ?? [],
  };
}

/** How many answers a scenario has, its stage, and when the last answer came: for live updates. */
export async function liveState(db: DbOrTrx, sessionId: number, liveId: number) {
  const { rows } = await sql<{ stage: LiveStage; answers: number; last: Date | null }>`
    select l.stage,
           (select count(*)::int from live_answers a where a.live_scenario_id = l.id) as answers,
           (select max(answered_at) from live_answers a where a.live_scenario_id = l.id) as last
      from live_scenarios l where l.id = ${liveId} and l.session_id = ${sessionId}`.execute(db);
  return rows[0] ?? null;
}

/** The anonymous tallies of every scenario run in a session, for its page of past scenarios. */
export async function tallies(db: DbOrTrx, liveIds: number[]): Promise<Map<number, TallyRows>> {
  const entries = await Promise.all(
    liveIds.map(async (liveId) => [liveId, await tallyRows(db, liveId)] as const),
  );
  return new Map(entries);
}
