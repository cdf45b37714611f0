import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { todayInEngland } from '../../db/current.js';
import { administrators } from '../../platform/access.js';
import { collectErrors, dateError, parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import {
  listAuthorNames,
  listCommitteeChoices,
  listCouncillorChoices,
  listReportCommittees,
  listReports,
  type ReportRow,
} from './repository.js';
import { exemptParagraphProblem, listFilters, REPORT_FIELD_ORDER, reportForm } from './schemas.js';
import { changeReport, createReport, NOT_A_DRAFT, withdrawReport } from './service.js';
import {
  adminOf,
  bodyOf,
  noProblems,
  reportPage,
  reportFrom,
  type Problems,
} from './route-support.js';
import { dateParts, listView, paths, reportFormFields, reportFormValues } from './view-model.js';

/** The list of reports, a report's page, its fields (new and edit) and its withdrawal. */
export const reportRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(paths.list, { config: administrators }, async (request, reply) => {
    const authorityId = request.user!.authorityId;
    const filters = listFilters.parse(request.query ?? {});
    const [rows, committees] = await Promise.all([
      listReports(deps.db, authorityId, filters),
      listReportCommittees(deps.db, authorityId),
    ]);
    return reply.render('reports/templates/list.njk', {
      pageTitle: 'Committee reports',
      ...listView(rows, committees, filters),
      filtered: Boolean(filters.status || filters.committee),
      newHref: paths.create,
    });
  });

  const renderForm = async (
    reply: FastifyReply,
    authorityId: number,
    form: { heading: string; action: string; button: string; backHref: string },
    values: Record<string, unknown>,
    reportDate: Record<string, string>,
    problems: Problems = noProblems(),
    report: ReportRow | null = null,
  ) => {
    const today = todayInEngland();
    const [committees, councillors] = await Promise.all([
      listCommitteeChoices(deps.db, authorityId, today),
      listCouncillorChoices(deps.db, authorityId, today),
    ]);
    const context = {
      pageTitle: form.heading,
      form,
      values,
      reportDate,
      report,
      notDraft: report && report.status !== 'draft' ? NOT_A_DRAFT(report.status) : null,
      errors: problems.errors,
      errorList: problems.errorList,
    };
    return reply.render(
      'reports/templates/report-form.njk',
      { ...context, ...reportFormFields(values, committees, councillors) },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  const newShape = {
    heading: 'Start a committee report',
    action: paths.create,
    button: 'Start the report',
    backHref: paths.list,
  };

  app.get(paths.create, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith((reply) =>
      renderForm(
        reply,
        request.user!.authorityId,
        newShape,
        { category: 'open', reservedForCouncil: 'no', pressRelease: 'no' },
        dateParts(null),
      ),
    ),
  );

  /** The form read: Zod for the fields, the date input beside it, in page order. */
  const readForm = (body: Record<string, unknown>) => {
    const date = dateError(body, 'reportDate', 'The date of the report', false);
    const form = parseForm(reportForm, body);
    const exempt = exemptParagraphProblem(body);
    const problems = collectErrors(
      form.ok ? null : form,
      date.part,
      exempt
        ? {
            errors: { exemptParagraph: { text: exempt } },
            errorList: [{ text: exempt, href: '#exemptParagraph' }],
          }
        : null,
    );
    const place = (href: string) => REPORT_FIELD_ORDER.indexOf(href.slice(1).replace(/-day$/, ''));
    problems.errorList.sort((a, b) => place(a.href) - place(b.href));
    return { date, form, problems, ok: form.ok && !date.part && !exempt };
  };

  app.post(paths.create, { config: administrators }, async (request, reply) => {
    const admin = adminOf(request);
    const body = bodyOf(request);
    const { date, form, problems, ok } = readForm(body);
    if (!form.ok || !ok)
      return renderForm(reply, admin.authorityId, newShape, body, date.raw, problems);
    const result = await createReport(deps.db, form.data, date.value ?? null, admin);
    if (!result.ok)
      return renderForm(
        reply,
        admin.authorityId,
        newShape,
        body,
        date.raw,
        refusalPart(result.refusal),
      );
    return redirectWithFlash(reply, paths.report(result.value.id), {
      title: 'Report started',
      text: `“${result.value.title}” is a draft. Add its recommendations and body below.`,
    });
  });

  // Kept per person until the data changes: the page is long, and read far more than changed.
  app.get(`${paths.list}/:id`, { config: administrators }, async (request, reply) =>
    reply.renderPersonalPage(async () => reportPage(deps.db, await reportFrom(deps.db, request))),
  );

  const editShape = (report: ReportRow) => ({
    heading: 'Change the report’s details',
    action: paths.edit(report.id),
    button: 'Save the details',
    backHref: paths.report(report.id),
  });

  app.get(`${paths.list}/:id/edit`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const report = await reportFrom(deps.db, request);
      const authors = await listAuthorNames(deps.db, report.id);
      return renderForm(
        reply,
        report.authority_id,
        editShape(report),
        reportFormValues(report, authors),
        dateParts(report.report_date),
        noProblems(),
        report,
      );
    }),
  );

  app.post(`${paths.list}/:id/edit`, { config: administrators }, async (request, reply) => {
    const report = await reportFrom(deps.db, request);
    const admin = adminOf(request);
    const body = bodyOf(request);
    const { date, form, problems, ok } = readForm(body);
    const again = (problems: Problems) =>
      renderForm(reply, report.authority_id, editShape(report), body, date.raw, problems, report);
    if (report.status !== 'draft')
      return again(refusalPart({ field: 'title', message: NOT_A_DRAFT(report.status) }));
    if (!form.ok || !ok) return again(problems);
    const result = await changeReport(deps.db, report.id, form.data, date.value ?? null, admin);
    if (!result.ok) return again(refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.report(report.id), {
      title: 'Details saved',
      text: 'Your changes to the report’s details are saved.',
    });
  });

  const renderWithdraw = (reply: FastifyReply, report: ReportRow, problems = noProblems()) =>
    reply.render(
      'reports/templates/withdraw.njk',
      {
        pageTitle: `Withdraw “${report.title}”`,
        report,
        notDraft: report.status !== 'draft' ? NOT_A_DRAFT(report.status) : null,
        action: paths.withdraw(report.id),
        backHref: paths.report(report.id),
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );

  app.get(`${paths.list}/:id/withdraw`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      renderWithdraw(reply, await reportFrom(deps.db, request)),
    ),
  );

  app.post(`${paths.list}/:id/withdraw`, { config: administrators }, async (request, reply) => {
    const report = await reportFrom(deps.db, request);
    const result = await withdrawReport(deps.db, report.id, adminOf(request));
    if (!result.ok) return renderWithdraw(reply, report, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.report(report.id), {
      title: 'Report withdrawn',
      text: `“${report.title}” is withdrawn. It is kept, with everything in it, but can no longer change.`,
    });
  });
};
