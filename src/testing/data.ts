import type { Db } from '../db/database.js';
import { recordAudit } from '../platform/audit.js';

/**
 * For tests that change rows straight in the database. Probity writes an audit row with every
 * change, and that is what tells its caches (public pages, sign-off lists and counts) that what
 * they hold is out of date; a test that goes round Probity does the same here.
 */
export async function dataChanged(db: Db): Promise<void> {
  await recordAudit(db, {
    actorPersonId: null,
    entity: 'test',
    entityId: 'data',
    action: 'changed',
  });
}

/** A file for `multipartBody`: its name, content and type (application/octet-stream if none). */
export interface UploadedFile {
  name: string;
  content: Buffer | string;
  type?: string;
}

/** A multipart/form-data body as a browser sends it: the fields, then the file (`file`) if any. */
export function multipartBody(
  fields: Record<string, string>,
  file?: UploadedFile,
): { payload: Buffer; contentType: string } {
  const boundary = `----probity${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
