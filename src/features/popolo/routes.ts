import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { anyone } from '../../platform/access.js';
import { ifNoneMatchMatches } from './http-cache.js';
import { createPopoloPublisher, type PopoloFile } from './service.js';

/** How long browsers and proxies may reuse a file before asking again (seconds). */
const MAX_AGE = 300;

function sendPopoloFile(request: FastifyRequest, reply: FastifyReply, file: PopoloFile) {
  reply
    .header('cache-control', `public, max-age=${MAX_AGE}`)
    .header('etag', file.etag)
    // Open data, the same for everyone and needing no cookies: any website may fetch it.
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin');
  if (ifNoneMatchMatches(request.headers['if-none-match'], file.etag)) {
    return reply.code(304).send();
  }
  return reply.type('application/json; charset=utf-8').send(file.body);
}

/** The Popolo open-data files: every council in one, and one per council. See docs/open-data.md. */
export const popoloRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const publisher = createPopoloPublisher(deps.db);

  app.get('/api/popolo.json', { config: anyone }, async (request, reply) =>
    sendPopoloFile(request, reply, await publisher.popoloFile(null)),
  );

  app.get<{ Params: { slug: string } }>(
    '/api/popolo/:slug.json',
    { config: anyone },
    async (request, reply) =>
      sendPopoloFile(request, reply, await publisher.popoloFile(request.params.slug)),
  );
};
