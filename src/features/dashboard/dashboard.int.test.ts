import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
});
after(() => t.close());

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('administrators are warned when fewer than two Independent Persons are in post, or a term ends soon', async () => {
  const mo = await t.signInAs(['monitoring-officer']);
  const calm = await t.app.inject({ url: '/dashboard', headers: { cookie: mo.cookie } });
  // The test's own council (made for the signed-in officer) has none: that is warned about.
  assert.match(calm.body, /Test Council has no Independent Person in post/);
  assert.doesNotMatch(
    calm.body,
    /Demo City Council has (no|only one) Independent Person|appointment as Independent Person for Demo City Council/,
  );

  const [first, second] = await t.db
    .selectFrom('independent_person_appointments')
    .select('id')
    .orderBy('id')
    .execute();
  await t.db
    .updateTable('independent_person_appointments')
    .set({ end_date: isoIn(40) })
    .where('id', '=', first!.id)
    .execute();
  const soon = await t.app.inject({ url: '/dashboard', headers: { cookie: mo.cookie } });
  assert.match(soon.body, /appointment as Independent Person for Demo City Council ends on/);

  await t.db
    .updateTable('independent_person_appointments')
    .set({ end_date: isoIn(-1), start_date: '2020-01-01' })
    .where('id', '=', second!.id)
    .execute();
  const one = await t.app.inject({ url: '/dashboard', headers: { cookie: mo.cookie } });
  assert.match(one.body, /Demo City Council has only one Independent Person in post/);

  const councillor = await t.signInAs(['member']);
  const theirs = await t.app.inject({ url: '/dashboard', headers: { cookie: councillor.cookie } });
  assert.doesNotMatch(theirs.body, /Independent Person in post/, 'only administrators see it');
});

test('a whip sees only their own group on the dashboard', async () => {
  const whipAccount = await t.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'whip@demo-city.example')
    .executeTakeFirstOrThrow();
  const { createSession } = await import('../../platform/session.js');
  const token = await createSession(t.db, whipAccount.id, { idleMinutes: 30, absoluteHours: 1 });
  const page = await t.app.inject({
    url: '/dashboard',
    headers: { cookie: `probity_session=${token}` },
  });
  assert.equal(page.statusCode, 200);
  const groups = [...page.body.matchAll(/<caption[^>]*>\s*([^:<]+): (\d+) members/g)];
  assert.equal(groups.length, 1, 'exactly one group table');
  const group = await t.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.name', '=', groups[0]![1]!.trim())
    .where('m.end_date', 'is', null)
    .groupBy('o.name')
    .executeTakeFirstOrThrow();
  assert.equal(Number(groups[0]![2]), Number(group.n));
});
