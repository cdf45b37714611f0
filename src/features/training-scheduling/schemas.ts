import { parseTimeOfDay } from '../meetings/index.js';
import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

const MAX_ID = 2_147_483_647;

/** A database id from a path or a form: digits only, within an integer column's range. */
export const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

/** A chosen id (a radio or a select); the message when none is chosen. */
const requiredId = (message: string) =>
  z.preprocess(trimmed, z.string({ error: message }).pipe(id));

export const idParams = z.object({ id });
export const proposalParams = z.object({ id, proposalId: id });

const time = (missing: string) =>
  z.preprocess(
    trimmed,
    z.string({ error: missing }).transform((v, ctx) => {
      const parsed = parseTimeOfDay(v);
      if (parsed === null) {
        ctx.addIssue({ code: 'custom', message: 'Enter a time like 18:30 or 6:30pm' });
        return z.NEVER;
      }
      return parsed;
    }),
  );

const text = (max: number, tooLong: string) =>
  z.preprocess(trimmed, z.string().max(max, tooLong).optional());

/** The times of a proposed date (the date itself is a GOV.UK date input, read apart). */
export const dateTimesForm = z.object({
  startTime: time('Enter the start time'),
  endTime: time('Enter the end time'),
  note: text(2000, 'The note must be 2,000 characters or fewer'),
});

/** Confirming a session on one of its proposed dates. */
export const confirmForm = z.object({
  proposalId: requiredId('Choose the date to confirm'),
  overrideReason: text(1000, 'The reason must be 1,000 characters or fewer'),
});

/** Turning down a date still open, with a note for the whip. */
export const closeForm = z.object({
  closeProposalId: requiredId('Choose the date to turn down'),
  closeNote: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter a note for the whip saying why' })
      .max(2000, 'The note must be 2,000 characters or fewer'),
  ),
});

/** A whip's acceptance of a proposed date, with an optional note. */
export const acceptForm = z.object({
  note: text(2000, 'The note must be 2,000 characters or fewer'),
});

export const topicForm = z.object({
  groupId: requiredId('Choose the group proposing the topic'),
  topic: z.preprocess(
    trimmed,
    z.string({ error: 'Enter the topic' }).max(200, 'The topic must be 200 characters or fewer'),
  ),
  reason: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter why the group wants this topic' })
      .max(2000, 'The reason must be 2,000 characters or fewer'),
  ),
});

export const topicDecisionForm = z.object({
  decision: z.enum(['accept', 'merge', 'decline'], {
    error: 'Choose what to do with the proposal',
  }),
  courseId: z.preprocess(trimmed, id.optional()),
  newCourse: z.preprocess(trimmed, z.literal('yes').optional()),
  reply: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter a reply to the group' })
      .max(2000, 'The reply must be 2,000 characters or fewer'),
  ),
});

/** Merging needs a course: checked apart so it shows with the other fields' errors. */
export const missingMergeCourse = (body: Record<string, unknown>) =>
  body.decision === 'merge' && !(typeof body.courseId === 'string' && body.courseId.trim())
    ? {
        errors: { courseId: { text: 'Choose the course to merge the topic into' } },
        errorList: [{ text: 'Choose the course to merge the topic into', href: '#courseId' }],
      }
    : null;

export const liaisonForm = z.object({
  attendees: z.preprocess(
    (v) => (v === undefined ? [] : [v].flat()),
    z.array(id, { error: 'Choose who attended' }).min(1, 'Choose who attended'),
  ),
  notes: text(10000, 'The notes must be 10,000 characters or fewer'),
});
