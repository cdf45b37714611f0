import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps, Feature } from '../index.js';
import { peopleAdminRoutes } from './routes.js';
import { membershipRoutes } from './membership-routes.js';
import { personRoutes } from './person-routes.js';

const plugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(peopleAdminRoutes, options);
  await app.register(membershipRoutes, options);
  await app.register(personRoutes, options);
};

export const peopleAdminFeature: Feature = { name: 'people-admin', plugin };
