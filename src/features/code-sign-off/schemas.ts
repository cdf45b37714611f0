import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

const MAX_ID = 2_147_483_647;

/** A database id from a path, query string or form: digits only, within an integer's range. */
const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

const slug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const versionParams = z.object({ versionId: id });

/** The one box a member ticks to sign. */
export const CONFIRM_TEXT = 'I have read this code and I will observe it';
export const signForm = z.object({
  confirm: z.literal('yes', {
    error: 'Tick the box to confirm that you have read the code and will observe it',
  }),
});

/** `/sign-offs?authority=<slug>&group=<id>&page=<n>`; empty values mean "not chosen". */
export const listQuery = z.object({
  authority: z.preprocess(trimmed, slug.optional()),
  group: z.preprocess(trimmed, id.optional()),
  page: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^[1-9]\d{0,5}$/)
      .transform(Number)
      .optional(),
  ),
});

/** `/sign-offs/paper?authority=<slug>` or `?version=<id>`, and optionally `&person=<id>`. */
export const paperQuery = z.object({
  authority: z.preprocess(trimmed, slug.optional()),
  version: z.preprocess(trimmed, id.optional()),
  person: z.preprocess(trimmed, id.optional()),
});

export const paperForm = z.object({
  versionId: id,
  personId: z.preprocess(trimmed, id.optional()),
});
