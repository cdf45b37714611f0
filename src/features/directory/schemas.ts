import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

/** The same rule the authorities table checks; anything else cannot be a council. */
const slug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const id = z.coerce.number().int().positive().max(2_147_483_647);

export const councilParams = z.object({ slug });
export const personParams = z.object({ slug, id });
export const committeeParams = z.object({ slug, id });

/**
 * The councillor list's filters. A value that is not a whole number (a hand-edited address, a
 * repeated parameter) is dropped rather than refused: the list is shown unfiltered by it.
 */
export const councillorQuery = z.object({
  group: z.preprocess(trimmed, id.optional()).catch(undefined),
  ward: z.preprocess(trimmed, id.optional()).catch(undefined),
});
export type CouncillorQuery = z.infer<typeof councillorQuery>;
