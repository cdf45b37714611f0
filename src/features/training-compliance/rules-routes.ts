import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart, type ErrorSummaryItem } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import type { Actor } from '../../platform/outcome.js';
import { findRule, listCommittees, removeRule, ruleForm, saveRule } from './rules.js';
import { listRules } from './repository.js';

export const rulePaths = {
  list: '/admin/training/rules',
  create: '/admin/training/rules/new',
  edit: (id: number) => `/admin/training/rules/${id}/edit`,
  remove: (id: number) => `/admin/training/rules/${id}/remove`,
} as const;

type Problems = { errors: Record<string, { text: string }>; errorList: ErrorSummaryItem[] };
const none: Problems = { errors: {}, errorList: [] };
const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/**
 * The council's training rules (administrators): what must be done within how many months of
 * election or of a new code, and what before sitting on which committee.
 */
export const rulesRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const actor = (request: FastifyRequest): Actor => ({
    actorPersonId: request.user!.personId,
    requestId: request.id,
  });
  const ruleOf = async (request: FastifyRequest) => {
    const parsed = idParams.safeParse(request.params);
    const rule = parsed.success
      ? await findRule(deps.db, request.user!.authorityId, parsed.data.id)
      : undefined;
    if (!rule) throw notFound();
    return rule;
  };
  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: string,
    values: Record<string, unknown>,
    problems: Problems = none,
  ) => {
    const committees = await listCommittees(deps.db, request.user!.authorityId);
    return reply.render(
      'training-compliance/templates/rule-form.njk',
      {
        pageTitle: action === rulePaths.create ? 'Add a training rule' : 'Change a training rule',
        action,
        values,
        committeeItems: [
          { value: '', text: 'Choose a committee' },
          ...committees.map((c) => ({
            value: String(c.id),
            text: c.name,
            selected: String(c.id) === String(values.committeeId ?? ''),
          })),
        ],
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };
  const save = async (request: FastifyRequest, reply: FastifyReply, ruleId: number | null) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const action = ruleId === null ? rulePaths.create : rulePaths.edit(ruleId);
    const form = parseForm(ruleForm, body);
    if (!form.ok) return renderForm(request, reply, action, body, form);
    const result = await saveRule(
      deps.db,
      request.user!.authorityId,
      ruleId,
      form.data,
      actor(request),
    );
    if (!result.ok) return renderForm(request, reply, action, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, rulePaths.list, {
      title: ruleId === null ? 'Rule added' : 'Rule changed',
      text: `“${form.data.name}” now counts on the training compliance dashboard.`,
    });
  };

  app.get(rulePaths.list, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      reply.render('training-compliance/templates/rules.njk', {
        pageTitle: 'Training rules',
        rules: await listRules(deps.db, request.user!.authorityId),
        paths: rulePaths,
      }),
    ),
  );
  app.get(rulePaths.create, { config: administrators }, (request, outer) =>
    outer.renderPersonalPageWith((reply) =>
      renderForm(request, reply, rulePaths.create, { kind: 'within-months' }),
    ),
  );
  app.post(rulePaths.create, { config: administrators }, (request, reply) =>
    save(request, reply, null),
  );
  app.get('/admin/training/rules/:id/edit', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const rule = await ruleOf(request);
      return renderForm(request, reply, rulePaths.edit(rule.id), {
        name: rule.name,
        topic: rule.topic,
        kind: rule.kind,
        withinMonths: rule.within_months ?? '',
        committeeId: rule.committee_id ?? '',
      });
    }),
  );
  app.post('/admin/training/rules/:id/edit', { config: administrators }, async (request, reply) =>
    save(request, reply, (await ruleOf(request)).id),
  );
  app.post(
    '/admin/training/rules/:id/remove',
    { config: administrators },
    async (request, reply) => {
      const rule = await ruleOf(request);
      await removeRule(deps.db, request.user!.authorityId, rule.id, actor(request));
      return redirectWithFlash(reply, rulePaths.list, {
        title: 'Rule removed',
        text: `“${rule.name}” no longer counts on the training compliance dashboard.`,
      });
    },
  );
};
