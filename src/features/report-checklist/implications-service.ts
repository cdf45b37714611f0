import type { Db, DbOrTrx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { ensureImplicationTypes } from './defaults.js';
import {
  findReport,
  listImplicationTypes,
  listReportImplications,
  type ImplicationType,
  type ReportSummary,
} from './repository.js';
import { MAX_STATEMENT } from './schemas.js';

export interface ChecklistLine {
  type: ImplicationType;
  answer: 'yes' | 'no' | null;
  statement: string;
}

/**
 * The lines of a report's checklist: every type in use, and any retired type the report
 * already answered or wrote a statement for (so an old report keeps what it said).
 */
export async function checklistLines(db: DbOrTrx, report: ReportSummary): Promise<ChecklistLine[]> {
  const [types, answers] = await Promise.all([
    listImplicationTypes(db, report.authority_id),
    listReportImplications(db, report.id),
  ]);
  const byType = new Map(answers.map((a) => [a.implication_type_id, a]));
  return types
    .filter((t) => {
      if (t.retired_on === null) return true;
      const given = byType.get(t.id);
      return given !== undefined && (given.answer !== null || given.statement !== '');
    })
    .map((type) => {
      const answer = byType.get(type.id);
      return { type, answer: answer?.answer ?? null, statement: answer?.statement ?? '' };
    });
}

/** The checklist of a report, with the authority's default types added if it has none. */
export async function loadReportChecklist(db: Db, report: ReportSummary, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    await ensureImplicationTypes(trx, report.authority_id, actor);
    return checklistLines(trx, report);
  });
}

export type SubmittedAnswers = Map<number, { answer: 'yes' | 'no' | null; statement: string }>;

/** Read `answer-<typeId>` and `statement-<typeId>` fields for the lines shown. */
export function readAnswers(lines: ChecklistLine[], body: Record<string, unknown>) {
  const answers: SubmittedAnswers = new Map();
  const problems: { field: string; message: string }[] = [];
  for (const { type } of lines) {
    const rawAnswer = body[`answer-${type.id}`];
    const rawStatement = body[`statement-${type.id}`];
    const answer = rawAnswer === 'yes' || rawAnswer === 'no' ? rawAnswer : null;
    if (rawAnswer !== undefined && rawAnswer !== '' && answer === null) {
      problems.push({ field: `answer-${type.id}`, message: `Select yes or no for ${type.label}` });
    }
    const statement =
      typeof rawStatement === 'string' ? rawStatement.replace(/\r\n/g, '\n').trim() : '';
    if (statement.length > MAX_STATEMENT) {
      problems.push({
        field: `statement-${type.id}`,
        message: `The statement for ${type.label} must be ${MAX_STATEMENT.toLocaleString('en-GB')} characters or fewer`,
      });
    }
    answers.set(type.id, { answer, statement });
  }
  return { answers, problems };
}

/**
 * Save every answer of a draft report's checklist in one go, audited as one change of the
 * report with the answers before and after. Only a draft's checklist can change.
 */
export async function saveImplications(
  db: Db,
  reportId: number,
  administratorAuthorityId: number,
  answers: SubmittedAnswers,
  actor: Actor,
): Promise<Outcome<{ changed: number }> | null> {
  return db.transaction().execute(async (trx) => {
    const report = await findReport(trx, reportId, administratorAuthorityId, true);
    if (!report) return null;
    if (report.status !== 'draft') {
      return refuse('form', 'This report is no longer a draft, so its checklist cannot be changed');
    }
    const lines = await checklistLines(trx, report);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    let changed = 0;
    for (const line of lines) {
      const submitted = answers.get(line.type.id);
      if (!submitted) continue;
      if (submitted.answer === line.answer && submitted.statement === line.statement) continue;
      changed += 1;
      before[line.type.key] = { answer: line.answer, statement: line.statement };
      after[line.type.key] = submitted;
      await trx
        .insertInto('report_implications')
        .values({
          report_id: report.id,
          implication_type_id: line.type.id,
          answer: submitted.answer,
          statement: submitted.statement,
        })
        .onConflict((oc) =>
          oc.columns(['report_id', 'implication_type_id']).doUpdateSet({
            answer: submitted.answer,
            statement: submitted.statement,
          }),
        )
        .execute();
    }
    if (changed > 0) {
      await trx
        .updateTable('reports')
        .set({ updated_at: new Date() })
        .where('id', '=', report.id)
        .execute();
      await recordAudit(trx, {
        ...actor,
        entity: 'report',
        entityId: report.id,
        action: 'implications-updated',
        before,
        after,
      });
    }
    return done({ changed });
  });
}
