import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import {
  findVersionById,
  lockAuthority,
  nextVersionNumber,
  numberItems,
  replaceItems,
} from '../code-of-conduct/index.js';
import type { ReadDocument } from './blocks.js';
import { readDocx } from './docx-reader.js';
import { checkFile, type ImportFormat } from './file-check.js';
import { decodeMarkdown, readMarkdown } from './markdown-reader.js';
import {
  findImport,
  insertDraftVersion,
  insertImport,
  markImportUsed,
  type ImportAuthority,
  type ImportRow,
} from './repository.js';
import { storedImport, type StoredImport } from './schemas.js';
import { detectStructure } from './structure.js';

/**
 * Importing a council's existing code: read an uploaded Word or Markdown file, work out its
 * structure and keep what was found for the preview; then, when the administrator confirms,
 * turn it into a new draft version in one transaction. No HTTP here.
 */

/** Files bigger than this are refused before they are read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TITLE = 'Imported code';

import type { Upload } from '../../platform/uploads.js';
export type { Upload };

/** The signed-in administrator: who they are, and the council whose area they work in. */
export interface Administrator extends Actor {
  authorityId: number;
}

/** Read an upload into what the structure detection works on, or say why it cannot be read. */
export async function readUpload(
  upload: Upload | null,
): Promise<
  { ok: true; format: ImportFormat; document: ReadDocument } | { ok: false; message: string }
> {
  if (!upload || (upload.fileName === '' && upload.bytes.length === 0)) {
    return { ok: false, message: 'Select a Word (.docx) or Markdown file of the code' };
  }
  if (upload.truncated)
    return { ok: false, message: 'The selected file must be smaller than 5 MB' };
  const check = checkFile(upload.fileName, upload.bytes);
  if (!check.ok) return check;
  if (check.format === 'markdown') {
    const text = decodeMarkdown(upload.bytes);
    if (!text.ok) return text;
    return { ok: true, format: 'markdown', document: readMarkdown(text.text) };
  }
  try {
    return { ok: true, format: 'docx', document: await readDocx(upload.bytes) };
  } catch {
    // mammoth's own message is about zip entries and XML, not something to show a person
    return {
      ok: false,
      message:
        'The selected file could not be read as a Word document: it may be damaged. Open it in Word, save it again as a Word Document (.docx) and upload that.',
    };
  }
}

const cut = (text: string, length: number) =>
  text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;

/** Read, place and keep an uploaded code for the preview; the import's id. */
export async function uploadCode(
  db: Db,
  authority: ImportAuthority,
  upload: Upload | null,
  title: string | undefined,
  actor: Administrator,
): Promise<Outcome<number>> {
  const read = await readUpload(upload);
  if (!read.ok) return refuse('file', read.message);
  const structure = detectStructure(read.document);
  const parsed: StoredImport = {
    title: cut(title ?? structure.title ?? DEFAULT_TITLE, 200),
    items: structure.items.map(({ kind, depth, heading, body, origin, source, written }) => ({
      kind,
      depth,
      heading,
      body,
      origin,
      source,
      written,
    })),
    problems: structure.problems,
  };
  const fileName = cut(upload!.fileName, 255);
  const importId = await db.transaction().execute(async (trx) => {
    const id = await insertImport(trx, {
      authorityId: authority.id,
      fileName,
      format: read.format,
      parsed,
      createdBy: actor.actorPersonId,
    });
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'code_import',
      entityId: id,
      action: 'uploaded',
      after: {
        authority_id: authority.id,
        file_name: fileName,
        format: read.format,
        items: parsed.items.length,
        problems: parsed.problems.length,
      },
    });
    return id;
  });
  return done(importId);
}

export interface ImportPreview extends Omit<ImportRow, 'parsed'> {
  parsed: StoredImport;
}

/** An import to preview, or null when there is none the administrator may see. */
export async function findImportPreview(db: Db, importId: number, administrator: Administrator) {
  const row = await findImport(db, importId, administrator.authorityId);
  if (!row) return null;
  const parsed = storedImport.safeParse(row.parsed);
  // A record this code did not write is not shown as though it were an import.
  return parsed.success ? ({ ...row, parsed: parsed.data } satisfies ImportPreview) : null;
}

/**
 * Turn an import into a new draft version of its council's code: numbered as the preview
 * showed, with the model code's settings. An import makes one draft only. Null when there is
 * no such import for this administrator.
 */
export async function createDraftFromImport(
  db: Db,
  importId: number,
  administrator: Administrator,
): Promise<Outcome<{ versionId: number; number: number; items: number }> | null> {
  return db.transaction().execute(async (trx) => {
    const row = await findImport(trx, importId, administrator.authorityId, { lock: true });
    if (!row) return null;
    if (row.version) {
      const used = await findVersionById(trx, row.version.id);
      return refuse(
        'import',
        `This import has already been used to create draft version ${used?.number ?? ''}`.trimEnd(),
        { href: `/admin/code/versions/${row.version.id}`, text: 'Go to the draft' },
      );
    }
    const parsed = storedImport.safeParse(row.parsed);
    if (!parsed.success) return null;
    const numbered = numberItems(
      parsed.data.items.map(({ source: _s, written: _w, ...draft }) => draft),
    );
    if (!numbered.ok || numbered.items.length === 0) {
      return refuse(
        'import',
        'Nothing in the file could be placed in a code, so there is nothing to create: correct the file and upload it again',
      );
    }
    await lockAuthority(trx, row.authority.id);
    const number = await nextVersionNumber(trx, row.authority.id);
    const versionId = await insertDraftVersion(trx, {
      authorityId: row.authority.id,
      number,
      title: parsed.data.title,
      changeSummary: `Imported from ${row.fileName}`,
      createdBy: administrator.actorPersonId,
    });
    await replaceItems(trx, versionId, numbered.items);
    await markImportUsed(trx, row.id, versionId);
    const audit = {
      actorPersonId: administrator.actorPersonId,
      requestId: administrator.requestId,
    };
    await recordAudit(trx, {
      ...audit,
      entity: 'code_version',
      entityId: versionId,
      action: 'imported',
      after: {
        authority_id: row.authority.id,
        number,
        title: parsed.data.title,
        status: 'draft',
        import_id: row.id,
        items: numbered.items.length,
        local_additions: numbered.items.filter((i) => i.origin === 'local').length,
      },
    });
    await recordAudit(trx, {
      ...audit,
      entity: 'code_import',
      entityId: row.id,
      action: 'used',
      before: { version_id: null },
      after: { version_id: versionId },
    });
    return done({ versionId, number, items: numbered.items.length });
  });
}
