import { z } from 'zod';

/** The same rule the authorities table checks; anything else cannot be a council. */
const slug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
/** A version number as written in an address: digits only, no sign, no leading zero. */
const number = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/)
  .transform(Number);

export const codeParams = z.object({ slug });
export const versionParams = z.object({ slug, number });

/**
 * `?only=local` shows only the local additions. Any other value (a hand-edited address, a
 * repeated parameter) is ignored and the whole code is shown.
 */
export const versionQuery = z.object({
  only: z.enum(['local']).optional().catch(undefined),
});
export type VersionQuery = z.infer<typeof versionQuery>;
