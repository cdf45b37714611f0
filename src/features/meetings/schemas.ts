import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';
import { parseTimeOfDay } from './times.js';

const MAX_ID = 2_147_483_647;

/** A database id from a path or a form: digits only, within an integer column's range. */
export const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const idParams = z.object({ id });
export const itemParams = z.object({ id, itemId: id });

const time = (message: string) =>
  z.preprocess(
    trimmed,
    z.string({ error: message }).transform((v, ctx) => {
      const parsed = parseTimeOfDay(v);
      if (parsed === null) {
        ctx.addIssue({ code: 'custom', message: 'Enter a time like 18:30 or 6:30pm' });
        return z.NEVER;
      }
      return parsed;
    }),
  );

export const meetingForm = z.object({
  organisationId: z.preprocess(trimmed, id.optional()).refine((v) => v !== undefined, {
    message: 'Select the council, committee or sub-committee that meets',
  }),
  startTime: time('Enter the start time'),
  endTime: z.preprocess(trimmed, time('Enter the end time').optional()),
  venue: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter where the meeting takes place' })
      .max(200, 'The venue must be 200 characters or fewer'),
  ),
});

export const listQuery = z.object({
  organisation: z.preprocess(trimmed, id.optional()).catch(undefined),
  when: z.enum(['upcoming', 'past']).catch('upcoming'),
});

export const agendaForm = z.object({
  title: z.preprocess(
    trimmed,
    z.string().max(300, 'The title must be 300 characters or fewer').optional(),
  ),
  reportId: z.preprocess(trimmed, id.optional()),
});

export const moveForm = z.object({ direction: z.enum(['up', 'down']) });

export const declarationForm = z.object({
  personId: z.preprocess(trimmed, id.optional()).refine((v) => v !== undefined, {
    message: 'Select who made the declaration',
  }),
  agendaItemId: z.preprocess(trimmed, id.optional()),
  declaration: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter what was declared' })
      .max(2000, 'The declaration must be 2,000 characters or fewer'),
  ),
});

export const OUTCOMES = {
  agreed: 'Agreed',
  'agreed-as-amended': 'Agreed as amended',
  'not-agreed': 'Not agreed',
  deferred: 'Deferred',
} as const;

export const ATTENDANCE = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
} as const;

export const minuteReference = z.preprocess(
  trimmed,
  z
    .string({ error: 'Enter the minute reference' })
    .max(100, 'The minute reference must be 100 characters or fewer'),
);
