import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { appendixRoutes } from './appendix-routes.js';
import { houseStyleRoutes } from './house-style-routes.js';
import { implicationsRoutes } from './implications-routes.js';
import { typesRoutes } from './types-routes.js';

export const reportChecklistRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (
  app,
  { deps },
) => {
  await app.register(typesRoutes, { deps });
  await app.register(implicationsRoutes, { deps });
  await app.register(houseStyleRoutes, { deps });
  await app.register(appendixRoutes, { deps });
};
