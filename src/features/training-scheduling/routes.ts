import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { datesRoutes } from './dates-routes.js';
import { whipRoutes } from './whip-routes.js';
import { topicRoutes } from './topics-routes.js';
import { liaisonRoutes } from './liaison-routes.js';

/** Agreeing group sessions' dates with whips (admin and whip sides), groups' topic proposals, and
 * officers' standards meetings with whips and leaders. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(datesRoutes, options);
  await app.register(whipRoutes, options);
  await app.register(topicRoutes, options);
  await app.register(liaisonRoutes, options);
};
