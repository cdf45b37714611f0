import fp from 'fastify-plugin';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from './errors.js';

export const ROLES = [
  'monitoring-officer',
  'democratic-services',
  'member',
  'group-whip',
  'facilitator',
  'officer',
  'independent-person',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'monitoring-officer': 'Monitoring Officer',
  'democratic-services': 'Democratic Services',
  member: 'Councillor',
  'group-whip': 'Group whip',
  facilitator: 'Facilitator',
  officer: 'Officer',
  'independent-person': 'Independent Person',
};

/** Who may use a route. Every route must declare one; the app will not start otherwise. */
export type AccessRule =
  { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}

/** Route config: anyone, signed in or not. */
export const anyone = { access: { kind: 'public' } } as const satisfies { access: AccessRule };
/** Route config: any signed-in person, whatever their roles. */
export const signedIn = { access: { kind: 'signed-in' } } as const satisfies { access: AccessRule };
/** Route config: signed-in people holding at least one of these roles. */
export function allow(...roles: Role[]): { access: AccessRule } {
  return { access: { kind: 'roles', roles } };
}
/** The administrators: the Monitoring Officer and Democratic Services. */
export const administrators = allow('monitoring-officer', 'democratic-services');

export interface DeclaredRoute {
  method: string;
  url: string;
  access: AccessRule | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: () => DeclaredRoute[];
  }
}

export function isAllowed(rule: AccessRule, roles: ReadonlySet<Role> | null): boolean {
  if (rule.kind === 'public') return true;
  if (roles === null) return false;
  if (rule.kind === 'signed-in') return true;
  return rule.roles.some((role) => roles.has(role));
}

/**
 * Records every route's access rule, refuses to start when one has none, and enforces
 * the rule on every request. Needs the session plugin (request.user) registered first.
 */
export const accessPlugin = fp(
  async (app: FastifyInstance) => {
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    app.decorate('declaredRoutes', () =>
      routes.flatMap((route) =>
        [route.method]
          .flat()
          .map((method) => ({ method, url: route.url, access: route.config?.access })),
      ),
    );
    app.addHook('onReady', async () => {
      const undeclared = routes.filter((route) => route.config?.access === undefined);
      if (undeclared.length > 0) {
        const names = undeclared.map((r) => `${[r.method].flat().join(',')} ${r.url}`);
        throw new Error(`Routes with no access rule: ${names.join('; ')}`);
      }
    });
    app.addHook('onRequest', async (request, reply) => {
      const rule = request.routeOptions.config.access;
      if (rule === undefined) return; // no route matched: the 404 handler answers
      const roles = request.user?.roles ?? null;
      if (isAllowed(rule, roles)) return;
      if (roles === null) {
        if (request.method === 'GET' || request.method === 'HEAD') {
          const returnTo = encodeURIComponent(request.url);
          return reply.redirect(`/sign-in?returnTo=${returnTo}`, 303);
        }
        throw new AppError('forbidden', 'You need to sign in to do that');
      }
      throw new AppError('forbidden', 'You do not have permission to see this page');
    });
  },
  { name: 'probity-access', dependencies: ['probity-session'] },
);
