import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { courseRoutes } from './course-routes.js';
import { paragraphRoutes } from './paragraph-routes.js';
import { partsRoutes } from './parts-routes.js';
import { planRoutes } from './plan-routes.js';
import { runSheetRoutes } from './run-sheet-routes.js';

/** Workshop plans: timed agendas, examples, sources and code links; facilitators' run sheets. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(planRoutes, options);
  await app.register(partsRoutes, options);
  await app.register(paragraphRoutes, options);
  await app.register(courseRoutes, options);
  await app.register(runSheetRoutes, options);
};
