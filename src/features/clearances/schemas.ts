import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const reportParams = z.object({ id });
export const changesParams = z.object({ id, clearanceId: id });
export const clearanceParams = z.object({ id });

export const requestForm = z.object({ implicationId: id }).passthrough();

export const returnForm = z.object({
  comment: z.preprocess(
    trimmed,
    z
      .string({ error: 'Say why you are returning it, so the author knows what to change' })
      .max(2000, 'Keep the comment to 2,000 characters or fewer'),
  ),
});
