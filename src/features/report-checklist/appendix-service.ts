import { createHash } from 'node:crypto';
import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import {
  findFileOfAppendix,
  listAppendices,
  nextAppendixPosition,
  renumberAppendices,
} from './appendix-repository.js';
import { checkAppendixFile, safeFileName } from './file-check.js';
import { findReport, type ReportSummary } from './repository.js';
import { contentDisposition } from '../../platform/downloads.js';

export type NewAppendix =
  | { kind: 'code-version'; title: string; versionId?: number | undefined }
  | {
      kind: 'code-comparison';
      title: string;
      fromVersionId?: number | undefined;
      toVersionId?: number | undefined;
    }
  | {
      kind: 'file';
      title: string;
      upload: { fileName: string; bytes: Buffer; truncated: boolean } | null;
    }
  | { kind: 'programme'; title: string; programmeId?: number | undefined };

const NOT_DRAFT = 'This report is no longer a draft, so its appendices cannot be changed';

/** Lock a draft report of the administrator's authorities, or say why not. */
async function lockDraft(
  trx: Trx,
  reportId: number,
  authorityId: number,
): Promise<ReportSummary | null | { refused: string }> {
  const report = await findReport(trx, reportId, authorityId, true);
  if (!report) return null;
  if (report.status !== 'draft') return { refused: NOT_DRAFT };
  return report;
}

const versionOf = (trx: Trx, authorityId: number, versionId: number) =>
  trx
    .selectFrom('code_versions')
    .select(['id', 'number'])
    .where('id', '=', versionId)
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();

/** A programme of the report's council, or why not (none chosen, or another council's). */
async function programmeLink(
  trx: Trx,
  report: ReportSummary,
  programmeId: number | undefined,
): Promise<Outcome<{ programme_id: number }>> {
  const programme =
    programmeId === undefined
      ? undefined
      : await trx
          .selectFrom('programmes')
          .select(['id', 'authority_id'])
          .where('id', '=', programmeId)
          .executeTakeFirst();
  if (!programme) return refuse('programmeId', 'Select a development programme');
  if (programme.authority_id !== report.authority_id) {
    return refuse(
      'programmeId',
      `That programme belongs to another council: select one of ${report.authorityName}'s programmes`,
    );
  }
  return done({ programme_id: programme.id });
}

type Links = {
  code_version_id?: number;
  compare_version_id?: number;
  file_id?: number;
  programme_id?: number;
};

async function linkValues(
  trx: Trx,
  report: ReportSummary,
  input: NewAppendix,
  actor: Actor,
): Promise<Outcome<Links>> {
  if (input.kind === 'programme') return programmeLink(trx, report, input.programmeId);
  if (input.kind === 'code-version') {
    const version = input.versionId && (await versionOf(trx, report.authority_id, input.versionId));
    if (!version) return refuse('versionId', 'Select a version of the code of conduct');
    return done({ code_version_id: version.id });
  }
  if (input.kind === 'code-comparison') {
    const from =
      input.fromVersionId && (await versionOf(trx, report.authority_id, input.fromVersionId));
    if (!from) return refuse('fromVersionId', 'Select the earlier version to compare');
    const to = input.toVersionId && (await versionOf(trx, report.authority_id, input.toVersionId));
    if (!to) return refuse('toVersionId', 'Select the later version to compare');
    if (from.id === to.id) return refuse('toVersionId', 'Select two different versions to compare');
    return done({ code_version_id: from.id, compare_version_id: to.id });
  }
  if (!input.upload || input.upload.bytes.length === 0) {
    return refuse('file', input.upload ? 'The selected file is empty' : 'Select a file to upload');
  }
  if (input.upload.truncated) return refuse('file', 'The selected file must be smaller than 10 MB');
  const check = checkAppendixFile(input.upload.bytes);
  if (!check.ok) return refuse('file', check.message);
  const values = {
    report_id: report.id,
    file_name: safeFileName(input.upload.fileName, check.extension),
    media_type: check.mediaType,
    size_bytes: input.upload.bytes.length,
    sha256: createHash('sha256').update(input.upload.bytes).digest('hex'),
    uploaded_by: actor.actorPersonId,
  };
  const file = await trx
    .insertInto('report_files')
    .values({ ...values, content: input.upload.bytes })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    ...actor,
    entity: 'report-file',
    entityId: file.id,
    action: 'uploaded',
    after: values,
  });
  return done({ file_id: file.id });
}

/** Add an appendix at the end of a draft report's list. */
export async function addAppendix(
  db: Db,
  reportId: number,
  authorityId: number,
  input: NewAppendix,
  actor: Actor,
): Promise<Outcome<{ id: number; position: number }> | null> {
  return db.transaction().execute(async (trx) => {
    const report = await lockDraft(trx, reportId, authorityId);
    if (!report) return null;
    if ('refused' in report) return refuse('form', report.refused);
    const links = await linkValues(trx, report, input, actor);
    if (!links.ok) return links;
    const values = {
      report_id: report.id,
      position: await nextAppendixPosition(trx, report.id),
      title: input.title,
      kind: input.kind,
      ...links.value,
    };
    const row = await trx
      .insertInto('report_appendices')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'report-appendix',
      entityId: row.id,
      action: 'added',
      after: values,
    });
    return done({ id: row.id, position: values.position });
  });
}

/** Move an appendix up or down, or remove it (and its file); the rest are renumbered. */
export async function changeAppendix(
  db: Db,
  reportId: number,
  authorityId: number,
  appendixId: number,
  change: 'up' | 'down' | 'remove',
  actor: Actor,
): Promise<Outcome<{ title: string; changed: boolean }> | null> {
  return db.transaction().execute(async (trx) => {
    const report = await lockDraft(trx, reportId, authorityId);
    if (!report) return null;
    const appendices = await listAppendices(trx, reportId);
    const at = appendices.findIndex((a) => a.id === appendixId);
    const appendix = appendices[at];
    if (!appendix) return null;
    if ('refused' in report) return refuse('form', report.refused);
    const before = { position: appendix.position, title: appendix.title, kind: appendix.kind };
    if (change === 'remove') {
      await trx.deleteFrom('report_appendices').where('id', '=', appendix.id).execute();
      if (appendix.file_id !== null) {
        await trx.deleteFrom('report_files').where('id', '=', appendix.file_id).execute();
      }
      await renumberAppendices(
        trx,
        appendices.filter((a) => a.id !== appendix.id).map((a) => a.id),
      );
      await recordAudit(trx, {
        ...actor,
        entity: 'report-appendix',
        entityId: appendix.id,
        action: 'removed',
        before: { ...before, report_id: reportId, file_name: appendix.fileName },
      });
      return done({ title: appendix.title, changed: true });
    }
    const to = change === 'up' ? at - 1 : at + 1;
    const other = appendices[to];
    if (!other) return done({ title: appendix.title, changed: false });
    const order = appendices.map((a) => a.id);
    [order[at], order[to]] = [other.id, appendix.id];
    await renumberAppendices(trx, order);
    await recordAudit(trx, {
      ...actor,
      entity: 'report-appendix',
      entityId: appendix.id,
      action: 'moved',
      before,
      after: { ...before, position: to + 1 },
    });
    return done({ title: appendix.title, changed: true });
  });
}

/** An appendix's file for an administrator (any status of report they may see). */
export async function appendixFileForAdministrator(
  db: Db,
  reportId: number,
  authorityId: number,
  appendixId: number,
) {
  const report = await findReport(db, reportId, authorityId);
  if (!report) return undefined;
  return findFileOfAppendix(db, reportId, appendixId);
}

/**
 * An appendix's file as the public may have it: only of a published, open report, otherwise
 * undefined (answer 404). Headers to send: `appendixDownloadHeaders(file)`.
 */
export async function findAppendixFile(db: Db, reportId: number, appendixId: number) {
  const report = await db
    .selectFrom('reports')
    .select('id')
    .where('id', '=', reportId)
    .where('status', '=', 'published')
    .where('category', '=', 'open')
    .executeTakeFirst();
  if (!report) return undefined;
  return findFileOfAppendix(db, reportId, appendixId);
}

/** The headers of a file download: its type, as an attachment, never sniffed. */
export function appendixDownloadHeaders(file: {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}) {
  return {
    'content-type': file.mediaType,
    'content-length': String(file.sizeBytes),
    'content-disposition': contentDisposition(file.fileName),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  };
}
