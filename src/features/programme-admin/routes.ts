import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { confirmRoutes } from './confirm-routes.js';
import { courseRoutes } from './course-routes.js';
import { facilitatorRoutes } from './facilitator-routes.js';
import { programmeRoutes } from './programme-routes.js';
import { sessionRoutes } from './session-routes.js';

/** Routes of the administrators' programme pages: programmes, courses and sessions. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(programmeRoutes, options);
  await app.register(courseRoutes, options);
  await app.register(sessionRoutes, options);
  await app.register(facilitatorRoutes, options);
  await app.register(confirmRoutes, options);
};
