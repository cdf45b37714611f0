import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

/** A kept import's id (a UUID): anything else is a page that does not exist. */
export const importParams = z.object({ id: z.uuid() });

export const exportQuery = z.object({
  authority: z.preprocess(
    trimmed,
    z
      .string({ error: 'Select a council to export' })
      .max(100, 'Select a council to export')
      .regex(/^[a-z0-9-]+$/, 'Select a council to export'),
  ),
});
