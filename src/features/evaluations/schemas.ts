import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

const MAX_ID = 2_147_483_647;

/** A database id or a question number from a path: digits only, within an integer's range. */
const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const idParams = z.object({ id });
export const questionParams = z.object({ id, questionId: id });
export const answerParams = z.object({ sessionId: id, n: id });
export const sessionParams = z.object({ sessionId: id });

/** A course's evaluation question, as the administrator types it. */
export const questionForm = z.object({
  prompt: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter the question' })
      .max(500, { error: 'The question must be 500 characters or fewer' }),
  ),
  kind: z.enum(['rating', 'text'], {
    error: 'Select whether people answer with a rating or in their own words',
  }),
  required: z.enum(['yes', 'no'], { error: 'Select whether an answer is required' }),
});
export type QuestionForm = z.infer<typeof questionForm>;

export const RATING_LABELS: Record<number, string> = {
  1: '1 – Poor',
  2: '2 – Fair',
  3: '3 – Good',
  4: '4 – Very good',
  5: '5 – Excellent',
};

/** One answer, read against its question: a rating 1 to 5, or text of up to 5,000 characters. */
export function readAnswer(
  question: { kind: 'rating' | 'text'; required: boolean },
  body: Record<string, unknown>,
): { ok: true; rating: number | null; text: string | null } | { ok: false; message: string } {
  const raw = typeof body.answer === 'string' ? body.answer.trim() : '';
  if (question.kind === 'rating') {
    if (raw === '') {
      return question.required
        ? { ok: false, message: 'Select a rating from 1 to 5' }
        : { ok: true, rating: null, text: null };
    }
    if (!/^[1-5]$/.test(raw)) return { ok: false, message: 'Select a rating from 1 to 5' };
    return { ok: true, rating: Number(raw), text: null };
  }
  if (raw === '') {
    return question.required
      ? { ok: false, message: 'Enter your answer' }
      : { ok: true, rating: null, text: null };
  }
  if (raw.length > 5000)
    return { ok: false, message: 'Your answer must be 5,000 characters or fewer' };
  return { ok: true, rating: null, text: raw };
}
