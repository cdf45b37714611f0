import type { Db } from '../../db/database.js';
import { done, refuse, type Outcome } from '../../platform/outcome.js';
import {
  findAttendedSession,
  findResponse,
  listAnswers,
  listAskedQuestions,
  listMySessions,
  responseFor,
  type AttendedSession,
  type QuestionRow,
} from './repository.js';
import { readAnswer } from './schemas.js';

export interface Answer {
  rating: number | null;
  text: string | null;
}

/** What the evaluation pages of one session show a person: the questions and their answers so far. */
export interface Evaluation {
  session: AttendedSession;
  questions: QuestionRow[];
  answers: Map<number, Answer>;
  submittedAt: Date | null;
  started: boolean;
}

/**
 * The person's evaluation of a session, or null if they may not evaluate it: they were not
 * there, it has not ended, or its course asks no questions.
 */
export async function loadEvaluation(
  db: Db,
  sessionId: number,
  personId: number,
  now = new Date(),
): Promise<Evaluation | null> {
  const session = await findAttendedSession(db, sessionId, personId, now);
  if (!session) return null;
  const questions = await listAskedQuestions(db, session.courseId);
  if (questions.length === 0) return null;
  const response = await findResponse(db, sessionId, personId);
  const answers = new Map<number, Answer>();
  for (const a of response ? await listAnswers(db, response.id) : []) {
    answers.set(a.questionId, { rating: a.rating, text: a.text });
  }
  return {
    session,
    questions,
    answers,
    submittedAt: response?.submittedAt ?? null,
    started: response !== null,
  };
}

/**
 * Save one answer as soon as it is posted, so that nothing typed is lost if the person stops
 * halfway. A blank answer to a question that is not required clears what was saved.
 */
export async function saveAnswer(
  db: Db,
  sessionId: number,
  personId: number,
  question: QuestionRow,
  body: Record<string, unknown>,
): Promise<Outcome | { ok: false; submitted: true }> {
  const answer = readAnswer(question, body);
  if (!answer.ok) return refuse('answer', answer.message);
  return db.transaction().execute(async (trx) => {
    const response = await responseFor(trx, sessionId, personId);
    if (response.submittedAt) return { ok: false as const, submitted: true as const };
    if (answer.rating === null && answer.text === null) {
      await trx
        .deleteFrom('evaluation_answers')
        .where('response_id', '=', response.id)
        .where('question_id', '=', question.id)
        .execute();
    } else {
      const values = { rating: answer.rating, text: answer.text };
      await trx
        .insertInto('evaluation_answers')
        .values({ response_id: response.id, question_id: question.id, ...values })
        .onConflict((oc) => oc.columns(['response_id', 'question_id']).doUpdateSet(values))
        .execute();
    }
    return done(undefined);
  });
}

/** The number (from 1) of the first required question without an answer, if any. */
export function firstMissing(evaluation: Pick<Evaluation, 'questions' | 'answers'>): number | null {
  const index = evaluation.questions.findIndex((q) => q.required && !evaluation.answers.has(q.id));
  return index < 0 ? null : index + 1;
}

/** Send the evaluation: once, and only with every required question answered. */
export async function submitEvaluation(
  db: Db,
  sessionId: number,
  personId: number,
  now = new Date(),
): Promise<Outcome | { ok: false; submitted: true }> {
  return db.transaction().execute(async (trx) => {
    const response = await responseFor(trx, sessionId, personId);
    if (response.submittedAt) return { ok: false as const, submitted: true as const };
    const session = await findAttendedSession(trx, sessionId, personId, now);
    if (!session) return refuse('answers', 'You cannot evaluate this session');
    const questions = await listAskedQuestions(trx, session.courseId);
    const answers = new Map((await listAnswers(trx, response.id)).map((a) => [a.questionId, a]));
    const missing = firstMissing({ questions, answers });
    if (missing !== null) {
      return refuse(`question-${missing}`, `Answer question ${missing}: it is required`);
    }
    await trx
      .updateTable('evaluation_responses')
      .set({ submitted_at: now })
      .where('id', '=', response.id)
      .execute();
    return done(undefined);
  });
}

/** One session in a person's list of evaluations. */
export interface PendingEvaluation {
  sessionId: number;
  courseTitle: string;
  groupName: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  /** they have answered some questions but not sent it */
  started: boolean;
  href: string;
}

/**
 * The sessions waiting for the person's evaluation, most recent first: ones they attended
 * (or came late to, or left early) that have ended, whose course asks questions, and that
 * they have not evaluated. For the dashboard and the training record.
 */
export async function pendingEvaluations(
  db: Db,
  personId: number,
  now = new Date(),
): Promise<PendingEvaluation[]> {
  const rows = await listMySessions(db, personId, now);
  return rows
    .filter((r) => r.submittedAt === null)
    .map((r) => ({
      sessionId: r.sessionId,
      courseTitle: r.courseTitle,
      groupName: r.groupName,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      started: r.startedAt !== null,
      href: `/my/evaluations/${r.sessionId}`,
    }));
}
