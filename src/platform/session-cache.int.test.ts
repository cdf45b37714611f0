import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, createGroup, type TestApp } from '../testing/app.js';
import { createDatabase, type DatabaseHandle } from '../db/database.js';

/**
 * A signed-in person is kept in memory between requests (decision 0022). These tests show
 * that nothing a user would notice is lost: a change of roles or groups, and a session ended
 * anywhere, apply to the very next request (from another process, as soon as PostgreSQL's
 * notice arrives).
 */
let t: TestApp;
let other: DatabaseHandle;

before(async () => {
  t = await buildTestApp();
  other = createDatabase(t.url, { max: 2 });
});
after(async () => {
  await other.close();
  await t.close();
});

const get = (url: string, cookie: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie } });

test('a role taken away applies to the next request of a signed-in person', async () => {
  const { cookie, personId } = await t.signInAs(['monitoring-officer']);
  assert.equal((await get('/audit', cookie)).statusCode, 200);
  assert.equal((await get('/audit', cookie)).statusCode, 200, 'served from the cached session');
  await t.db.deleteFrom('person_roles').where('person_id', '=', personId).execute();
  const response = await get('/audit', cookie);
  assert.notEqual(response.statusCode, 200);
  assert.match(response.body, /You do not have permission to see this page/);
});

test('becoming whip of another group applies to the next request', async () => {
  const { cookie, personId } = await t.signInAs(['group-whip']);
  const first = await get('/dashboard', cookie);
  assert.equal(first.statusCode, 200);
  const group = await createGroup(t.db, 'Newly Whipped Group');
  await t.db
    .insertInto('memberships')
    .values({ person_id: personId, organisation_id: group, role: 'whip', start_date: '2024-05-01' })
    .execute();
  const second = await get('/dashboard', cookie);
  assert.match(second.body, /Newly Whipped Group/);
});

test('a session ended by another process signs the person out', async () => {
  const { cookie, personId } = await t.signInAs(['officer']);
  assert.equal((await get('/dashboard', cookie)).statusCode, 200);
  await other.db.deleteFrom('sessions').where('person_id', '=', personId).execute();
  const deadline = Date.now() + 5_000;
  let response = await get('/dashboard', cookie);
  while (response.statusCode === 200 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    response = await get('/dashboard', cookie);
  }
  assert.equal(response.statusCode, 303);
  assert.match(String(response.headers.location), /^\/sign-in/);
});
