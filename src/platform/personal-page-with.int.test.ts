import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, readUntilCached, type TestApp } from '../testing/app.js';
import { loadDemoCouncil } from '../seed/demo.js';
import { recordAudit } from './audit.js';

/**
 * `renderPersonalPageWith`: a route's own render code, kept per person until the data changes
 * (the organisations list stands in for the routes that use it).
 */
let t: TestApp;
let cookie: string;
before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
  ({ cookie } = await t.signInAs(['monitoring-officer']));
});
after(() => t.close());

const url = '/admin/organisations';

test('a page made by ordinary render code is kept, and made again when the data changes', async () => {
  const first = await t.app.inject({ url, headers: { cookie } });
  assert.equal(first.statusCode, 200);
  const kept = await readUntilCached(() => t.app.inject({ url, headers: { cookie } }));
  assert.equal(kept.statusCode, 200);
  assert.equal(kept.body.length > 1000, true);
  assert.doesNotMatch(kept.body, /placeholder/);

  const organisation = await t.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('classification', '=', 'committee')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await t.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organisations')
      .set({ name: 'Renamed Scrutiny Panel' })
      .where('id', '=', organisation.id)
      .execute();
    await recordAudit(trx, {
      actorPersonId: null,
      entity: 'organisation',
      entityId: organisation.id,
      action: 'corrected',
      before: { name: organisation.name },
      after: { name: 'Renamed Scrutiny Panel' },
    });
  });
  const after = await t.app.inject({ url, headers: { cookie } });
  assert.equal(after.headers['x-probity-cache'], 'miss');
  assert.match(after.body, /Renamed Scrutiny Panel/);
});

test('each person has their own copy; a page that is not found is never kept', async () => {
  const other = await t.signInAs(['democratic-services']);
  await t.app.inject({ url, headers: { cookie } });
  const theirs = await t.app.inject({ url, headers: { cookie: other.cookie } });
  assert.equal(theirs.headers['x-probity-cache'], 'miss');
  for (let i = 0; i < 2; i += 1) {
    const missing = await t.app.inject({ url: '/admin/programmes/999999', headers: { cookie } });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['x-probity-cache'], undefined);
  }
  const member = await t.signInAs(['member']);
  const refused = await t.app.inject({ url, headers: { cookie: member.cookie } });
  assert.notEqual(refused.statusCode, 200);
});
