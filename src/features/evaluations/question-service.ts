import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { listQuestions, lockCourse } from './repository.js';
import type { QuestionForm } from './schemas.js';

/** The standard questions a course may start from: short, and quick to answer on a phone. */
export const STANDARD_QUESTIONS: readonly {
  kind: 'rating' | 'text';
  prompt: string;
  required: boolean;
}[] = [
  { kind: 'rating', prompt: 'Overall, how would you rate the session?', required: true },
  {
    kind: 'rating',
    prompt: 'How useful will the session be in your work as a councillor?',
    required: true,
  },
  {
    kind: 'rating',
    prompt: 'How clearly did the facilitator explain the subject?',
    required: false,
  },
  { kind: 'text', prompt: 'What was the most useful part of the session?', required: false },
  {
    kind: 'text',
    prompt: 'What would you change, or what else should the council offer?',
    required: false,
  },
];

const audit = (
  trx: Trx,
  actor: Actor,
  id: number,
  action: string,
  before: object | null,
  after: object | null,
) =>
  recordAudit(trx, {
    actorPersonId: actor.actorPersonId,
    entity: 'evaluation_question',
    entityId: id,
    action,
    before: before as Record<string, unknown> | null,
    after: after as Record<string, unknown> | null,
    requestId: actor.requestId,
  });

const nextPosition = (rows: { position: number }[]) =>
  rows.reduce((max, r) => Math.max(max, r.position + 1), 0);

export async function addQuestion(db: Db, courseId: number, form: QuestionForm, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    await lockCourse(trx, courseId);
    const position = nextPosition(await listQuestions(trx, courseId));
    const values = {
      course_id: courseId,
      position,
      kind: form.kind,
      prompt: form.prompt,
      required: form.required === 'yes',
    };
    const row = await trx
      .insertInto('evaluation_questions')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, row.id, 'added', null, values);
    return row.id;
  });
}

/** Start a course's evaluation from the standard questions: only while it asks nothing. */
export async function addStandardQuestions(
  db: Db,
  courseId: number,
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    await lockCourse(trx, courseId);
    const existing = await listQuestions(trx, courseId);
    if (existing.some((q) => !q.retired)) {
      return refuse('standard', 'The course already has questions: add any others one by one');
    }
    let position = nextPosition(existing);
    for (const q of STANDARD_QUESTIONS) {
      const values = { course_id: courseId, position, ...q };
      position += 1;
      const row = await trx
        .insertInto('evaluation_questions')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, actor, row.id, 'added', null, values);
    }
    return done(STANDARD_QUESTIONS.length);
  });
}

/** Change a question's words or whether it is required; its kind only while it has no answers. */
export async function changeQuestion(
  db: Db,
  courseId: number,
  questionId: number,
  form: QuestionForm,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    await lockCourse(trx, courseId);
    const question = (await listQuestions(trx, courseId)).find((q) => q.id === questionId);
    if (!question) return refuse('prompt', 'That question is no longer there');
    if (question.kind !== form.kind && question.answers > 0) {
      return refuse(
        'kind',
        'People have answered this question, so how they answer cannot change: retire it and add a new question instead',
      );
    }
    const before = { prompt: question.prompt, kind: question.kind, required: question.required };
    const after = { prompt: form.prompt, kind: form.kind, required: form.required === 'yes' };
    await trx.updateTable('evaluation_questions').set(after).where('id', '=', questionId).execute();
    await audit(trx, actor, questionId, 'changed', before, after);
    return done(undefined);
  });
}

export type QuestionAction = 'up' | 'down' | 'retire' | 'restore' | 'remove';

/**
 * Move a question up or down among those asked, retire it (kept for the answers it has), ask
 * a retired one again, or remove one nobody has answered. Says what happened, for the banner.
 */
export async function actOnQuestion(
  db: Db,
  courseId: number,
  questionId: number,
  action: QuestionAction,
  actor: Actor,
): Promise<Outcome<string>> {
  return db.transaction().execute(async (trx) => {
    await lockCourse(trx, courseId);
    const all = await listQuestions(trx, courseId);
    const question = all.find((q) => q.id === questionId);
    if (!question) return refuse('questions', 'That question is no longer there');
    if (action === 'up' || action === 'down') {
      const asked = all.filter((q) => !q.retired);
      const index = asked.findIndex((q) => q.id === questionId);
      const other = asked[action === 'up' ? index - 1 : index + 1];
      if (index < 0 || !other) return done('The question is already there');
      await trx
        .updateTable('evaluation_questions')
        .set({ position: other.position })
        .where('id', '=', question.id)
        .execute();
      await trx
        .updateTable('evaluation_questions')
        .set({ position: question.position })
        .where('id', '=', other.id)
        .execute();
      await audit(
        trx,
        actor,
        question.id,
        'moved',
        { position: question.position },
        { position: other.position },
      );
      return done(`Question moved ${action}`);
    }
    if (action === 'remove') {
      if (question.answers > 0) {
        return refuse('questions', 'People have answered this question: retire it instead');
      }
      await trx.deleteFrom('evaluation_questions').where('id', '=', question.id).execute();
      await audit(trx, actor, question.id, 'removed', { prompt: question.prompt }, null);
      return done('Question removed');
    }
    const retired = action === 'retire';
    if (question.retired === retired)
      return done(retired ? 'Question retired' : 'Question asked again');
    // A question asked again goes last; a retired one keeps its place among the retired.
    const position = retired ? question.position : nextPosition(all);
    await trx
      .updateTable('evaluation_questions')
      .set({ retired, position })
      .where('id', '=', question.id)
      .execute();
    await audit(
      trx,
      actor,
      question.id,
      retired ? 'retired' : 'restored',
      { retired: !retired },
      { retired },
    );
    return done(retired ? 'Question retired: its answers are kept' : 'Question asked again');
  });
}
