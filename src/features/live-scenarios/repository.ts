import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { QUIET_WRITE } from '../../db/data-changes.js';
import type { AttendanceStatus, LiveStage, ScenarioTopic } from '../../db/schema.js';
import type { ParagraphLink } from '../learning/index.js';

/** Attendance that lets a person answer: they are (or were) in the room. */
export const PRESENT: readonly AttendanceStatus[] = ['attended', 'late', 'left-early'];

export interface LiveRow {
  id: number;
  sessionId: number;
  scenarioId: number;
  stage: LiveStage;
  openedAt: Date;
  closedAt: Date | null;
  title: string;
  situation: string;
  topics: ScenarioTopic[];
  acceptable: boolean;
  nextStepKind: 'choice' | 'text';
  modelAnswer: string;
  explanation: string;
}

export interface ChoiceRow {
  id: number;
  text: string;
  correct: boolean;
  feedback: string;
}

function lives(db: DbOrTrx) {
  return db
    .selectFrom('live_scenarios as l')
    .innerJoin('scenarios as sc', 'sc.id', 'l.scenario_id')
    .select([
      'l.id',
      'l.session_id as sessionId',
      'l.scenario_id as scenarioId',
      'l.stage',
      'l.opened_at as openedAt',
      'l.closed_at as closedAt',
      'sc.title',
      'sc.situation',
      'sc.topics',
      'sc.acceptable',
      'sc.next_step_kind as nextStepKind',
      'sc.model_answer as modelAnswer',
      'sc.explanation',
    ]);
}

/** One scenario run in the session (null when it is not this session's). */
export async function findLive(db: DbOrTrx, sessionId: number, liveId: number) {
  return (
    (await lives(db)
      .where('l.id', '=', liveId)
      .where('l.session_id', '=', sessionId)
      .executeTakeFirst()) ?? null
  );
}

/** The scenarios run in a session, the latest first. */
export async function listLives(db: DbOrTrx, sessionId: number): Promise<LiveRow[]> {
  return lives(db).where('l.session_id', '=', sessionId).orderBy('l.id', 'desc').execute();
}

export async function lockLive(db: DbOrTrx, sessionId: number, liveId: number) {
  return (
    (await db
      .selectFrom('live_scenarios')
      .select(['id', 'stage', 'scenario_id as scenarioId'])
      .where('id', '=', liveId)
      .where('session_id', '=', sessionId)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

/** The scenario open in the session now, locked, if any. */
export async function lockOpenLive(db: DbOrTrx, sessionId: number) {
  return (
    (await db
      .selectFrom('live_scenarios')
      .select(['id', 'stage', 'scenario_id as scenarioId'])
      .where('session_id', '=', sessionId)
      .where('stage', '<>', 'closed')
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

export async function setStage(db: DbOrTrx, liveId: number, stage: LiveStage) {
  await db
    .updateTable('live_scenarios')
    .set({ stage, closed_at: stage === 'closed' ? new Date() : null })
    .where('id', '=', liveId)
    .execute();
}

export async function insertLive(
  db: DbOrTrx,
  sessionId: number,
  scenarioId: number,
  openedBy: number,
): Promise<number> {
  const row = await db
    .insertInto('live_scenarios')
    .values({ session_id: sessionId, scenario_id: scenarioId, opened_by: openedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listChoices(db: DbOrTrx, scenarioIds: number[]) {
  if (scenarioIds.length === 0) return [];
  return db
    .selectFrom('scenario_choices')
    .select(['id', 'scenario_id as scenarioId', 'text', 'correct', 'feedback'])
    .where('scenario_id', 'in', scenarioIds)
    .orderBy('scenario_id')
    .orderBy('position')
    .execute();
}

export async function listLinks(
  db: DbOrTrx,
  scenarioIds: number[],
): Promise<(ParagraphLink & { scenarioId: number })[]> {
  if (scenarioIds.length === 0) return [];
  return db
    .selectFrom('scenario_paragraphs')
    .select(['scenario_id as scenarioId', 'anchor', 'lineage', 'code_version_id', 'digest'])
    .where('scenario_id', 'in', scenarioIds)
    .orderBy('scenario_id')
    .orderBy('anchor')
    .execute();
}

/** A published scenario of the council, to open: null when there is none with that id. */
export async function findPublishedScenario(db: DbOrTrx, authorityId: number, scenarioId: number) {
  return (
    (await db
      .selectFrom('scenarios')
      .select(['id', 'title'])
      .where('id', '=', scenarioId)
      .where('authority_id', '=', authorityId)
      .where('status', '=', 'published')
      .executeTakeFirst()) ?? null
  );
}

/** The council's published scenarios, by title, optionally on one topic. */
export async function listPublishedScenarios(
  db: DbOrTrx,
  authorityId: number,
  topic: ScenarioTopic | null,
) {
  let query = db
    .selectFrom('scenarios')
    .select(['id', 'title', 'topics', 'situation'])
    .where('authority_id', '=', authorityId)
    .where('status', '=', 'published');
  if (topic) query = query.where(sql<boolean>`topics @> array[${topic}]::text[]`);
  return query.orderBy('title').orderBy('id').execute();
}

/** Whether the person is recorded as present at the session (so may answer). */
export async function isPresent(db: DbOrTrx, sessionId: number, personId: number) {
  const row = await db
    .selectFrom('attendance')
    .select('person_id')
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .where('status', 'in', PRESENT)
    .executeTakeFirst();
  return row !== undefined;
}

export interface OwnAnswer {
  liveScenarioId: number;
  acceptable: boolean;
  anchors: string[];
  choiceId: number | null;
  nextStepText: string;
}

/** A person's own answers to the scenarios run in a session. */
export async function listOwnAnswers(
  db: DbOrTrx,
  sessionId: number,
  personId: number,
): Promise<OwnAnswer[]> {
  return db
    .selectFrom('live_answers as a')
    .innerJoin('live_scenarios as l', 'l.id', 'a.live_scenario_id')
    .select([
      'a.live_scenario_id as liveScenarioId',
      'a.acceptable',
      'a.anchors',
      'a.choice_id as choiceId',
      'a.next_step_text as nextStepText',
    ])
    .where('l.session_id', '=', sessionId)
    .where('a.person_id', '=', personId)
    .execute();
}

/**
 * Store or change an attendee's answer in one statement: only while the scenario is taking
 * answers, only for someone present at its session, and only with a choice of its scenario.
 * (A text answer's scenario takes no choice; a choice scenario needs one.) Returns false when
 * nothing was stored (the caller finds out why).
 */
export async function saveAnswer(
  db: DbOrTrx,
  answer: {
    sessionId: number;
    liveId: number;
    personId: number;
    acceptable: boolean;
    anchors: string[];
    choiceId: number | null;
    nextStepText: string;
  },
): Promise<boolean> {
  // Not a change of data for the caches (decision 0022): fifty answers at once must not make
  // every signed-in page and session be loaded again. The projector page, the only cached page
  // that shows answers, keys itself by `answerFingerprint` instead.
  const { rows } = await sql<{ id: number }>`${sql.raw(QUIET_WRITE)}
    insert into live_answers
      (live_scenario_id, person_id, acceptable, anchors, choice_id, next_step_text)
    select l.id, ${answer.personId}, ${answer.acceptable}, ${sql.val(answer.anchors)}::text[],
           ${answer.choiceId}::int, ${answer.nextStepText}
      from live_scenarios l
      join scenarios sc on sc.id = l.scenario_id
     where l.id = ${answer.liveId} and l.session_id = ${answer.sessionId}
       and l.stage = 'answering'
       and (sc.next_step_kind = 'text') = (${answer.choiceId}::int is null)
       and exists (select 1 from attendance a
                    where a.session_id = l.session_id and a.person_id = ${answer.personId}
                      and a.status in ('attended', 'late', 'left-early'))
       and (${answer.choiceId}::int is null
            or exists (select 1 from scenario_choices c
                        where c.id = ${answer.choiceId}::int and c.scenario_id = l.scenario_id))
    on conflict (live_scenario_id, person_id) do update
       set acceptable = excluded.acceptable, anchors = excluded.anchors,
           choice_id = excluded.choice_id, next_step_text = excluded.next_step_text,
           answered_at = now()
    returning live_scenario_id as id`.execute(db);
  return rows.length > 0;
}

/** Sessions the person is recorded as present at that ran scenarios live: to go back to their answers. */
export async function listMySessions(db: DbOrTrx, personId: number) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('training_sessions as s', 's.id', 'a.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select([
      's.id',
      'c.title as courseTitle',
      'g.name as groupName',
      's.starts_at as startsAt',
      's.ends_at as endsAt',
    ])
    .where('a.person_id', '=', personId)
    .where('a.status', 'in', PRESENT)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('live_scenarios as l').select('l.id').whereRef('l.session_id', '=', 's.id'),
      ),
    )
    .orderBy(sql`s.starts_at desc nulls last`)
    .orderBy('s.id', 'desc')
    .limit(20)
    .execute();
}

/** What changes when an attendee answers in a session: their answers there, and the latest. */
export async function ownAnswerFingerprint(
  db: DbOrTrx,
  sessionId: number,
  personId: number,
): Promise<string> {
  const { rows } = await sql<{ n: number; latest: Date | null }>`
    select count(*)::int as n, max(a.answered_at) as latest
      from live_answers a join live_scenarios l on l.id = a.live_scenario_id
     where l.session_id = ${sessionId} and a.person_id = ${personId}`.execute(db);
  const row = rows[0];
  return `${row?.n ?? 0}:${row?.latest?.getTime() ?? 0}`;
}

/** What changes when attendees answer: how many answers there are, and the latest. */
export async function answerFingerprint(db: DbOrTrx, liveId: number): Promise<string> {
  const { rows } = await sql<{ n: number; latest: Date | null }>`
    select count(*)::int as n, max(answered_at) as latest
      from live_answers where live_scenario_id = ${liveId}`.execute(db);
  const row = rows[0];
  return `${row?.n ?? 0}:${row?.latest?.getTime() ?? 0}`;
}
