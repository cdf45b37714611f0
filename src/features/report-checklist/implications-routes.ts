import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import type { ErrorSummaryItem } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import type { ReportSummary } from './repository.js';
import {
  loadReportChecklist,
  readAnswers,
  saveImplications,
  type ChecklistLine,
} from './implications-service.js';
import { actorOf, bodyOf, homeAuthorityOf, reportFrom } from './route-support.js';
import { checklistFields, paths } from './view-model.js';

interface Problems {
  errors: Record<string, { text: string }>;
  errorList: ErrorSummaryItem[];
}

const problemsOf = (list: { field: string; message: string }[]): Problems => ({
  errors: Object.fromEntries(list.map((p) => [p.field, { text: p.message }])),
  errorList: list.map((p) => ({
    text: p.message,
    href: `#${p.field}`,
  })),
});

export const implicationsRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const render = (
    reply: FastifyReply,
    report: ReportSummary,
    lines: ChecklistLine[],
    values: Record<string, unknown> | null,
    problems: Problems = { errors: {}, errorList: [] },
    status = 200,
  ) =>
    reply.render(
      'report-checklist/templates/implications.njk',
      {
        pageTitle: `Statutory and policy checklist: ${report.title}`,
        report,
        isDraft: report.status === 'draft',
        action: paths.implications(report.id),
        backHref: paths.report(report.id),
        typesHref: paths.types(report.authority_id),
        fields: checklistFields(lines, values),
        ...problems,
      },
      status,
    );

  app.get('/admin/reports/:id/implications', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const report = await reportFrom(deps.db, request);
      const lines = await loadReportChecklist(deps.db, report, actorOf(request));
      return render(reply, report, lines, null);
    }),
  );

  app.post(
    '/admin/reports/:id/implications',
    { config: administrators },
    async (request, reply) => {
      const report = await reportFrom(deps.db, request);
      const lines = await loadReportChecklist(deps.db, report, actorOf(request));
      const body = bodyOf(request);
      const { answers, problems } = readAnswers(lines, body);
      if (problems.length) return render(reply, report, lines, body, problemsOf(problems), 400);
      const outcome = await saveImplications(
        deps.db,
        report.id,
        homeAuthorityOf(request),
        answers,
        actorOf(request),
      );
      if (!outcome) throw notFound();
      if (!outcome.ok) {
        const refused = problemsOf([outcome.refusal]);
        refused.errorList = [{ text: outcome.refusal.message, href: '#checklist' }];
        return render(reply, await reportFrom(deps.db, request), lines, null, refused, 409);
      }
      const changed = outcome.value.changed;
      return redirectWithFlash(reply, paths.report(report.id), {
        title: 'Checklist saved',
        text:
          changed === 0
            ? 'The checklist had those answers already.'
            : `${changed === 1 ? '1 implication' : `${changed} implications`} updated. Any clearance of a changed statement will need renewing.`,
      });
    },
  );
};
