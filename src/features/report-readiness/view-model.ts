import type { ReportDocument } from '../reports/index.js';
import { fixPaths } from './paths.js';
import type { ReadinessProblem } from './types.js';

/** The readiness page: ready, or the problems as a list of links to where each is fixed. */
export function readinessView(doc: ReportDocument, problems: readonly ReadinessProblem[]) {
  const count = problems.length;
  return {
    pageTitle: `Readiness check: ${doc.report.title}`,
    title: doc.report.title,
    authorityName: doc.authority.name,
    reportHref: fixPaths.report(doc.report.id),
    checklistHref: fixPaths.clearance(doc.report.id, '').replace(/#$/, ''),
    ready: count === 0,
    summaryTitle:
      count === 1
        ? 'There is 1 thing to put right before this report can go on an agenda'
        : `There are ${count} things to put right before this report can go on an agenda`,
    problemList: problems.map((p) => ({ text: p.message, href: p.href })),
  };
}
