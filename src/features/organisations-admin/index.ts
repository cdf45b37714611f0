import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps, Feature } from '../index.js';
import { listRoutes } from './list-routes.js';
import { organisationRoutes } from './organisation-routes.js';
import { dissolveRoutes } from './dissolve-routes.js';
import { wardRoutes } from './ward-routes.js';

/** Democratic Services' register of a council's organisations (groups, committees) and wards. */
const plugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(listRoutes, options);
  await app.register(organisationRoutes, options);
  await app.register(dissolveRoutes, options);
  await app.register(wardRoutes, options);
};

export const organisationsAdminFeature: Feature = { name: 'organisations-admin', plugin };
