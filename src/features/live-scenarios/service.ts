import type { Db } from '../../db/database.js';
import type { LiveStage } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { attendanceWindow, type SessionRow } from '../training-attendance/index.js';
import {
  findLive,
  findPublishedScenario,
  insertLive,
  isPresent,
  lockLive,
  lockOpenLive,
  saveAnswer,
  setStage,
} from './repository.js';

/** Each stage and the one the facilitator may move it on to (closing is always possible). */
export const NEXT_STAGE: Record<LiveStage, LiveStage | null> = {
  answering: 'tally',
  tally: 'model-answer',
  'model-answer': 'closed',
  closed: null,
};

const ACTIONS: Record<Exclude<LiveStage, 'answering'>, string> = {
  tally: 'tally-shown',
  'model-answer': 'model-answer-shown',
  closed: 'closed',
};

/** Why scenarios cannot be run in the session now, or null when they can. */
export function closedReason(session: SessionRow, now: Date): string | null {
  if (session.status === 'cancelled') return 'This session was cancelled';
  const window = attendanceWindow(session);
  if (!window || session.status === 'planned')
    return 'Scenarios can be run once the session is confirmed with a date';
  if (now < window.opens || now > window.closes)
    return 'Scenarios can be run live only while the session is on: from half an hour before it starts until half an hour after it ends';
  return null;
}

/**
 * Open a published scenario of the session's council for its attendees to answer. A scenario
 * still open in the session is closed first (moving on). Both are audited.
 */
export async function openScenario(
  db: Db,
  session: SessionRow,
  scenarioId: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<Outcome<{ liveId: number; title: string }>> {
  const reason = closedReason(session, now);
  if (reason) return refuse('scenarioId', reason);
  return db.transaction().execute(async (trx) => {
    const scenario = await findPublishedScenario(trx, session.authorityId, scenarioId);
    if (!scenario) return refuse('scenarioId', 'Choose one of the published scenarios listed');
    const open = await lockOpenLive(trx, session.id);
    if (open) {
      await setStage(trx, open.id, 'closed');
      await recordAudit(trx, {
        ...actor,
        entity: 'live_scenario',
        entityId: open.id,
        action: 'closed',
        before: { stage: open.stage },
        after: { stage: 'closed' },
      });
    }
    const liveId = await insertLive(trx, session.id, scenario.id, actor.actorPersonId);
    await recordAudit(trx, {
      ...actor,
      entity: 'live_scenario',
      entityId: liveId,
      action: 'opened',
      after: { session_id: session.id, scenario_id: scenario.id, stage: 'answering' },
    });
    return done({ liveId, title: scenario.title });
  });
}

/** Show the tally, then the model answer, then close: one step at a time, or close at once. */
export async function moveOn(
  db: Db,
  sessionId: number,
  liveId: number,
  to: Exclude<LiveStage, 'answering'>,
  actor: Actor,
): Promise<Outcome<LiveStage>> {
  return db.transaction().execute(async (trx) => {
    const live = await lockLive(trx, sessionId, liveId);
    if (!live) return refuse('stage', 'This scenario is no longer open in the session');
    if (live.stage === to) return done(to);
    if (live.stage === 'closed') return refuse('stage', 'This scenario is closed');
    if (to !== 'closed' && NEXT_STAGE[live.stage] !== to)
      return refuse('stage', 'The scenario has moved on already: the page now shows where it is');
    await setStage(trx, live.id, to);
    await recordAudit(trx, {
      ...actor,
      entity: 'live_scenario',
      entityId: live.id,
      action: ACTIONS[to],
      before: { stage: live.stage },
      after: { stage: to },
    });
    return done(to);
  });
}

export interface AnswerToSave {
  liveId: number;
  acceptable: boolean;
  anchors: string[];
  choiceId: number | null;
  nextStepText: string;
}

/** Why an answer was not stored: no such scenario for this person, answers closed, a wrong choice. */
export type AnswerResult = { ok: true } | { ok: false; why: 'missing' | 'closed' | 'choice' };

/**
 * An attendee's answer, stored (or changed) in one statement, with no audit row: answers are
 * not administrative changes. When nothing is stored, says why.
 */
export async function answer(
  db: Db,
  sessionId: number,
  personId: number,
  input: AnswerToSave,
): Promise<AnswerResult> {
  if (await saveAnswer(db, { sessionId, personId, ...input })) return { ok: true };
  const [live, present] = await Promise.all([
    findLive(db, sessionId, input.liveId),
    isPresent(db, sessionId, personId),
  ]);
  if (!live || !present) return { ok: false, why: 'missing' };
  if (live.stage !== 'answering') return { ok: false, why: 'closed' };
  return { ok: false, why: 'choice' };
}
