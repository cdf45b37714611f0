import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps, Feature } from '../index.js';
import { listRoutes } from './list-routes.js';
import { organisationRoutes } from './organisation-routes.js';
import { dissolveRoutes } from './dissolve-routes.js';
import { wardRoutes } from './ward-routes.js';
import { councilGuard, councilOf } from '../../platform/council-scope.js';

/** Democratic Services' register of a council's organisations (groups, committees) and wards. */
const plugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(listRoutes, options);
  // Another principal council's organisations and wards answer 404 (its parishes' do not).
  const { db } = options.deps;
  await app.register(async (organisations) => {
    organisations.addHook('preHandler', councilGuard(db, { id: councilOf.organisation }));
    await organisations.register(organisationRoutes, options);
    await organisations.register(dissolveRoutes, options);
  });
  await app.register(async (wards) => {
    wards.addHook('preHandler', councilGuard(db, { id: councilOf.area }));
    await wards.register(wardRoutes, options);
  });
};

export const organisationsAdminFeature: Feature = { name: 'organisations-admin', plugin };
