import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';

/** Whose results: one session, every session of a course, or every course of a programme. */
export type Scope = { sessionId: number } | { courseId: number } | { programmeId: number };

export interface QuestionResult {
  id: number;
  prompt: string;
  kind: 'rating' | 'text';
  retired: boolean;
  /** how many gave each rating, index 0 for 1 ... index 4 for 5 */
  counts: [number, number, number, number, number];
  answered: number;
  /** to one decimal place; null with no ratings */
  average: number | null;
  /** free-text answers, sorted (never in the order they came) */
  texts: string[];
}

export interface CourseResult {
  courseId: number;
  courseTitle: string;
  attendees: number;
  responses: number;
  questions: QuestionResult[];
}

const where = (scope: Scope) =>
  'sessionId' in scope
    ? sql`s.id = ${scope.sessionId}`
    : 'courseId' in scope
      ? sql`c.id = ${scope.courseId}`
      : sql`c.programme_id = ${scope.programmeId}`;

/** A rating question's average, to one decimal place. */
export function average(counts: readonly number[]): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sum = counts.reduce((a, n, i) => a + n * (i + 1), 0);
  return Math.round((10 * sum) / total) / 10;
}

/**
 * The results of the sessions in scope, course by course: attendees (there for some of the
 * session at least), sent responses, and each question's ratings or free text. Unsent
 * responses do not count. Nothing here says who answered what.
 */
export async function loadResults(db: DbOrTrx, scope: Scope): Promise<CourseResult[]> {
  const filter = where(scope);
  const [courses, questions, ratings, texts] = await Promise.all([
    sql<{ courseId: number; courseTitle: string; attendees: number; responses: number }>`
      select c.id as "courseId", c.title as "courseTitle",
             -- Session by session, so that each count reads the attendance index rather than
             -- PostgreSQL joining every attendance row of every council to the sessions.
             (select coalesce(sum((select count(*) from attendance a where a.session_id = s.id
                                     and a.status in ('attended', 'late', 'left-early'))), 0)::int
                from training_sessions s
               where s.course_id = c.id and ${filter} and s.status <> 'cancelled') as attendees,
             (select count(*)::int from evaluation_responses r join training_sessions s on s.id = r.session_id
               where s.course_id = c.id and ${filter} and r.submitted_at is not null) as responses
        from courses c
       where c.id in (select s.course_id from training_sessions s join courses c on c.id = s.course_id where ${filter})
          or ${'sessionId' in scope ? sql`false` : filter}
       order by c.position, c.id`.execute(db),
    sql<{
      id: number;
      courseId: number;
      prompt: string;
      kind: 'rating' | 'text';
      retired: boolean;
    }>`
      select q.id, q.course_id as "courseId", q.prompt, q.kind, q.retired
        from evaluation_questions q join courses c on c.id = q.course_id
       where ${'sessionId' in scope ? sql`c.id = (select course_id from training_sessions where id = ${scope.sessionId})` : filter}
       order by q.retired, q.position`.execute(db),
    sql<{ questionId: number; rating: number; n: number }>`
      select an.question_id as "questionId", an.rating, count(*)::int as n
        from evaluation_answers an
        join evaluation_responses r on r.id = an.response_id and r.submitted_at is not null
        join training_sessions s on s.id = r.session_id
        join courses c on c.id = s.course_id
       where ${filter} and an.rating is not null
       group by an.question_id, an.rating`.execute(db),
    sql<{ questionId: number; text: string }>`
      select an.question_id as "questionId", an.text
        from evaluation_answers an
        join evaluation_responses r on r.id = an.response_id and r.submitted_at is not null
        join training_sessions s on s.id = r.session_id
        join courses c on c.id = s.course_id
       where ${filter} and an.text is not null
       order by lower(an.text), an.text`.execute(db),
  ]);
  const counts = new Map<number, [number, number, number, number, number]>();
  for (const r of ratings.rows) {
    const c = counts.get(r.questionId) ?? [0, 0, 0, 0, 0];
    c[r.rating - 1] = r.n;
    counts.set(r.questionId, c);
  }
  const textsOf = new Map<number, string[]>();
  for (const t of texts.rows)
    textsOf.set(t.questionId, [...(textsOf.get(t.questionId) ?? []), t.text]);
  return courses.rows.map((course) => ({
    ...course,
    questions: questions.rows
      .filter((q) => q.courseId === course.courseId)
      .map((q) => {
        const c = counts.get(q.id) ?? [0, 0, 0, 0, 0];
        const t = textsOf.get(q.id) ?? [];
        return {
          id: q.id,
          prompt: q.prompt,
          kind: q.kind,
          retired: q.retired,
          counts: c,
          answered: q.kind === 'rating' ? c.reduce((a, b) => a + b, 0) : t.length,
          average: q.kind === 'rating' ? average(c) : null,
          texts: t,
        };
      })
      // A retired question nobody answered here has nothing to show.
      .filter((q) => !q.retired || q.answered > 0),
  }));
}

/** Each held (or ended) session of a course: how many came and how many sent an evaluation. */
export async function listSessionRates(db: DbOrTrx, courseId: number, now = new Date()) {
  const { rows } = await sql<{
    id: number;
    startsAt: Date | null;
    groupName: string | null;
    attendees: number;
    responses: number;
  }>`
    select s.id, s.starts_at as "startsAt", g.name as "groupName",
           (select count(*)::int from attendance a where a.session_id = s.id
              and a.status in ('attended', 'late', 'left-early')) as attendees,
           (select count(*)::int from evaluation_responses r where r.session_id = s.id
              and r.submitted_at is not null) as responses
      from training_sessions s
      left join organisations g on g.id = s.group_id
     where s.course_id = ${courseId} and s.status <> 'cancelled' and s.ends_at <= ${now}
     order by s.starts_at, s.id`.execute(db);
  return rows;
}
