import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { adminClearanceRoutes } from './admin-routes.js';
import { officerClearanceRoutes } from './officer-routes.js';

/** Clearances: administrators ask named officers; officers clear or return. */
export const clearanceRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(adminClearanceRoutes, options);
  await app.register(officerClearanceRoutes, options);
};
