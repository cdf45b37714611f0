import type { DbOrTrx } from '../db/database.js';
import { STANDARD_QUESTIONS } from '../features/evaluations/index.js';

interface Answer {
  response_id: number;
  question_id: number;
  rating: number | null;
  text: string | null;
}

/** A question some demo courses ask besides the standard ones, by the course's topic. */
const EXTRA: Record<string, { prompt: string; kind: 'rating' | 'text' }> = {
  'code-of-conduct': {
    kind: 'rating',
    prompt: 'How sure are you now of when the code asks you to declare an interest?',
  },
  planning: {
    kind: 'rating',
    prompt: 'How sure are you now of when to step back from a planning decision?',
  },
};

/** Comments people typed, in the demo's own words, by course topic (and for any course). */
const COMMENTS: Record<string, { useful: string[]; change: string[] }> = {
  'code-of-conduct': {
    useful: [
      'Working through the short scenarios in pairs',
      'The example of a post about an officer, and how quickly it could turn into a complaint',
      'Knowing that I can ask the Monitoring Officer before I speak, not after',
      'Going through our own local additions to the code, not just the model',
    ],
    change: [
      'More time on gifts and hospitality: the threshold still confuses people',
      'Send the scenarios beforehand so we can think about them',
      'A shorter session would suit members who work during the day',
    ],
  },
  planning: {
    useful: [
      'The difference between being open-minded and having no view at all',
      'Hearing from the Head of Planning about lobbying by applicants',
    ],
    change: ['A site visit exercise would help', 'Please repeat this after the new local plan'],
  },
  any: {
    useful: [
      'Clear explanations and plenty of time for questions',
      'Meeting the officers I will be working with',
      'The written summary to take away',
    ],
    change: [
      'Fewer slides, more discussion',
      'An online option for those who cannot come to the Town Hall',
      'Start on time: we lost ten minutes at the beginning',
    ],
  },
};

/**
 * Demo evaluations for a council: every course of its programmes asks the standard questions
 * (two courses one more of their own), and about two thirds of the people who came to each
 * held session have sent an evaluation. People who can sign in (the demo accounts) are left
 * to evaluate their sessions themselves, so their dashboards have something waiting.
 */
export async function seedDemoEvaluations(db: DbOrTrx, authorityId: number): Promise<void> {
  const courses = await db
    .selectFrom('courses as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .select(['c.id', 'c.topic'])
    .where('p.authority_id', '=', authorityId)
    .orderBy('c.id')
    .execute();
  const questionsOf = new Map<
    number,
    { id: number; kind: 'rating' | 'text'; position: number }[]
  >();
  for (const course of courses) {
    const extra = course.topic ? EXTRA[course.topic] : undefined;
    const questions = [
      ...STANDARD_QUESTIONS.slice(0, 3),
      ...(extra ? [{ ...extra, required: false }] : []),
      ...STANDARD_QUESTIONS.slice(3),
    ];
    const rows = await db
      .insertInto('evaluation_questions')
      .values(questions.map((q, position) => ({ course_id: course.id, position, ...q })))
      .returning(['id', 'kind', 'position'])
      .execute();
    questionsOf.set(course.id, rows);
  }

  const attendees = await db
    .selectFrom('attendance as a')
    .innerJoin('training_sessions as s', 's.id', 'a.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .select([
      'a.session_id as sessionId',
      'a.person_id as personId',
      'c.id as courseId',
      'c.topic',
      's.ends_at as endsAt',
    ])
    .where('p.authority_id', '=', authorityId)
    .where('s.status', '=', 'held')
    .where('a.status', 'in', ['attended', 'late', 'left-early'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('credentials as cr')
            .select('cr.person_id')
            .whereRef('cr.person_id', '=', 'a.person_id'),
        ),
      ),
    )
    .orderBy('a.session_id')
    .orderBy('a.person_id')
    .execute();

  for (const [index, a] of attendees.entries()) {
    if (index % 3 === 2 || !a.endsAt) continue;
    const questions = questionsOf.get(a.courseId) ?? [];
    const comments = COMMENTS[a.topic ?? ''] ?? COMMENTS.any!;
    const submitted = new Date(a.endsAt.getTime() + (1 + (index % 5)) * 20 * 60 * 60_000);
    const response = await db
      .insertInto('evaluation_responses')
      .values({
        session_id: a.sessionId,
        person_id: a.personId,
        started_at: submitted,
        submitted_at: submitted,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const answers = questions.flatMap((q): Answer[] => {
      if (q.kind === 'rating') {
        // Mostly good or very good, some excellent, the odd fair or poor.
        const rating = [4, 5, 4, 3, 5, 4, 2, 4, 5, 3, 4, 1][(index + q.position * 7) % 12]!;
        return [{ response_id: response.id, question_id: q.id, rating, text: null }];
      }
      const pool = q.position === questions.length - 1 ? comments.change : comments.useful;
      // Not everyone writes something.
      if ((index + q.position) % 4 === 0) return [];
      const text = pool[(index >> 1) % pool.length]!;
      return [{ response_id: response.id, question_id: q.id, rating: null, text }];
    });
    if (answers.length > 0) await db.insertInto('evaluation_answers').values(answers).execute();
  }
}
