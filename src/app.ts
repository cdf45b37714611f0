import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { securityHeadersPlugin } from './platform/security.js';
import { sessionPlugin } from './platform/session.js';
import { accessPlugin, anyone } from './platform/access.js';
import { viewsPlugin } from './platform/views.js';
import { errorHandlerPlugin } from './platform/error-handler.js';
import { pageCachePlugin } from './platform/page-cache.js';
import { publicDir } from './platform/paths.js';
import { features, type AppDeps } from './features/index.js';

export interface BuildAppOptions {
  config: Config;
  db: Db;
  logger?: FastifyServerOptions['logger'];
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A request's path as the log shows it: no query string, and no secret carried in the path (a
 * set-password link's token, a personal calendar feed's token).
 */
export function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '')
    .replace(/^\/set-password\/[^/]+/, '/set-password/<token>')
    .replace(/^\/calendar\/[^/]+\.ics$/, '/calendar/<token>.ics');
}

/** Pino options: request ids, and nothing personal (no cookies, no query strings, no addresses). */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: loggedPath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** Build the whole application as a Fastify instance that does not listen. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.LOG_LEVEL),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomBytes(8).toString('hex'),
    routerOptions: { ignoreTrailingSlash: true },
  });

  const cookieSecret = config.COOKIE_SECRET ?? randomBytes(32).toString('hex');

  // Third-party wiring first, then the platform's own plugins, then the features.
  await app.register(cookie, { secret: cookieSecret });
  await app.register(formbody);
  await app.register(securityHeadersPlugin);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'probity_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', signed: true },
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  });
  await app.register(sessionPlugin, {
    db,
    settings: {
      idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteHours: config.SESSION_ABSOLUTE_HOURS,
    },
  });
  await app.register(accessPlugin);
  await app.register(viewsPlugin, {
    councilName: config.COUNCIL_NAME,
    watch: config.NODE_ENV === 'development',
  });
  await app.register(errorHandlerPlugin, { development: config.NODE_ENV === 'development' });
  await app.register(pageCachePlugin, { db });

  // Every state-changing request carries the form's CSRF token.
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || request.routeOptions.config.access === undefined) {
      return done();
    }
    app.csrfProtection(request, reply, done);
  });

  await app.register(
    fp(
      async (assets) => {
        // The assets plugin declares its own routes public: stylesheets, scripts and images.
        assets.addHook('onRoute', (route) => {
          route.config = { ...(route.config ?? {}), ...anyone };
        });
        await assets.register(fastifyStatic, {
          root: publicDir,
          prefix: '/assets/',
          maxAge: config.NODE_ENV === 'production' ? '1d' : 0,
          wildcard: false,
        });
      },
      { name: 'probity-assets', encapsulate: true },
    ),
  );

  const deps: AppDeps = { config, db };
  for (const feature of features) {
    await app.register(feature.plugin, { deps });
  }
  return app;
}
