import { ensureImplicationTypes } from '../report-checklist/index.js';
import type { Db, DbOrTrx } from '../../db/database.js';
import { todayInEngland } from '../../db/current.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import {
  insertReport,
  listAuthorNames,
  listCommitteeChoices,
  listCouncillorChoices,
  lockReport,
  replaceAuthors,
  touchReport,
  updateReport,
  type ReportRow,
  type ReportValues,
} from './repository.js';
import { AUTHOR_FIELDS, type ReportForm } from './schemas.js';

/** Said whenever a published or withdrawn report is asked to change. */
export const NOT_A_DRAFT = (status: string) =>
  `This report is ${status}: only a draft report can be changed`;

/** An administrator acting for their own authority. */
export interface Administrator extends Actor {
  authorityId: number;
}

const auditActor = (a: Administrator): Actor => ({
  actorPersonId: a.actorPersonId,
  requestId: a.requestId,
});

/** The form's values as columns, once the committee and portfolio member are known to be choices. */
async function valuesFrom(
  db: DbOrTrx,
  authorityId: number,
  form: ReportForm,
  reportDate: string | null,
): Promise<Outcome<ReportValues>> {
  const today = todayInEngland();
  const [committees, councillors] = await Promise.all([
    listCommitteeChoices(db, authorityId, today),
    form.portfolioMemberId === undefined
      ? Promise.resolve([])
      : listCouncillorChoices(db, authorityId, today),
  ]);
  if (form.category === 'exempt' && form.exemptParagraph === undefined)
    return refuse(
      'exemptParagraph',
      'Select the paragraph of Schedule 12A that makes the report exempt',
    );
  if (!committees.some((c) => c.id === form.committeeId))
    return refuse('committeeId', 'Select a committee of your council from the list');
  if (
    form.portfolioMemberId !== undefined &&
    !councillors.some((c) => c.id === form.portfolioMemberId)
  )
    return refuse('portfolioMemberId', 'Select a current councillor from the list, or none');
  return done({
    committee_id: form.committeeId,
    title: form.title,
    report_of: form.reportOf ?? '',
    report_date: reportDate,
    summary: form.summary ?? '',
    background_papers: form.backgroundPapers ?? '',
    category: form.category,
    exempt_paragraph: form.category === 'exempt' ? (form.exemptParagraph ?? null) : null,
    portfolio_member_id: form.portfolioMemberId ?? null,
    portfolio_title: form.portfolioTitle ?? null,
    reserved_for_council: form.reservedForCouncil,
    press_release: form.pressRelease,
    areas_affected: form.areasAffected ?? '',
  });
}

const authorNames = (form: ReportForm): string[] =>
  AUTHOR_FIELDS.flatMap((field) => (form[field] ? [form[field]] : []));

/** Start a draft report for the administrator's authority. */
export async function createReport(
  db: Db,
  form: ReportForm,
  reportDate: string | null,
  admin: Administrator,
): Promise<Outcome<ReportRow>> {
  return db.transaction().execute(async (trx) => {
    const values = await valuesFrom(trx, admin.authorityId, form, reportDate);
    if (!values.ok) return values;
    // A council's first report starts its checklist from the default implication types.
    await ensureImplicationTypes(trx, admin.authorityId, auditActor(admin));
    const report = await insertReport(trx, admin.authorityId, values.value, admin.actorPersonId);
    const authors = authorNames(form);
    await replaceAuthors(trx, report.id, authors);
    await recordAudit(trx, {
      ...auditActor(admin),
      entity: 'report',
      entityId: report.id,
      action: 'report-created',
      after: { ...values.value, authors },
    });
    return done(report);
  });
}

/** Change a draft report's fields; published and withdrawn reports are refused. */
export async function changeReport(
  db: Db,
  reportId: number,
  form: ReportForm,
  reportDate: string | null,
  admin: Administrator,
): Promise<Outcome<ReportRow>> {
  return db.transaction().execute(async (trx) => {
    const current = await lockReport(trx, reportId);
    if (!current || current.authority_id !== admin.authorityId)
      return refuse('title', 'That report no longer exists');
    if (current.status !== 'draft') return refuse('title', NOT_A_DRAFT(current.status));
    const values = await valuesFrom(trx, admin.authorityId, form, reportDate);
    if (!values.ok) return values;
    const authorsBefore = await listAuthorNames(trx, reportId);
    const report = await updateReport(trx, reportId, values.value);
    const authors = authorNames(form);
    await replaceAuthors(trx, reportId, authors);
    const before: Record<string, unknown> = { authors: authorsBefore };
    for (const key of Object.keys(values.value)) before[key] = current[key as keyof ReportRow];
    await recordAudit(trx, {
      ...auditActor(admin),
      entity: 'report',
      entityId: reportId,
      action: 'report-changed',
      before,
      after: { ...values.value, authors },
    });
    return done(report);
  });
}

/** Withdraw a draft report: it stays, with everything in it, marked withdrawn. */
export async function withdrawReport(
  db: Db,
  reportId: number,
  admin: Administrator,
): Promise<Outcome<ReportRow>> {
  return db.transaction().execute(async (trx) => {
    const current = await lockReport(trx, reportId);
    if (!current || current.authority_id !== admin.authorityId)
      return refuse('confirm', 'That report no longer exists');
    if (current.status !== 'draft') return refuse('confirm', NOT_A_DRAFT(current.status));
    const report = await trx
      .updateTable('reports')
      .set({ status: 'withdrawn', updated_at: new Date() })
      .where('id', '=', reportId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...auditActor(admin),
      entity: 'report',
      entityId: reportId,
      action: 'report-withdrawn',
      before: { status: current.status },
      after: { status: report.status },
    });
    return done(report);
  });
}

/**
 * One change to a draft report's parts (body or recommendations), in a transaction: the report
 * is locked and must still be a draft; `change` does the work and says what to audit.
 */
export async function changeDraft<T>(
  db: Db,
  reportId: number,
  admin: Administrator,
  field: string,
  change: (trx: DbOrTrx) => Promise<
    | {
        ok: true;
        value: T;
        audit: {
          action: string;
          before: Record<string, unknown> | null;
          after: Record<string, unknown> | null;
        };
      }
    | { ok: false; refusal: { field: string; message: string } }
  >,
): Promise<Outcome<T>> {
  return db.transaction().execute(async (trx) => {
    const current = await lockReport(trx, reportId);
    if (!current || current.authority_id !== admin.authorityId)
      return refuse(field, 'That report no longer exists');
    if (current.status !== 'draft') return refuse(field, NOT_A_DRAFT(current.status));
    const result = await change(trx);
    if (!result.ok) return result;
    await touchReport(trx, reportId);
    await recordAudit(trx, {
      ...auditActor(admin),
      entity: 'report',
      entityId: reportId,
      ...result.audit,
    });
    return done(result.value);
  });
}
