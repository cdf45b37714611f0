import type { DbOrTrx } from '../../db/database.js';
import { loadReportDocument, type ReportDocument } from '../reports/index.js';
import { listActiveTypesWithClearance, listReportHouseStyleWords } from './repository.js';
import { readinessProblems } from './rules.js';
import type { ReadinessProblem } from './types.js';

/**
 * Whether a report is ready for an agenda: every problem found, each with where to put it
 * right; an empty list means ready. Three queries in parallel, whatever the report's length:
 * the report itself, its checklist with the latest clearances, and the council's words.
 */
export async function checkReport(
  db: DbOrTrx,
  reportId: number,
): Promise<{ doc: ReportDocument; problems: ReadinessProblem[] } | null> {
  const [doc, types, houseStyleWords] = await Promise.all([
    loadReportDocument(db, reportId),
    listActiveTypesWithClearance(db, reportId),
    listReportHouseStyleWords(db, reportId),
  ]);
  if (!doc) return null;
  return { doc, problems: readinessProblems({ doc, types, houseStyleWords }) };
}

/**
 * The problems that stop a report going on an agenda (none: ready). A report that does not
 * exist is one problem, so a caller can never publish it by mistake.
 */
export async function checkReadiness(db: DbOrTrx, reportId: number): Promise<ReadinessProblem[]> {
  const checked = await checkReport(db, reportId);
  if (!checked) {
    return [{ rule: 'report', message: 'There is no such report', href: '/admin/reports' }];
  }
  return checked.problems;
}
