import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { loadReportDocument } from './document.js';
import { programmeAppendixViews } from './programme-appendix.js';
import {
  findReport,
  listCodeVersionChoices,
  programmeNames,
  listRecommendations,
  listReportItems,
  type ReportRow,
} from './repository.js';
import { idParams, lineageParams } from './schemas.js';
import type { Administrator } from './service.js';
import { bodyViews, paths, recommendationViews, reportPageView } from './view-model.js';
import { noProblems, type Problems } from '../../platform/requests.js';
export { bodyOf, noProblems, type Problems } from '../../platform/requests.js';

/** The signed-in administrator, acting for their own authority. */
export const adminOf = (request: FastifyRequest): Administrator => ({
  actorPersonId: request.user!.personId,
  authorityId: request.user!.authorityId,
  requestId: request.id,
});

/** The submitted form as a plain record (an empty one when nothing was sent). */

/** The report named by `:id`, if it is one of the administrator's authority's reports. */
export async function reportFrom(db: Db, request: FastifyRequest): Promise<ReportRow> {
  const parsed = idParams.safeParse(request.params);
  const report = parsed.success
    ? await findReport(db, parsed.data.id, request.user!.authorityId)
    : null;
  if (!report) throw notFound();
  return report;
}

/** The report and the lineage named by `:id/.../:lineage`. */
export async function reportAndLineageFrom(db: Db, request: FastifyRequest) {
  const parsed = lineageParams.safeParse(request.params);
  if (!parsed.success) throw notFound();
  const report = await findReport(db, parsed.data.id, request.user!.authorityId);
  if (!report) throw notFound();
  return { report, lineage: parsed.data.lineage.toLowerCase() };
}

/** Form problems in page order: each field's message and the error summary's list. */

/** The report page; with problems (a refused move) it answers 400 with the error summary. */
/** The report's page: its details, recommendations, checklist, body and appendices. */
export async function reportPage(db: Db, report: ReportRow, problems: Problems = noProblems()) {
  const [doc, recommendations, items, versions] = await Promise.all([
    loadReportDocument(db, report.id),
    listRecommendations(db, report.id),
    listReportItems(db, report.id),
    listCodeVersionChoices(db, report.authority_id),
  ]);
  if (!doc) throw notFound();
  const versionNames = new Map(versions.map((v) => [v.id, v.name]));
  const [programmes, appendedProgrammes] = await Promise.all([
    programmeNames(
      db,
      recommendations.flatMap((r) => (r.programme_id === null ? [] : [r.programme_id])),
    ),
    programmeAppendixViews(db, doc.appendices),
  ]);
  return {
    template: 'reports/templates/report.njk',
    context: {
      pageTitle: doc.report.title,
      report: doc.report,
      authorityName: doc.authority.name,
      ...reportPageView(doc, appendedProgrammes),
      recommendations: recommendationViews(report.id, recommendations, versionNames, programmes),
      items: bodyViews(report.id, items),
      links: {
        list: paths.list,
        edit: paths.edit(report.id),
        withdraw: paths.withdraw(report.id),
        newRecommendation: `${paths.recommendations(report.id)}/new`,
        newItem: `${paths.body(report.id)}/new?after=start`,
        implications: paths.implications(report.id),
        checklist: paths.checklist(report.id),
        appendices: paths.appendices(report.id),
        readiness: paths.readiness(report.id),
      },
      errors: problems.errors,
      errorList: problems.errorList,
    },
  };
}

/** The report's page with the problems of a form sent from it (400 when there are any). */
export async function renderReportPage(
  db: Db,
  reply: FastifyReply,
  report: ReportRow,
  problems: Problems = noProblems(),
) {
  const page = await reportPage(db, report, problems);
  return reply.render(page.template, page.context, problems.errorList.length > 0 ? 400 : 200);
}
