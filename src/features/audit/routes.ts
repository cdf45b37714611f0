import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../index.js';
import { allow } from '../../platform/access.js';
import { parseDateInput, trimmed } from '../../platform/forms.js';
import { listAuditEvents, listAuditedEntities } from './repository.js';
import { auditRowsView } from './view-model.js';

const auditQuery = z.object({
  person: z.preprocess(trimmed, z.string().max(100).optional()).catch(undefined),
  entity: z.preprocess(trimmed, z.string().max(60).optional()).catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export const auditRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Kept per person until the data changes: any change adds to the trail, so moves the version.
  app.get('/audit', { config: allow('monitoring-officer') }, async (request, reply) =>
    reply.renderPersonalPage(async () => {
      const raw = (request.query ?? {}) as Record<string, unknown>;
      const base = auditQuery.parse(raw);
      const from = parseDateInput(raw, 'from', 'The start date');
      const to = parseDateInput(raw, 'to', 'The end date');
      const errors: Record<string, { text: string }> = {};
      const errorList: { text: string; href: string }[] = [];
      for (const [name, parsed] of [
        ['from', from],
        ['to', to],
      ] as const) {
        if (parsed.error) {
          errors[name] = { text: parsed.error };
          errorList.push({ text: parsed.error, href: `#${name}-day` });
        }
      }
      if (from.value && to.value && from.value > to.value) {
        errors.to = { text: 'The end date must be the same as or after the start date' };
        errorList.push({ text: errors.to.text, href: '#to-day' });
      }
      const filter = { ...base, from: from.value, to: to.value };
      const [entities, result] = await Promise.all([
        listAuditedEntities(deps.db),
        errorList.length
          ? Promise.resolve({ rows: [], hasMore: false })
          : listAuditEvents(deps.db, filter),
      ]);
      const olderParams = new URLSearchParams();
      for (const [key, value] of Object.entries(raw)) {
        if (key !== 'before' && typeof value === 'string' && value !== '')
          olderParams.set(key, value);
      }
      const last = result.rows.at(-1);
      if (last) olderParams.set('before', String(last.id));
      return {
        template: 'audit/templates/list.njk',
        statusCode: errorList.length ? 400 : 200,
        context: {
          pageTitle: 'Audit trail',
          filter,
          dates: { from: from.raw, to: to.raw },
          errors,
          errorList,
          entityItems: [
            { value: '', text: 'Any record' },
            ...entities.map((e) => ({ value: e, text: e, selected: e === base.entity })),
          ],
          rows: auditRowsView(result.rows),
          olderHref: result.hasMore ? `/audit?${olderParams.toString()}` : null,
          newestHref: base.before ? '/audit' : null,
        },
      };
    }),
  );
};
