import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../index.js';
import type { Db } from '../../db/database.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { paths } from './paths.js';
import {
  actOnQuestion,
  addQuestion,
  addStandardQuestions,
  changeQuestion,
  STANDARD_QUESTIONS,
  type QuestionAction,
} from './question-service.js';
import { listQuestions, type CourseRow, type QuestionRow } from './repository.js';
import {
  actorOf,
  bodyOf,
  courseFrom,
  idOf,
  noProblems,
  renderPage,
  type Problems,
} from './route-support.js';
import { questionForm, questionParams } from './schemas.js';
import { questionFormValues, questionItems, questionsView } from './view-model.js';

const ACTIONS: readonly QuestionAction[] = ['up', 'down', 'retire', 'restore', 'remove'];

/**
 * How many answers each of a course's questions has: answers are not audited, so another
 * process's page cache would not hear of a new one; this is part of the key of pages showing it.
 */
async function answerCounts(db: Db, courseId: number): Promise<string> {
  const { rows } = await sql<{ f: string | null }>`
    select string_agg(t.question_id || ':' || t.n, ',' order by t.question_id) as f
      from (select a.question_id, count(*) as n
              -- the course's questions are answered for its own sessions: through the
              -- sessions' and responses' indexes rather than every council's answers
              from training_sessions s
              join evaluation_responses r on r.session_id = s.id
              join evaluation_answers a on a.response_id = r.id
             where s.course_id = ${courseId}
             group by a.question_id) t`.execute(db);
  return rows[0]?.f ?? '';
}

/** Administrators choose the questions a course asks after each of its sessions. */
export const questionRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const renderList = async (
    reply: FastifyReply,
    course: CourseRow,
    problems: Problems = noProblems(),
  ) => {
    const questions = await listQuestions(db, course.id);
    return renderPage(reply, 'questions.njk', {
      pageTitle: `Evaluation – ${course.title}`,
      course,
      ...questionsView(course.id, questions),
      standard: STANDARD_QUESTIONS,
      paths: {
        course: paths.course(course.id),
        add: paths.newQuestion(course.id),
        standard: paths.standardSet(course.id),
        results: paths.courseResults(course.id),
      },
      ...problems,
    });
  };

  const renderForm = (
    reply: FastifyReply,
    course: CourseRow,
    question: QuestionRow | null,
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) =>
    renderPage(reply, 'question-form.njk', {
      pageTitle: question ? 'Change the question' : 'Add a question',
      course,
      action: question ? paths.editQuestion(course.id, question.id) : paths.newQuestion(course.id),
      backHref: paths.questions(course.id),
      answered: question ? question.answers : 0,
      values,
      ...questionItems(values),
      ...problems,
    });

  const questionOf = async (request: FastifyRequest, course: CourseRow) => {
    const parsed = questionParams.safeParse(request.params);
    const question = parsed.success
      ? (await listQuestions(db, course.id)).find((q) => q.id === parsed.data.questionId)
      : undefined;
    if (!question) throw notFound();
    return question;
  };

  app.get('/admin/courses/:id/evaluation', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(
      async (reply) => renderList(reply, await courseFrom(db, request)),
      await answerCounts(db, idOf(request)),
    ),
  );

  app.post(
    '/admin/courses/:id/evaluation/standard',
    { config: administrators },
    async (request, reply) => {
      const course = await courseFrom(db, request);
      const result = await addStandardQuestions(db, course.id, actorOf(request));
      if (!result.ok) return renderList(reply, course, refusalPart(result.refusal));
      return redirectWithFlash(reply, paths.questions(course.id), {
        title: 'Questions added',
        text: `The course now asks the ${result.value} standard questions. Change, move or retire any of them.`,
      });
    },
  );

  app.get('/admin/courses/:id/evaluation/new', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      renderForm(reply, await courseFrom(db, request), null, { required: 'no' }),
    ),
  );

  app.post(
    '/admin/courses/:id/evaluation/new',
    { config: administrators },
    async (request, reply) => {
      const course = await courseFrom(db, request);
      const body = bodyOf(request);
      const form = parseForm(questionForm, body);
      if (!form.ok) return renderForm(reply, course, null, body, form);
      await addQuestion(db, course.id, form.data, actorOf(request));
      return redirectWithFlash(reply, paths.questions(course.id), { text: 'Question added' });
    },
  );

  app.get(
    '/admin/courses/:id/evaluation/:questionId/edit',
    { config: administrators },
    async (request, outer) =>
      outer.renderPersonalPageWith(
        async (reply) => {
          const course = await courseFrom(db, request);
          const question = await questionOf(request, course);
          return renderForm(reply, course, question, questionFormValues(question));
        },
        await answerCounts(db, idOf(request)),
      ),
  );

  app.post(
    '/admin/courses/:id/evaluation/:questionId/edit',
    { config: administrators },
    async (request, reply) => {
      const course = await courseFrom(db, request);
      const question = await questionOf(request, course);
      const body = bodyOf(request);
      const form = parseForm(questionForm, body);
      if (!form.ok) return renderForm(reply, course, question, body, form);
      const result = await changeQuestion(db, course.id, question.id, form.data, actorOf(request));
      if (!result.ok) {
        return renderForm(reply, course, question, body, refusalPart(result.refusal));
      }
      return redirectWithFlash(reply, paths.questions(course.id), { text: 'Question changed' });
    },
  );

  app.post(
    '/admin/courses/:id/evaluation/:questionId/:action',
    { config: administrators },
    async (request, reply) => {
      const course = await courseFrom(db, request);
      const question = await questionOf(request, course);
      const action = (request.params as { action?: string }).action as QuestionAction;
      if (!ACTIONS.includes(action)) throw notFound();
      const result = await actOnQuestion(db, course.id, question.id, action, actorOf(request));
      if (!result.ok) return renderList(reply, course, refusalPart(result.refusal));
      return redirectWithFlash(reply, `${paths.questions(course.id)}#question-${question.id}`, {
        text: result.value,
      });
    },
  );
};
