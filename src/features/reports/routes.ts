import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { reportRoutes } from './report-routes.js';
import { recommendationRoutes } from './recommendation-routes.js';
import { bodyRoutes } from './body-routes.js';

/**
 * Drafting committee reports, for the Monitoring Officer and Democratic Services: the list, the
 * report's fields, its numbered recommendations and its numbered body.
 */
export const reportsPlugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(reportRoutes, options);
  await app.register(recommendationRoutes, options);
  await app.register(bodyRoutes, options);
};
