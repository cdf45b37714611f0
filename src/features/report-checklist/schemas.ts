import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

const MAX_ID = 2_147_483_647;

/** A database id from a path, query or form: digits only, within an integer column's range. */
export const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const idParams = z.object({ id });
export const appendixParams = z.object({ id, appendixId: id });
export const authorityQuery = z.object({ authority: id.optional() });

export const MAX_STATEMENT = 5000;

const label = z.preprocess(
  trimmed,
  z
    .string({ error: 'Enter a name for the implication' })
    .max(200, { error: 'The name must be 200 characters or fewer' }),
);

export const newTypeForm = z.object({
  label,
  needsClearance: z.enum(['yes', 'no'], { error: 'Select whether a named officer must clear it' }),
});

export const renameTypeForm = z.object({ label });

export const moveForm = z.object({ direction: z.enum(['up', 'down']) });

export const houseStyleForm = z.object({
  pattern: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter the word or phrase to look for' })
      .max(100, { error: 'The word or phrase must be 100 characters or fewer' }),
  ),
  advice: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter the advice to give' })
      .max(500, { error: 'The advice must be 500 characters or fewer' }),
  ),
});

const title = z.preprocess(
  trimmed,
  z
    .string({ error: 'Enter a title for the appendix' })
    .max(300, { error: 'The title must be 300 characters or fewer' }),
);

export const codeVersionAppendixForm = z.object({
  title,
  versionId: id.optional().or(z.literal('').transform(() => undefined)),
});

export const comparisonAppendixForm = z.object({
  title,
  fromVersionId: id.optional().or(z.literal('').transform(() => undefined)),
  toVersionId: id.optional().or(z.literal('').transform(() => undefined)),
});

export const fileAppendixForm = z.object({ title });

export const programmeAppendixForm = z.object({
  title,
  programmeId: id.optional().or(z.literal('').transform(() => undefined)),
});

/** A key for a new implication type, from its label: `equality-of-opportunity`. */
export function keyFromLabel(text: string): string {
  const key = text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return key || 'implication';
}
