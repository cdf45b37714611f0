import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { testConfig } from '../testing/app.js';
import { anyone } from './access.js';

let database: TestDatabase;
const apps: FastifyInstance[] = [];

async function appFor(nodeEnv: 'production' | 'development'): Promise<FastifyInstance> {
  const app = await buildApp({
    config: testConfig({ NODE_ENV: nodeEnv }),
    db: database.db,
    logger: false,
  });
  app.get('/explode', { config: anyone }, async () => {
    throw new Error('select secret_column from hidden_table failed');
  });
  await app.ready();
  apps.push(app);
  return app;
}

before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  for (const app of apps) await app.close();
  await database.drop();
});

test('a server error shows a plain page with no stack trace or SQL in production', async () => {
  const app = await appFor('production');
  const response = await app.inject({ url: '/explode' });
  assert.equal(response.statusCode, 500);
  assert.match(response.body, /Sorry, there is a problem with the service/);
  assert.doesNotMatch(response.body, /secret_column|hidden_table|at .*\.js:\d+/);
  const json = await app.inject({ url: '/explode', headers: { accept: 'application/json' } });
  assert.equal(json.statusCode, 500);
  assert.deepEqual(JSON.parse(json.body), {
    error: { code: 'internal', message: 'Sorry, there is a problem with the service' },
  });
});

test('in development the error page shows the detail, to help fix it', async () => {
  const app = await appFor('development');
  const response = await app.inject({ url: '/explode' });
  assert.equal(response.statusCode, 500);
  assert.match(response.body, /hidden_table/);
});

test('unknown pages answer 404 with a page, and malformed form bodies answer 400', async () => {
  const app = await appFor('production');
  const missing = await app.inject({ url: '/no/such/page' });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /Page not found/);
  const huge = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'email=' + 'a'.repeat(2 * 1024 * 1024),
  });
  assert.equal(huge.statusCode, 413);
  assert.match(huge.body, /What you sent is too large/);
  const wrongType = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { 'content-type': 'application/x-unknown' },
    payload: 'x',
  });
  assert.equal(wrongType.statusCode, 415);
});

test('every page carries a strict Content-Security-Policy and no-framing headers', async () => {
  const app = await appFor('production');
  const response = await app.inject({ url: '/' });
  const csp = String(response.headers['content-security-policy']);
  assert.match(csp, /script-src 'self' 'nonce-[0-9a-f]+'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /frame-ancestors 'none'/);
  const nonce = /'nonce-([0-9a-f]+)'/.exec(csp)?.[1];
  assert.match(
    response.body,
    new RegExp(`<script nonce="${nonce}">`),
    'the only inline script carries the nonce',
  );
  assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  assert.equal(response.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
});

test('HSTS is sent when the request came over TLS through a trusted proxy', async () => {
  const app = await buildApp({
    config: testConfig({ TRUST_PROXY: 'true' }),
    db: database.db,
    logger: false,
  });
  apps.push(app);
  await app.ready();
  const response = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
  assert.match(String(response.headers['strict-transport-security']), /max-age=31536000/);
});
