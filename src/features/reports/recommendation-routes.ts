import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import {
  listCodeVersionChoices,
  listProgrammeChoices,
  listRecommendations,
  programmeNames,
  type RecommendationRow,
  type ReportRow,
} from './repository.js';
import { recommendationForm } from './schemas.js';
import {
  addRecommendation,
  editRecommendation,
  moveRecommendation,
  removeRecommendation,
  type RecommendationChange,
} from './recommendations-service.js';
import { NOT_A_DRAFT } from './service.js';
import {
  adminOf,
  bodyOf,
  noProblems,
  renderReportPage,
  reportAndLineageFrom,
  reportFrom,
  type Problems,
} from './route-support.js';
import { paths } from './view-model.js';

const RECOMMENDATIONS = `${paths.list}/:id/recommendations`;

const backTo = (report: ReportRow, change: RecommendationChange) =>
  `${paths.report(report.id)}${change.lineage ? `#recommendation-${change.lineage}` : '#recommendations'}`;

/** Adding, editing, moving and removing a report's recommendations, without JavaScript. */
export const recommendationRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (
  app,
  { deps },
) => {
  const numbered = async (report: ReportRow, lineage: string) => {
    const rows = await listRecommendations(deps.db, report.id);
    const index = rows.findIndex((r) => r.lineage === lineage);
    if (index < 0) throw notFound();
    return { row: rows[index] as RecommendationRow, number: index + 1 };
  };

  const renderForm = async (
    reply: FastifyReply,
    report: ReportRow,
    form: { action: string; heading: string; button: string },
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) => {
    const [versions, programmes] = await Promise.all([
      listCodeVersionChoices(deps.db, report.authority_id),
      listProgrammeChoices(deps.db, report.authority_id),
    ]);
    // a programme the recommendation already approved stays among the choices
    const linked = Number(values.programmeId);
    if (Number.isInteger(linked) && linked > 0 && !programmes.some((p) => p.id === linked)) {
      const name = (await programmeNames(deps.db, [linked])).get(linked);
      if (name) programmes.push({ id: linked, name });
    }
    return reply.render(
      'reports/templates/recommendation-form.njk',
      {
        pageTitle: `${form.heading} – ${report.title}`,
        report,
        notDraft: report.status !== 'draft' ? NOT_A_DRAFT(report.status) : null,
        form,
        values,
        versionItems: [
          { value: '', text: 'None', selected: !values.codeVersionId },
          ...versions.map((v) => ({
            value: String(v.id),
            text: v.name,
            selected: String(values.codeVersionId) === String(v.id),
          })),
        ],
        programmeItems: [
          { value: '', text: 'None', selected: !values.programmeId },
          ...programmes.map((p) => ({
            value: String(p.id),
            text: p.name,
            selected: String(values.programmeId) === String(p.id),
          })),
        ],
        backHref: `${paths.report(report.id)}#recommendations`,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  const addShape = (report: ReportRow) => ({
    action: paths.recommendations(report.id),
    heading: 'Add a recommendation',
    button: 'Add the recommendation',
  });

  app.get(`${RECOMMENDATIONS}/new`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const report = await reportFrom(deps.db, request);
      return renderForm(reply, report, addShape(report), {});
    }),
  );

  app.post(RECOMMENDATIONS, { config: administrators }, async (request, reply) => {
    const report = await reportFrom(deps.db, request);
    const body = bodyOf(request);
    const form = parseForm(recommendationForm, body);
    if (!form.ok) return renderForm(reply, report, addShape(report), body, form);
    const result = await addRecommendation(deps.db, report.id, form.data, adminOf(request));
    if (!result.ok)
      return renderForm(reply, report, addShape(report), body, refusalPart(result.refusal));
    return redirectWithFlash(reply, backTo(report, result.value), {
      title: 'Recommendation added',
      text: `It is recommendation ${result.value.number}.`,
    });
  });

  const editShape = (report: ReportRow, lineage: string, number: number) => ({
    action: `${paths.recommendations(report.id)}/${lineage}/edit`,
    heading: `Edit recommendation ${number}`,
    button: 'Save the recommendation',
  });

  app.get(`${RECOMMENDATIONS}/:lineage/edit`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { report, lineage } = await reportAndLineageFrom(deps.db, request);
      const { row, number } = await numbered(report, lineage);
      return renderForm(reply, report, editShape(report, lineage, number), {
        text: row.text,
        codeVersionId: row.code_version_id === null ? '' : String(row.code_version_id),
        programmeId: row.programme_id === null ? '' : String(row.programme_id),
      });
    }),
  );

  app.post(
    `${RECOMMENDATIONS}/:lineage/edit`,
    { config: administrators },
    async (request, reply) => {
      const { report, lineage } = await reportAndLineageFrom(deps.db, request);
      const { number } = await numbered(report, lineage);
      const shape = editShape(report, lineage, number);
      const body = bodyOf(request);
      const form = parseForm(recommendationForm, body);
      if (!form.ok) return renderForm(reply, report, shape, body, form);
      const result = await editRecommendation(
        deps.db,
        report.id,
        lineage,
        form.data,
        adminOf(request),
      );
      if (!result.ok) return renderForm(reply, report, shape, body, refusalPart(result.refusal));
      return redirectWithFlash(reply, backTo(report, result.value), {
        title: 'Recommendation saved',
        text: `Your changes to recommendation ${result.value.number} are saved.`,
      });
    },
  );

  app.post(
    `${RECOMMENDATIONS}/:lineage/move`,
    { config: administrators },
    async (request, reply) => {
      const { report, lineage } = await reportAndLineageFrom(deps.db, request);
      const direction = bodyOf(request).direction;
      if (direction !== 'up' && direction !== 'down') throw notFound();
      const result = await moveRecommendation(
        deps.db,
        report.id,
        lineage,
        direction,
        adminOf(request),
      );
      if (!result.ok) return renderReportPage(deps.db, reply, report, refusalPart(result.refusal));
      return redirectWithFlash(reply, backTo(report, result.value), {
        title: 'Recommendation moved',
        text: `It is now recommendation ${result.value.number}.`,
      });
    },
  );

  const renderRemove = async (
    reply: FastifyReply,
    report: ReportRow,
    lineage: string,
    problems: Problems = noProblems(),
  ) => {
    const { row, number } = await numbered(report, lineage);
    return reply.render(
      'reports/templates/recommendation-remove.njk',
      {
        pageTitle: `Remove recommendation ${number} – ${report.title}`,
        report,
        notDraft: report.status !== 'draft' ? NOT_A_DRAFT(report.status) : null,
        number,
        text: row.text,
        action: `${paths.recommendations(report.id)}/${lineage}/remove`,
        backHref: `${paths.report(report.id)}#recommendation-${lineage}`,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get(
    `${RECOMMENDATIONS}/:lineage/remove`,
    { config: administrators },
    async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const { report, lineage } = await reportAndLineageFrom(deps.db, request);
        return renderRemove(reply, report, lineage);
      }),
  );

  app.post(
    `${RECOMMENDATIONS}/:lineage/remove`,
    { config: administrators },
    async (request, reply) => {
      const { report, lineage } = await reportAndLineageFrom(deps.db, request);
      const { number } = await numbered(report, lineage);
      const result = await removeRecommendation(deps.db, report.id, lineage, adminOf(request));
      if (!result.ok) return renderRemove(reply, report, lineage, refusalPart(result.refusal));
      return redirectWithFlash(reply, `${paths.report(report.id)}#recommendations`, {
        title: 'Recommendation removed',
        text: `Recommendation ${number} is removed; the ones after it move up a number.`,
      });
    },
  );
};
