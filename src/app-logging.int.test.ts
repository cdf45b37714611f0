import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, loggerOptions } from './app.js';
import { testConfig } from './testing/app.js';
import { createTestDatabase, type TestDatabase } from './testing/database.js';

/** What the server logs for a request: never a secret carried in its path, nor its query. */
let database: TestDatabase;
let app: FastifyInstance;
const lines: string[] = [];

before(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const options = loggerOptions('info') as Record<string, unknown>;
  app = await buildApp({
    config: testConfig(),
    db: database.db,
    logger: { ...options, stream } as never,
  });
  await app.ready();
});
after(async () => {
  await app.close();
  await database.drop();
});

test('set-password and calendar tokens, and query strings, stay out of the log', async () => {
  await app.inject({ url: '/set-password/s3cret-link-token' });
  await app.inject({ url: '/calendar/s3cret-feed-token.ics' });
  await app.inject({ url: '/councils?q=s3cret-query' });
  const log = lines.join('');
  assert.match(log, /"path":"\/set-password\/<token>"/);
  assert.match(log, /"path":"\/calendar\/<token>\.ics"/);
  assert.match(log, /"path":"\/councils"/);
  assert.doesNotMatch(log, /s3cret/);
});
