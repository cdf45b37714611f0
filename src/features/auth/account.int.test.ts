import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import { createSession, SESSION_COOKIE } from '../../platform/session.js';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
});
after(() => t.close());

async function cookieFor(email: string) {
  const person = await t.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return `${SESSION_COOKIE}=${await createSession(t.db, person.id, { idleMinutes: 30, absoluteHours: 1 })}`;
}

test("a councillor's own page shows their council, ward, group and committees", async () => {
  const response = await t.app.inject({
    url: '/account',
    headers: { cookie: await cookieFor('councillor@demo-city.example') },
  });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Your roles in the council/);
  assert.match(response.body, /Member of[\s\S]*Demo City Council, since/);
  assert.match(response.body, /Representing[\s\S]* ward/);
  assert.match(response.body, /Political group/);
  assert.match(response.body, /Your committees[\s\S]*Planning Committee/);
});

test('a whip sees that they are whip; an officer sees no council roles', async () => {
  const whip = await t.app.inject({
    url: '/account',
    headers: { cookie: await cookieFor('whip@demo-city.example') },
  });
  assert.match(whip.body, /Political group[\s\S]*\(whip\)/);
  const officer = await t.app.inject({
    url: '/account',
    headers: { cookie: await cookieFor('officer@demo-city.example') },
  });
  assert.doesNotMatch(officer.body, /Your roles in the council/);
});
