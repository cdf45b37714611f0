import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { listOrganisations, listWards } from './repository.js';
import { organisationsListView } from './list-view-model.js';
import { authorityFrom } from './route-support.js';

export const listRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get('/admin/organisations', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { authority, authorities } = await authorityFrom(deps.db, request.query);
      const [organisations, wards] = await Promise.all([
        listOrganisations(deps.db, authority.id),
        listWards(deps.db, authority.id),
      ]);
      return reply.render('organisations-admin/templates/list.njk', {
        pageTitle: `Organisations and wards of ${authority.name}`,
        ...organisationsListView(authority, authorities, organisations, wards),
      });
    }),
  );
};
