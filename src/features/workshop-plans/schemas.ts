import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

const MAX_ID = 2_147_483_647;

/** A database id from a path or a form: digits only, within an integer column's range. */
export const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const idParams = z.object({ id });
export const itemParams = z.object({ id, itemId: id });

const text = (max: number, missing: string, tooLong: string) =>
  z.preprocess(trimmed, z.string({ error: missing }).max(max, tooLong));
const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => trimmed(v) ?? '', z.string().max(max, tooLong));
const minutes = (missing: string, min: number, max: number) =>
  z.preprocess(
    trimmed,
    z
      .string({ error: missing })
      .regex(/^\d{1,3}$/, 'Enter a whole number of minutes, like 20')
      .transform(Number)
      .refine((n) => n >= min && n <= max, `Enter between ${min} and ${max} minutes`),
  );

export const planForm = z.object({
  title: text(200, 'Enter the title of the workshop', 'The title must be 200 characters or fewer'),
  purposes: optionalText(5000, 'The purposes must be 5,000 characters or fewer'),
  durationMinutes: minutes('Enter how long the workshop lasts, in minutes', 15, 480),
});
export type PlanInput = z.infer<typeof planForm>;

export const itemForm = z.object({
  title: text(300, 'Enter what the item is', 'The item must be 300 characters or fewer'),
  minutes: minutes('Enter how many minutes the item takes', 1, 480),
  facilitatorNotes: optionalText(5000, 'The notes must be 5,000 characters or fewer'),
  materials: optionalText(2000, 'The materials must be 2,000 characters or fewer'),
});
export type ItemInput = z.infer<typeof itemForm>;

export const moveForm = z.object({ direction: z.enum(['up', 'down']) });

export const exampleForm = z.object({
  kind: z.enum(['acceptable', 'unacceptable'], {
    error: 'Select whether the conduct is acceptable or not',
  }),
  text: text(2000, 'Describe the conduct', 'The example must be 2,000 characters or fewer'),
});
export type ExampleInput = z.infer<typeof exampleForm>;

export const sourceForm = z.object({
  title: text(300, 'Enter the title of the source', 'The title must be 300 characters or fewer'),
  publisher: optionalText(200, 'The publisher must be 200 characters or fewer'),
  url: z.preprocess(
    trimmed,
    z
      .string()
      .max(1000, 'The link must be 1,000 characters or fewer')
      .regex(/^https?:\/\/[^\s]+$/, 'Enter the link starting with https://')
      .optional(),
  ),
});
export type SourceInput = z.infer<typeof sourceForm>;

/** Checkboxes send nothing, one value, or several. */
export const anchorsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === 'string' && /^[a-z0-9-]{1,80}$/.test(v),
  );

export const coursePlanForm = z.object({
  planId: z.preprocess(trimmed, z.union([z.literal('none'), id], { error: 'Select a plan' })),
});
