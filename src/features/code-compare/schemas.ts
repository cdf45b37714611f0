import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

/** The same rule the authorities table checks; anything else cannot be a council. */
const slug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const id = z.coerce.number().int().positive().max(2_147_483_647);

export const slugParams = z.object({ slug });
export const idParams = z.object({ id });

/** A version picked in a select: a whole number, or the message to show against the field. */
const picked = (message: string) =>
  z.preprocess(
    trimmed,
    z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message),
  );

/** "Show unchanged paragraphs": on with `all=1`; anything else, or nothing, is off. */
const showAll = z
  .unknown()
  .transform((value) => value === '1')
  .catch(false);

/** `/code/<slug>/compare?from=<n>&to=<m>`: two different version numbers. */
export const publicCompareQuery = z
  .object({
    from: picked('Choose the version to compare from'),
    to: picked('Choose the version to compare to'),
    all: showAll,
  })
  .refine((q) => q.from !== q.to, {
    path: ['to'],
    error: 'Choose two different versions to compare',
  });

/** `/admin/code/versions/<id>/compare?with=<otherId>`: another version than this one. */
export const adminCompareQuery = (versionId: number) =>
  z
    .object({
      with: picked('Choose a version to compare with'),
      all: showAll,
    })
    .refine((q) => q.with !== versionId, {
      path: ['with'],
      error: 'Choose a version other than this one',
    });

/** What was picked, as typed, to show the form again. */
export const rawValue = (value: unknown): string => (typeof value === 'string' ? value : '');
