import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { signedIn } from '../../platform/access.js';
import { countAdminFigures, independentPersonCover, listWhipGroupMembers } from './repository.js';
import { buildDashboard, independentPersonWarnings } from './view-model.js';

export const dashboardRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get('/dashboard', { config: signedIn }, async (request, reply) => {
    const user = request.user!;
    const isAdmin = user.roles.has('monitoring-officer') || user.roles.has('democratic-services');
    const [counts, cover, groupMembers] = await Promise.all([
      isAdmin ? countAdminFigures(deps.db) : Promise.resolve(null),
      isAdmin ? independentPersonCover(deps.db) : Promise.resolve([]),
      user.roles.has('group-whip')
        ? listWhipGroupMembers(deps.db, user.whipOf)
        : Promise.resolve([]),
    ]);
    return reply.render('dashboard/templates/dashboard.njk', {
      pageTitle: 'Your dashboard',
      ...buildDashboard(user, counts, groupMembers),
      warnings: independentPersonWarnings(cover),
    });
  });
};
