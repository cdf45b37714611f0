import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { publicCodeRoutes } from './public-routes.js';
import { inForceScheduler } from './scheduler.js';

export const codeOfConductRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(inForceScheduler, { deps });
  await app.register(publicCodeRoutes, { deps });
};
