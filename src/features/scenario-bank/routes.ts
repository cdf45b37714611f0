import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { answersRoutes } from './answers-routes.js';
import { scenarioRoutes } from './scenario-routes.js';
import { setRoutes } from './set-routes.js';
import { studyRoutes } from './study-routes.js';

/** The scenario bank, scenario sets and members' self-study. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(scenarioRoutes, options);
  await app.register(answersRoutes, options);
  await app.register(setRoutes, options);
  await app.register(studyRoutes, options);
};
