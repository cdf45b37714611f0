import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { anyone } from '../../platform/access.js';
import { listPrincipalCodes } from '../code-of-conduct/index.js';
import { listPublicAuthorities } from './repository.js';
import { startCodesView } from './view-model.js';

export const publicPagesRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Cached for visitors until the data changes, like the directory (decision 0016).
  app.get('/', { config: anyone }, async (_request, reply) =>
    reply.renderPublicPage(async () => {
      const [authorities, codes] = await Promise.all([
        listPublicAuthorities(deps.db),
        listPrincipalCodes(deps.db),
      ]);
      return {
        template: 'public-pages/templates/start.njk',
        context: { pageTitle: 'Home', authorities, ...startCodesView(codes) },
      };
    }),
  );

  app.get('/accessibility', { config: anyone }, async (_request, reply) =>
    reply.render('public-pages/templates/accessibility.njk', {
      pageTitle: 'Accessibility statement',
    }),
  );

  app.get('/cookies', { config: anyone }, async (_request, reply) =>
    reply.render('public-pages/templates/cookies.njk', { pageTitle: 'Cookies' }),
  );

  /** For load balancers and monitoring: is the web server up, and can it reach its database? */
  app.get('/health', { config: anyone }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return reply.send({ status: 'ok', database: 'ok' });
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  /** The benchmark's baseline: a static GOV.UK page through the same template engine, no database. */
  app.get('/baseline', { config: anyone }, async (_request, reply) =>
    reply.render('public-pages/templates/baseline.njk', { pageTitle: 'About Probity' }),
  );
};
