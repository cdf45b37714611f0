import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';
import type { CourseAudience, CourseFormat } from '../../db/schema.js';

const MAX_ID = 2_147_483_647;

/** A database id from a path or a form: digits only, within an integer column's range. */
export const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const idParams = z.object({ id });
export const facilitatorParams = z.object({ id, personId: id });

const text = (max: number, missing: string, tooLong: string) =>
  z.preprocess(trimmed, z.string({ error: missing }).max(max, tooLong));
const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => trimmed(v) ?? '', z.string().max(max, tooLong));
const optionalId = z.preprocess(trimmed, id.optional());

export const programmeForm = z.object({
  title: text(200, 'Enter the title of the programme', 'The title must be 200 characters or fewer'),
});

export const approveForm = z.object({
  reference: text(
    300,
    'Enter the reference of the approval',
    'The reference must be 300 characters or fewer',
  ),
});

export const FORMATS: Record<CourseFormat, string> = {
  workshop: 'Workshop',
  briefing: 'Briefing',
  'e-learning': 'E-learning',
  'induction-module': 'Induction module',
};

export const AUDIENCES: Record<CourseAudience, string> = {
  'political-group': 'The members of one political group (a session for each group)',
  'all-members': 'All members of the council',
  committee: 'The members of a committee',
  officers: 'Officers',
  'parish-councillors': 'Parish and town councillors',
};

const keys = <K extends string>(o: Record<K, string>) => Object.keys(o) as [K, ...K[]];

/** A paragraph number of the code: 3, 3.1, 3.1(a), A, A.1. */
const PARAGRAPH = /^(\d{1,3}|[A-Z])(\.\d{1,3})*(\([a-z]{1,4}\))?$/;

export const courseForm = z
  .object({
    title: text(200, 'Enter the title of the course', 'The title must be 200 characters or fewer'),
    purposes: optionalText(4000, 'The purposes must be 4,000 characters or fewer'),
    format: z.enum(keys(FORMATS), { error: 'Select the format of the course' }),
    durationMinutes: z.preprocess(
      trimmed,
      z
        .string({ error: 'Enter how long the course lasts, in minutes' })
        .regex(/^\d{1,3}$/, 'Enter the duration as a whole number of minutes, like 90')
        .transform(Number)
        .refine((n) => n >= 15 && n <= 480, 'The duration must be between 15 and 480 minutes'),
    ),
    provider: optionalText(200, 'The provider must be 200 characters or fewer'),
    audience: z.enum(keys(AUDIENCES), { error: 'Select who the course is for' }),
    audienceOrganisationId: optionalId,
    topic: z.preprocess(
      (v) => (typeof trimmed(v) === 'string' ? String(trimmed(v)).toLowerCase() : undefined),
      z
        .string()
        .max(60, 'The topic key must be 60 characters or fewer')
        .regex(
          /^[a-z0-9]+(-[a-z0-9]+)*$/,
          'The topic key must be lower-case words joined by hyphens, like code-of-conduct',
        )
        .optional(),
    ),
    mandatory: z.preprocess(
      trimmed,
      z.enum(['yes', 'no'], { error: 'Select whether the course is mandatory' }),
    ),
    codeParagraphs: z.preprocess(
      (v) => (typeof v === 'string' ? v : ''),
      z.string().transform((v, ctx) => {
        const list = v
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p !== '');
        const wrong = list.find((p) => !PARAGRAPH.test(p));
        if (wrong !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `"${wrong.slice(0, 20)}" is not a paragraph number: use numbers like 3.1 or 2.1(a), separated by commas`,
          });
          return z.NEVER;
        }
        return [...new Set(list)];
      }),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.audience === 'committee' && v.audienceOrganisationId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['audienceOrganisationId'],
        message: 'Select the committee the course is for',
      });
  });
export type CourseInput = z.infer<typeof courseForm>;

export const sessionForm = z.object({
  groupId: optionalId,
  startTime: optionalText(20, 'Enter a time like 18:30 or 6:30pm'),
  endTime: optionalText(20, 'Enter a time like 20:00 or 8pm'),
  venue: optionalText(200, 'The venue must be 200 characters or fewer'),
  onlineUrl: z.preprocess(
    trimmed,
    z
      .string()
      .max(500, 'The online link must be 500 characters or fewer')
      .regex(/^https?:\/\/\S+$/, 'Enter the online link starting with https://')
      .optional(),
  ),
  capacity: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^\d{1,4}$/, 'Enter the capacity as a whole number, like 40')
      .transform(Number)
      .refine((n) => n > 0, 'The capacity must be at least 1')
      .optional(),
  ),
  minimumNumbers: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^\d{1,4}$/, 'Enter the minimum numbers as a whole number, like 20')
      .transform(Number)
      .refine((n) => n > 0, 'The minimum numbers must be at least 1')
      .optional(),
  ),
  complementsSessionId: optionalId,
});
export type SessionFormData = z.infer<typeof sessionForm>;

export const facilitatorForm = z.object({
  personId: z
    .preprocess(trimmed, id.optional())
    .refine((v) => v !== undefined, { message: 'Select the facilitator' }),
  role: optionalText(200, 'The role must be 200 characters or fewer'),
});
