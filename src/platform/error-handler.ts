import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

function wantsJson(request: FastifyRequest): boolean {
  return (
    request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json')
  );
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  template: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  if (wantsJson(request)) return reply.code(status).send({ error: { code, message } });
  return reply.render(template, { message, ...extra }, status);
}

/** One place that turns errors into pages (or JSON for the API): never a stack outside development. */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance, options: { development: boolean }) => {
    app.setNotFoundHandler((request, reply) =>
      sendError(request, reply, 404, 'not-found', 'Page not found', 'errors/404.njk'),
    );
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        if (error.code === 'not-found') {
          return sendError(request, reply, 404, error.code, error.userMessage, 'errors/404.njk');
        }
        if (error.statusCode === 403) {
          return sendError(request, reply, 403, error.code, error.userMessage, 'errors/403.njk');
        }
        return sendError(
          request,
          reply,
          error.statusCode,
          error.code,
          error.userMessage,
          'errors/400.njk',
        );
      }
      if (error.code?.startsWith('FST_CSRF')) {
        return sendError(
          request,
          reply,
          403,
          'csrf',
          'This form has expired or was not sent from Probity',
          'errors/csrf.njk',
        );
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Framework-level bad input: a body too large, malformed form encoding, a bad content type.
        const message =
          status === 413 ? 'What you sent is too large' : 'Probity could not read what you sent';
        return sendError(request, reply, status, 'bad-request', message, 'errors/400.njk');
      }
      request.log.error({ err: error }, 'request failed');
      return sendError(
        request,
        reply,
        500,
        'internal',
        'Sorry, there is a problem with the service',
        'errors/500.njk',
        options.development ? { detail: error.stack ?? error.message } : {},
      );
    });
  },
  { name: 'probity-error-handler', dependencies: ['probity-views'] },
);
