import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { attendanceRoutes } from './attendance-routes.js';
import { selfRoutes } from './self-routes.js';

/** Taking attendance at training sessions, self-registration with a code, training records. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(attendanceRoutes, options);
  await app.register(selfRoutes, options);
};
