import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../app.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { buildTestApp, getForm, testConfig, type TestApp } from '../testing/app.js';
import { ROLES, isAllowed, type Role } from './access.js';
import { anyone } from './access.js';
import { createSession } from './session.js';

let t: TestApp;
const sessions = new Map<Role | 'anonymous', { cookie: string; csrf: string; personId?: number }>();

before(async () => {
  t = await buildTestApp();
  const anon = await getForm(t.app, '/sign-in');
  sessions.set('anonymous', anon);
  for (const role of ROLES) {
    const { cookie, personId } = await t.signInAs([role]);
    sessions.set(role, { ...(await getForm(t.app, '/account', cookie)), personId });
  }
});
after(() => t.close());

/** Fill route parameters with values that exist nowhere: access is decided before the lookup. */
const concreteUrl = (url: string): string =>
  url.replace(/:id/g, '999999').replace(/:token/g, 'no-such-token');

test('every route declares who may use it, and each rule is enforced for every role', async () => {
  const routes = t.app
    .declaredRoutes()
    .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/assets/'));
  assert.ok(routes.length >= 15, `expected the app's routes, found ${routes.length}`);
  for (const route of routes) {
    assert.ok(route.access, `${route.method} ${route.url} has no access rule`);
    for (const who of ['anonymous', ...ROLES] as const) {
      const session = sessions.get(who)!;
      // A fresh session for every request: the walk also signs out, which ends a session.
      const cookie =
        session.personId === undefined
          ? session.cookie
          : session.cookie.replace(
              /probity_session=[^;]+/,
              `probity_session=${await createSession(t.db, session.personId, { idleMinutes: 30, absoluteHours: 1 })}`,
            );
      const roles = who === 'anonymous' ? null : new Set<Role>([who]);
      const url = concreteUrl(route.url);
      const response =
        route.method === 'GET'
          ? await t.app.inject({ method: 'GET', url, headers: { cookie } })
          : await t.app.inject({
              method: route.method as 'POST',
              url,
              headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
              payload: `_csrf=${encodeURIComponent(session.csrf)}`,
            });
      const where = `${route.method} ${route.url} as ${who}`;
      const toSignIn =
        response.statusCode === 303 &&
        String(response.headers.location).startsWith('/sign-in?returnTo=');
      const denied =
        response.statusCode === 403 && response.body.includes('You do not have permission');
      const signInNeeded =
        response.statusCode === 403 && response.body.includes('You need to sign in');
      if (isAllowed(route.access!, roles)) {
        assert.ok(
          !toSignIn && !denied && !signInNeeded,
          `${where} should be allowed, got ${response.statusCode}`,
        );
        assert.ok(response.statusCode < 500, `${where} answered ${response.statusCode}`);
      } else if (roles === null) {
        assert.ok(
          route.method === 'GET' ? toSignIn : signInNeeded,
          `${where} should ask to sign in, got ${response.statusCode}`,
        );
      } else {
        assert.ok(denied, `${where} should be refused with 403, got ${response.statusCode}`);
      }
    }
  }
});

test('the app refuses to start when a route has no access rule', async () => {
  const database: TestDatabase = await createTestDatabase();
  const app = await buildApp({ config: testConfig(), db: database.db, logger: false });
  try {
    app.get('/undeclared', async () => 'oops');
    app.get('/declared', { config: anyone }, async () => 'fine');
    await assert.rejects(async () => {
      await app.ready();
    }, /Routes with no access rule: GET,HEAD \/undeclared|GET \/undeclared/);
  } finally {
    await app.close().catch(() => undefined);
    await database.drop();
  }
});
