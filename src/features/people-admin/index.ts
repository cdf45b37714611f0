import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps, Feature } from '../index.js';
import { peopleAdminRoutes } from './routes.js';
import { membershipRoutes } from './membership-routes.js';
import { personRoutes } from './person-routes.js';
import { councilGuard, councilOf } from '../../platform/council-scope.js';

const plugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  // Another principal council's people answer 404 (its parishes' do not).
  app.addHook('preHandler', councilGuard(options.deps.db, { id: councilOf.person }));
  await app.register(peopleAdminRoutes, options);
  await app.register(membershipRoutes, options);
  await app.register(personRoutes, options);
};

export const peopleAdminFeature: Feature = { name: 'people-admin', plugin };
