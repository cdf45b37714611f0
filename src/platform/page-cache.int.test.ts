import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, readUntilCached, type TestApp } from '../testing/app.js';
import { loadDemoCouncil } from '../seed/demo.js';
import { recordAudit } from './audit.js';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
});
after(() => t.close());

const url = '/councils/demo-city/councillors';
const nonceOf = (csp: unknown) => /'nonce-([0-9a-f]+)'/.exec(String(csp))?.[1];

test('a public page is served from the cache until the data changes, each time with its own nonce', async () => {
  const first = await t.app.inject({ url });
  const second = await readUntilCached(() => t.app.inject({ url }));
  assert.equal(first.statusCode, 200);
  for (const response of [first, second]) {
    const nonce = nonceOf(response.headers['content-security-policy']);
    assert.ok(nonce);
    assert.match(
      response.body,
      new RegExp(`<script nonce="${nonce}">`),
      'the inline script carries this response’s nonce',
    );
  }
  assert.notEqual(
    nonceOf(first.headers['content-security-policy']),
    nonceOf(second.headers['content-security-policy']),
  );

  // A councillor is renamed through Probity (which always writes an audit row): the page changes at once.
  const person = await t.db
    .selectFrom('people')
    .select(['id', 'family_name'])
    .where('kind', '=', 'member')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await t.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('people')
      .set({ family_name: 'Renamedperson' })
      .where('id', '=', person.id)
      .execute();
    await recordAudit(trx, {
      actorPersonId: null,
      entity: 'person',
      entityId: person.id,
      action: 'corrected',
      before: { family_name: person.family_name },
      after: { family_name: 'Renamedperson' },
    });
  });
  const third = await t.app.inject({ url });
  assert.equal(third.headers['x-probity-cache'], 'miss');
  assert.match(third.body, /Renamedperson/);
});

test('each filter is its own page, and unknown councils are never cached as pages', async () => {
  const group = await t.db
    .selectFrom('organisations')
    .select('id')
    .where('classification', '=', 'political-group')
    .executeTakeFirstOrThrow();
  const filtered = await t.app.inject({ url: `${url}?group=${group.id}` });
  const all = await t.app.inject({ url });
  assert.notEqual(filtered.body.length, all.body.length);
  const missing = await t.app.inject({ url: '/councils/nowhere/councillors' });
  const again = await t.app.inject({ url: '/councils/nowhere/councillors' });
  assert.equal(missing.statusCode, 404);
  assert.equal(again.statusCode, 404);
});

test('signed-in people always get a freshly made page', async () => {
  const { cookie } = await t.signInAs(['member']);
  await t.app.inject({ url, headers: { cookie } });
  const response = await t.app.inject({ url, headers: { cookie } });
  assert.equal(response.headers['x-probity-cache'], undefined);
  assert.match(response.body, /Sign out/);
});
