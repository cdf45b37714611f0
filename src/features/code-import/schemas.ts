import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

/** `/admin/code/:slug/import`: a council's short name; anything else does not exist. */
export const slugParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(100),
});

/** `/admin/code/imports/:id`: an import's number. */
export const importParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** The text fields of the upload form (the file travels apart). */
export const uploadForm = z.object({
  title: z.preprocess(
    trimmed,
    z.string().max(200, 'The title of the draft must be 200 characters or fewer').optional(),
  ),
});

/** What an import found, as kept in `code_imports.parsed` and read back before it is shown. */
export const storedImport = z.object({
  title: z.string().min(1).max(200),
  items: z.array(
    z.object({
      kind: z.enum(['section', 'paragraph', 'appendix']),
      depth: z.number().int().min(0).max(2),
      heading: z.string().nullable(),
      body: z.string().nullable(),
      origin: z.enum(['model', 'local']),
      source: z.number().int().min(0),
      written: z.string().nullable(),
    }),
  ),
  problems: z.array(
    z.object({
      severity: z.enum(['left-out', 'warning']),
      source: z.number().int().min(0),
      text: z.string(),
      message: z.string(),
    }),
  ),
});
export type StoredImport = z.infer<typeof storedImport>;
