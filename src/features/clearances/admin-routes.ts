import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { clearanceSnapshot, loadReportDocument, type ReportDocument } from '../reports/index.js';
import { snapshotChanges } from './changes.js';
import { paths } from './paths.js';
import { findClearance, listLatestClearances, listOfficers } from './repository.js';
import { changesParams, reportParams, requestForm } from './schemas.js';
import { requestClearance } from './service.js';
import { checklistView } from './view-model.js';

function params<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/**
 * Administrators' side of clearances: `/admin/reports/<id>/checklist` (each implication with its
 * answer, statement and clearance), POST `/admin/reports/<id>/clearances/new` (ask a named
 * officer), and `/admin/reports/<id>/clearances/<clearanceId>/changes` (what changed since a
 * clearance). An unknown report or clearance, or another council's, is a 404.
 */
export const adminClearanceRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps;

  const render = async (
    reply: FastifyReply,
    doc: ReportDocument,
    form: {
      values?: Record<string, string>;
      errors?: Record<string, { text: string }>;
      errorList?: { text: string; href: string }[];
    } = {},
  ) => {
    const [latest, officers] = await Promise.all([
      listLatestClearances(db, doc.report.id),
      listOfficers(db, doc.report.authority_id),
    ]);
    const byImplication = new Map(latest.map((l) => [l.latest.implicationId, l.latest]));
    return reply.render(
      'clearances/templates/checklist.njk',
      { ...checklistView(doc, byImplication, officers, form), errorList: form.errorList ?? [] },
      form.errorList?.length ? 400 : 200,
    );
  };

  app.get('/admin/reports/:id/checklist', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { id } = params(reportParams, request.params);
      const doc = await loadReportDocument(db, id);
      if (!doc || doc.report.authority_id !== request.user!.authorityId) throw notFound();
      return render(reply, doc);
    }),
  );

  app.post(
    '/admin/reports/:id/clearances/new',
    { config: administrators },
    async (request, reply) => {
      const { id } = params(reportParams, request.params);
      const doc = await loadReportDocument(db, id);
      if (!doc || doc.report.authority_id !== request.user!.authorityId) throw notFound();
      const body = (request.body ?? {}) as Record<string, unknown>;
      const form = requestForm.safeParse(body);
      const implication = form.success
        ? doc.implications.find((i) => i.id === form.data.implicationId)
        : undefined;
      if (!implication) throw notFound();
      const field = `officer-${implication.id}`;
      const raw = typeof body[field] === 'string' ? body[field] : '';
      const officerId = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
      const fail = (message: string) =>
        render(reply, doc, {
          values: { [field]: raw },
          errors: { [field]: { text: message } },
          errorList: [{ text: message, href: `#${field}` }],
        });
      if (officerId === null) {
        return fail(`Choose the officer to clear the ${implication.label.toLowerCase()}`);
      }
      const outcome = await requestClearance(
        db,
        { reportId: id, implicationId: implication.id, officerId },
        { actorPersonId: request.user!.personId, requestId: request.id },
        deps.config.baseUrl,
      );
      if (!outcome.ok) return fail(outcome.refusal.message);
      return redirectWithFlash(reply, `${paths.checklist(id)}#${implication.key}`, {
        title: 'Clearance requested',
        text: `${outcome.value.officerName} has been asked to clear the ${outcome.value.label.toLowerCase()}, and sent an email.`,
      });
    },
  );

  app.get(
    '/admin/reports/:id/clearances/:clearanceId/changes',
    { config: administrators },
    async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const { id, clearanceId } = params(changesParams, request.params);
        const [doc, clearance] = await Promise.all([
          loadReportDocument(db, id),
          findClearance(db, clearanceId),
        ]);
        if (
          !doc ||
          doc.report.authority_id !== request.user!.authorityId ||
          !clearance ||
          clearance.reportId !== id
        ) {
          throw notFound();
        }
        const current = clearanceSnapshot(doc, clearance.implicationId);
        if (!current) throw notFound();
        return reply.render('clearances/templates/changes.njk', {
          pageTitle: `What changed since clearance: ${doc.report.title}`,
          title: doc.report.title,
          label: clearance.snapshot.implication.label,
          officerName: clearance.officerName,
          decidedAt: clearance.decidedAt,
          requestedAt: clearance.requestedAt,
          status: clearance.status,
          checklistHref: paths.checklist(id),
          changes: snapshotChanges(clearance.snapshot, current),
        });
      }),
  );
};
