import type { Db, DbOrTrx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { matchColumns, type ColumnKey } from './columns.js';
import { readCsv, type EncodingName } from './csv-file.js';
import { membersCsv } from './export.js';
import { findAuthority, planImport, type ImportPlan } from './plan.js';
import {
  deletePendingImport,
  deleteStaleImports,
  findPendingImport,
  listAuthorities,
  listCurrentCouncillors,
  loadSnapshot,
  lockImports,
  savePendingImport,
} from './repository.js';
import { readRows, toRawRows, type RawRow } from './rows.js';
import { writePlan } from './write-repository.js';

/**
 * The import and export of councillors as a workflow: read an upload, plan it, keep it for
 * confirmation; on confirmation plan it again against the database as it is then and write it
 * all in one transaction; write the export. No HTTP here.
 */

/** Files bigger than this are refused before they are read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ImportContext {
  actorPersonId: number;
  requestId: string;
  /** today's date in England, 'YYYY-MM-DD': when a change of group starts */
  today: string;
}

import type { Upload } from '../../platform/uploads.js';
export type { Upload };

/** A file as the preview shows it. */
export interface Preview {
  importId: string | null;
  fileName: string;
  encoding: string;
  ignoredColumns: string[];
  plan: ImportPlan;
}

export type UploadOutcome =
  | { kind: 'refused'; messages: string[] }
  | { kind: 'invalid'; preview: Preview }
  | { kind: 'stored'; importId: string };

export { todayInEngland } from '../../db/current.js';

/** Plan rows against the database (or the transaction) as it is now. */
async function planRows(
  db: DbOrTrx,
  rows: readonly RawRow[],
  labels: Partial<Record<ColumnKey, string>>,
  options: { today: string; lock: boolean },
): Promise<ImportPlan> {
  const authorities = await listAuthorities(db);
  const authorityIds = new Set<number>();
  const emails = new Set<string>();
  const externalIds = new Set<string>();
  let earliestDate = options.today;
  const read = readRows(rows, labels);
  for (const row of read.rows) {
    const authority = findAuthority(authorities, row.authority);
    if (authority && authority !== 'ambiguous') authorityIds.add(authority.id);
    emails.add(row.email.toLowerCase());
    if (row.externalId !== null) externalIds.add(row.externalId);
    if (row.electionDate < earliestDate) earliestDate = row.electionDate;
  }
  const snapshot = await loadSnapshot(
    db,
    authorities,
    {
      authorityIds: [...authorityIds],
      emails: [...emails],
      externalIds: [...externalIds],
      earliestDate,
    },
    options,
  );
  return planImport({ rows, labels }, snapshot, options.today, read);
}

/** Read an uploaded file: refuse it, show its errors, or keep it for confirmation. */
export async function uploadMembers(
  db: Db,
  upload: Upload | null,
  ctx: ImportContext,
): Promise<UploadOutcome> {
  if (!upload || (upload.fileName === '' && upload.bytes.length === 0)) {
    return { kind: 'refused', messages: ['Select a CSV file of councillors'] };
  }
  if (upload.truncated) {
    return { kind: 'refused', messages: ['The selected file must be smaller than 5 MB'] };
  }
  const csv = readCsv(upload.bytes);
  if (!csv.ok) return { kind: 'refused', messages: [csv.message] };
  const match = matchColumns(csv.table.header);
  if (!match.ok) {
    const messages: string[] = [];
    if (match.missing.length > 0) {
      messages.push(`The selected file is missing these columns: ${match.missing.join(', ')}`);
    }
    if (match.repeated.length > 0) {
      messages.push(`These columns appear more than once: ${match.repeated.join('; ')}`);
    }
    if (match.unrecognised.length > 0) {
      messages.push(`These column headings were not recognised: ${match.unrecognised.join(', ')}`);
    }
    return { kind: 'refused', messages };
  }
  const { columns } = match;
  const raw = toRawRows(csv.table, columns);
  const plan = await planRows(db, raw.rows, columns.labels, { today: ctx.today, lock: false });
  const preview = (importId: string | null): Preview => ({
    importId,
    fileName: upload.fileName,
    encoding: csv.table.encoding,
    ignoredColumns: columns.ignored,
    plan,
  });
  if (raw.errors.length > 0 || plan.errors.length > 0) {
    plan.errors.push(...raw.errors);
    plan.errors.sort((a, b) => a.rowNumber - b.rowNumber);
    const withErrors = new Set(raw.errors.map((e) => e.rowNumber));
    for (const outcome of plan.outcomes) {
      if (withErrors.has(outcome.rowNumber)) outcome.status = 'error';
    }
    return { kind: 'invalid', preview: preview(null) };
  }
  await deleteStaleImports(db);
  const importId = await savePendingImport(db, {
    uploadedBy: ctx.actorPersonId,
    fileName: upload.fileName,
    encoding: csv.table.encoding satisfies EncodingName,
    columns: { labels: columns.labels, ignored: columns.ignored },
    rows: raw.rows,
  });
  return { kind: 'stored', importId };
}

/** The preview of a kept file, planned against the database as it is now. */
export async function previewImport(
  db: Db,
  importId: string,
  ctx: ImportContext,
): Promise<Preview | null> {
  const pending = await findPendingImport(db, importId, ctx.actorPersonId);
  if (!pending) return null;
  const plan = await planRows(db, pending.rows, pending.columns.labels, {
    today: ctx.today,
    lock: false,
  });
  return {
    importId: pending.id,
    fileName: pending.file_name,
    encoding: pending.encoding,
    ignoredColumns: pending.columns.ignored,
    plan,
  };
}

export type ConfirmOutcome =
  | { kind: 'missing' }
  | { kind: 'invalid'; preview: Preview }
  | {
      kind: 'done';
      counts: ImportPlan['counts'] & { membershipsStarted: number; membershipsEnded: number };
    };

/**
 * Write a kept file: planned again inside one transaction, with the people and memberships it
 * reads locked, so that what is written is checked against the database as it is at that
 * moment. Either every row is written, with its audit records, or nothing is.
 */
export async function confirmImport(
  db: Db,
  importId: string,
  ctx: ImportContext,
): Promise<ConfirmOutcome> {
  return db.transaction().execute(async (trx): Promise<ConfirmOutcome> => {
    await lockImports(trx);
    const pending = await findPendingImport(trx, importId, ctx.actorPersonId);
    if (!pending) return { kind: 'missing' };
    const plan = await planRows(trx, pending.rows, pending.columns.labels, {
      today: ctx.today,
      lock: true,
    });
    if (plan.errors.length > 0) {
      return {
        kind: 'invalid',
        preview: {
          importId: pending.id,
          fileName: pending.file_name,
          encoding: pending.encoding,
          ignoredColumns: pending.columns.ignored,
          plan,
        },
      };
    }
    const actor = { actorPersonId: ctx.actorPersonId, requestId: ctx.requestId };
    const written = await writePlan(trx, plan, actor);
    const counts = { ...plan.counts, ...written };
    await recordAudit(trx, {
      ...actor,
      entity: 'member-import',
      entityId: pending.id,
      action: 'imported',
      after: {
        file_name: pending.file_name,
        encoding: pending.encoding,
        rows: pending.row_count,
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        memberships_started: counts.membershipsStarted,
        memberships_ended: counts.membershipsEnded,
      },
    });
    await deletePendingImport(trx, pending.id);
    return { kind: 'done', counts };
  });
}

/** The current councillors of a council as a CSV file, or null if there is no such council. */
export async function exportMembers(
  db: Db,
  slug: string,
  today: string,
): Promise<{ fileName: string; text: string } | null> {
  const authority = (await listAuthorities(db)).find((a) => a.slug === slug);
  if (!authority) return null;
  const seats = await listCurrentCouncillors(db, authority, today);
  // One row per councillor: their open seat, or else the latest.
  const chosen = new Map<number, (typeof seats)[number]>();
  for (const seat of seats) {
    const other = chosen.get(seat.person_id);
    const better =
      !other ||
      (other.end_date !== null && seat.end_date === null) ||
      ((other.end_date === null) === (seat.end_date === null) &&
        seat.start_date > other.start_date);
    if (better) chosen.set(seat.person_id, seat);
  }
  const rows = seats.filter((seat) => chosen.get(seat.person_id) === seat);
  const text = membersCsv(
    rows.map((r) => ({
      externalId: r.external_id,
      givenName: r.given_name,
      familyName: r.family_name,
      email: r.email,
      ward: r.ward,
      group: r.group,
      electionDate: r.start_date,
      termEnd: r.term_ends_on,
      authority: authority.slug,
    })),
  );
  return { fileName: `councillors-${authority.slug}-${today}.csv`, text };
}
