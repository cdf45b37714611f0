import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { memberRoutes } from './member-routes.js';
import { listRoutes } from './list-routes.js';
import { paperRoutes } from './paper-routes.js';

/** Members' sign-off of the code in force: their own page, the lists, and paper sign-offs. */
export const codeSignOffRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(memberRoutes, { deps });
  await app.register(listRoutes, { deps });
  await app.register(paperRoutes, { deps });
};
