import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { invitationScheduler } from './scheduler.js';
import { myRoutes } from './my-routes.js';
import { calendarRoutes } from './calendar-routes.js';
import { adminRoutes } from './admin-routes.js';
import { councilGuard, councilOf } from '../../platform/council-scope.js';

/**
 * Invitations to training sessions: the dispatcher that sends them (every minute outside
 * tests), the signed-in person's replies and calendar feed, and administrators' lists.
 */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(invitationScheduler, options);
  await app.register(myRoutes, options);
  await app.register(calendarRoutes, options);
  await app.register(async (admin) => {
    // Another principal council's sessions answer 404 (its parishes' do not).
    admin.addHook(
      'preHandler',
      councilGuard(options.deps.db, { sessionId: councilOf.trainingSession }),
    );
    await admin.register(adminRoutes, options);
  });
};
