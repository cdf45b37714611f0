import type { Db } from '../../db/database.js';
import { checkReadiness } from '../report-readiness/index.js';

/** One reason a report on the agenda is not ready, with where to put it right. */
export interface ReadinessProblem {
  reportId: number;
  reportTitle: string;
  message: string;
  href: string;
}

/** Why these reports are not ready to be published with an agenda (empty when they all are). */
export async function readinessProblems(
  db: Db,
  reports: { id: number; title: string }[],
): Promise<ReadinessProblem[]> {
  const problems: ReadinessProblem[] = [];
  for (const report of reports) {
    for (const p of await checkReadiness(db, report.id)) {
      problems.push({
        reportId: report.id,
        reportTitle: report.title,
        message: p.message,
        href: p.href,
      });
    }
  }
  return problems;
}
