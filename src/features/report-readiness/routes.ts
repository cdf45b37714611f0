import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { checkReport } from './service.js';
import { readinessView } from './view-model.js';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/**
 * `/admin/reports/<id>/readiness` (administrators): whether the report may go on an agenda, or
 * every problem with a link to where it is put right. An unknown report, or another council's,
 * is a 404.
 */
export const reportReadinessRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (
  app,
  { deps },
) => {
  app.get('/admin/reports/:id/readiness', { config: administrators }, async (request, reply) => {
    const parsed = idParams.safeParse(request.params);
    if (!parsed.success) throw notFound();
    // Kept per person until the data changes (the check reads every paragraph).
    return reply.renderPersonalPage(async () => {
      const checked = await checkReport(deps.db, parsed.data.id);
      // Administrators work on their own council's reports; another council's is not there.
      if (!checked || checked.doc.report.authority_id !== request.user!.authorityId) {
        throw notFound();
      }
      return {
        template: 'report-readiness/templates/readiness.njk',
        context: readinessView(checked.doc, checked.problems),
      };
    });
  });
};
