import { meetingDay, meetingTime } from '../meetings/index.js';
import { formatDate } from '../../platform/views.js';
import { paths } from './paths.js';
import type { QuestionRow } from './repository.js';
import { RATING_LABELS } from './schemas.js';
import type { Answer } from './response-service.js';

export const KIND_LABELS = { rating: 'Rating from 1 to 5', text: 'In their own words' } as const;

/** A course's questions for its evaluation page: those asked (in order) and those retired. */
export function questionsView(courseId: number, questions: QuestionRow[]) {
  const asked = questions.filter((q) => !q.retired);
  const line = (q: QuestionRow, i: number) => ({
    id: q.id,
    number: i + 1,
    prompt: q.prompt,
    kind: KIND_LABELS[q.kind],
    required: q.required,
    answersText:
      q.answers === 0 ? 'No answers yet' : `${q.answers} ${q.answers === 1 ? 'answer' : 'answers'}`,
    answered: q.answers > 0,
    first: i === 0,
    last: i === asked.length - 1,
    editHref: paths.editQuestion(courseId, q.id),
    actions: Object.fromEntries(
      ['up', 'down', 'retire', 'restore', 'remove'].map((a) => [
        a,
        paths.questionAction(courseId, q.id, a),
      ]),
    ),
  });
  return {
    asked: asked.map(line),
    retired: questions.filter((q) => q.retired).map(line),
  };
}

export function questionFormValues(q: QuestionRow) {
  return { prompt: q.prompt, kind: q.kind, required: q.required ? 'yes' : 'no' };
}

export function questionItems(values: Record<string, unknown>) {
  return {
    kindItems: (['rating', 'text'] as const).map((value) => ({
      value,
      text: KIND_LABELS[value],
      hint: {
        text:
          value === 'rating'
            ? 'From 1 (poor) to 5 (excellent); results show the average and a chart'
            : 'A box to type in; results list the answers without names',
      },
      checked: values.kind === value,
    })),
    requiredItems: [
      { value: 'yes', text: 'Yes, an answer is required', checked: values.required === 'yes' },
      { value: 'no', text: 'No, people may skip it', checked: values.required === 'no' },
    ],
  };
}

/** 'Tuesday 2 March 2027, 6:30pm', or 'Date not recorded'. */
export function sessionWhen(session: { startsAt: Date | null }) {
  return session.startsAt
    ? `${meetingDay(session.startsAt)}, ${meetingTime(session.startsAt)}`
    : 'Date not recorded';
}

export function sessionTitle(session: { courseTitle: string; groupName: string | null }) {
  return session.groupName ? `${session.courseTitle} (${session.groupName})` : session.courseTitle;
}

/** An answer in words, for the check-your-answers page. */
export function answerText(kind: 'rating' | 'text', answer: Answer | undefined) {
  if (!answer) return 'Not answered';
  if (kind === 'rating') return answer.rating ? RATING_LABELS[answer.rating]! : 'Not answered';
  return answer.text ?? 'Not answered';
}

export function ratingItems(chosen: string) {
  return [5, 4, 3, 2, 1].map((r) => ({
    value: String(r),
    text: RATING_LABELS[r],
    checked: chosen === String(r),
  }));
}

export const sentOn = (date: Date) => formatDate(date);
