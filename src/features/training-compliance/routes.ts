import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../index.js';
import { administrators, allow } from '../../platform/access.js';
import { todayInEngland } from '../../db/current.js';
import { formatDate } from '../../platform/views.js';
import { contentDisposition } from '../../platform/downloads.js';
import { committeeSeats, complianceRows, listRules } from './repository.js';
import { rulesRoutes } from './rules-routes.js';
import {
  byCommittee,
  byGroup,
  completionChart,
  complianceCsv,
  groupRows,
  memberRows,
  summaryRows,
} from './view-model.js';

export const paths = {
  admin: '/admin/training/compliance',
  adminCsv: '/admin/training/compliance.csv',
  whip: '/group-training/compliance',
  whipCsv: '/group-training/compliance.csv',
} as const;

const query = z.object({ rule: z.coerce.number().int().positive().optional() }).catch({});

/**
 * Training compliance (issue 6): administrators see their whole council, a whip only the groups
 * they whip (`request.user.whipOf`, never another group's members).
 */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(rulesRoutes, { deps });
  const load = async (request: FastifyRequest, whip: boolean) => {
    const user = request.user!;
    const on = todayInEngland();
    const [authority, rules, rows, seats] = await Promise.all([
      deps.db
        .selectFrom('authorities')
        .select('name')
        .where('id', '=', user.authorityId)
        .executeTakeFirstOrThrow(),
      listRules(deps.db, user.authorityId),
      complianceRows(deps.db, user.authorityId, on, { groupIds: whip ? user.whipOf : null }),
      committeeSeats(deps.db, user.authorityId, on),
    ]);
    return { authority, rules, rows, seats, on };
  };

  const page = (whip: boolean) => async (request: FastifyRequest) => {
    const { authority, rules, rows, seats, on } = await load(request, whip);
    const chosen = rules.find((r) => r.id === query.parse(request.query ?? {}).rule) ?? rules[0];
    const groups = chosen ? byGroup(rows, chosen) : [];
    const sittingWithout = rules
      .filter((r) => r.kind === 'before-sitting')
      .flatMap((rule) =>
        rows
          .filter((row) => row.ruleId === rule.id && row.status === 'overdue')
          .map(
            (row) =>
              `${row.name} sits on the ${rule.committeeName ?? 'committee'} without the training it requires.`,
          ),
      );
    return {
      template: 'training-compliance/templates/compliance.njk',
      context: {
        pageTitle: whip ? 'Your group’s training' : 'Training compliance',
        heading: whip ? 'Your group’s training' : 'Training compliance',
        authorityName: authority.name,
        onLabel: formatDate(new Date(`${on}T12:00:00Z`)),
        scopeLabel: whip ? ' of your groups' : '',
        rules,
        summaryRows: summaryRows(rows, rules),
        ruleItems: rules.map((r) => ({ value: r.id, text: r.name, selected: r.id === chosen?.id })),
        chartRuleName: chosen?.name ?? '',
        chartSvg: chosen ? completionChart(groups, chosen, 'completion-chart') : '',
        groupRows: groupRows(groups),
        committeeRows: chosen ? groupRows(byCommittee(rows, chosen, seats)) : [],
        sittingWithout,
        memberRows: memberRows(rows, rules),
        whip,
        formAction: whip ? paths.whip : paths.admin,
        csvHref: whip ? paths.whipCsv : paths.adminCsv,
      },
    };
  };

  const csv = (whip: boolean) => async (request: FastifyRequest) => {
    const { rules, rows, seats, on } = await load(request, whip);
    return { body: complianceCsv(rows, rules, seats), name: `training-compliance-${on}.csv` };
  };

  // Kept per person until the data changes (decision 0022).
  app.get(paths.admin, { config: administrators }, (request, reply) =>
    reply.renderPersonalPage(() => page(false)(request)),
  );
  app.get(paths.whip, { config: allow('group-whip') }, (request, reply) =>
    reply.renderPersonalPage(() => page(true)(request)),
  );
  for (const [path, whip, access] of [
    [paths.adminCsv, false, administrators],
    [paths.whipCsv, true, allow('group-whip')],
  ] as const) {
    app.get(path, { config: access }, async (request, reply) =>
      reply.sendKeptFile(async () => {
        const file = await csv(whip)(request);
        return {
          type: 'text/csv; charset=utf-8',
          body: file.body,
          headers: {
            'cache-control': 'no-store',
            'content-disposition': contentDisposition(file.name),
          },
        };
      }),
    );
  }
};
