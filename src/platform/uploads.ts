import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';

/** A file sent with a form, read whole into memory. */
export interface Upload {
  fileName: string;
  bytes: Buffer;
  /** the file was bigger than the limit (and was cut short): say so, do not read it */
  truncated: boolean;
}

/**
 * Let the routes of one feature (an encapsulated plugin) take forms with a single file field
 * named `file`. The other fields go to `request.body` as plain values, so the app-wide CSRF
 * check reads `_csrf` before any handler runs; the file is kept aside and returned by the
 * function this gives back. A file over `maxFileBytes` is cut short and marked `truncated`,
 * never refused with an error page of the plugin's own: the feature says what is wrong.
 */
export async function acceptFileUploads(
  app: FastifyInstance,
  options: { maxFileBytes: number; maxFields?: number },
): Promise<(request: FastifyRequest) => Upload | null> {
  const uploads = new WeakMap<FastifyRequest, Upload>();
  const fields = options.maxFields ?? 5;
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: options.maxFileBytes, files: 1, fields, parts: fields + 1 },
    async onFile(part) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (part.fieldname !== 'file') return;
      uploads.set(this, {
        fileName: part.filename,
        bytes: Buffer.concat(chunks),
        truncated: part.file.truncated,
      });
    },
  });
  return (request) => uploads.get(request) ?? null;
}
