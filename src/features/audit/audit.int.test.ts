import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { recordAudit } from '../../platform/audit.js';

let t: TestApp;
let mo: { cookie: string; personId: number };

before(async () => {
  t = await buildTestApp();
  mo = await t.signInAs(['monitoring-officer']);
  await recordAudit(t.db, {
    actorPersonId: mo.personId,
    entity: 'code-version',
    entityId: 7,
    action: 'updated',
    before: { gifts_threshold: 50 },
    after: { gifts_threshold: 10 },
  });
  await recordAudit(t.db, {
    actorPersonId: null,
    entity: 'demo-council',
    entityId: 'x',
    action: 'seeded',
  });
});
after(() => t.close());

test('audit rows cannot be changed or removed, even with direct SQL', async () => {
  await assert.rejects(
    sql`update audit_events set action = 'tampered'`.execute(t.db),
    /append-only/,
  );
  await assert.rejects(sql`delete from audit_events`.execute(t.db), /append-only/);
  await assert.rejects(sql`truncate audit_events`.execute(t.db), /append-only/);
  const rows = await t.db.selectFrom('audit_events').select('action').execute();
  assert.ok(rows.length >= 2 && rows.every((r) => r.action !== 'tampered'));
});

test('the Monitoring Officer sees who changed what, with before and after values', async () => {
  const response = await t.app.inject({ url: '/audit', headers: { cookie: mo.cookie } });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /code-version 7/);
  assert.match(response.body, /<strong>gifts_threshold<\/strong>: 50 → 10/);
  assert.match(response.body, /System/);
});

test('filters narrow the trail by record kind, person and date', async () => {
  const byEntity = await t.app.inject({
    url: '/audit?entity=demo-council',
    headers: { cookie: mo.cookie },
  });
  assert.match(byEntity.body, /demo-council x/);
  assert.doesNotMatch(byEntity.body, /code-version 7/);

  const byPerson = await t.app.inject({
    url: '/audit?person=Test',
    headers: { cookie: mo.cookie },
  });
  assert.match(byPerson.body, /code-version 7/);
  assert.doesNotMatch(byPerson.body, /demo-council x/);

  const future = await t.app.inject({
    url: '/audit?from-day=1&from-month=1&from-year=2099',
    headers: { cookie: mo.cookie },
  });
  assert.match(future.body, /No changes match these filters/);
});

test('an impossible date gets an error summary, not a crash', async () => {
  const response = await t.app.inject({
    url: '/audit?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026',
    headers: { cookie: mo.cookie },
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /govuk-error-summary/);
  assert.match(response.body, /The start date must be a real date/);
});

test('the trail pages through older changes', async () => {
  for (let i = 0; i < 60; i += 1) {
    await recordAudit(t.db, {
      actorPersonId: mo.personId,
      entity: 'bulk',
      entityId: i,
      action: 'touched',
    });
  }
  const first = await t.app.inject({ url: '/audit?entity=bulk', headers: { cookie: mo.cookie } });
  assert.match(first.body, /bulk 59/);
  assert.doesNotMatch(first.body, /bulk 5<\/td>/);
  const older = /href="(\/audit\?[^"]*before=\d+[^"]*)"/
    .exec(first.body)?.[1]
    ?.replace(/&amp;/g, '&');
  assert.ok(older, 'a link to older changes');
  const second = await t.app.inject({ url: older, headers: { cookie: mo.cookie } });
  assert.match(second.body, /bulk 5<\/td>/);
  assert.doesNotMatch(second.body, /bulk 59/);
});

test('officers other than the Monitoring Officer cannot read the trail', async () => {
  const ds = await t.signInAs(['democratic-services']);
  const response = await t.app.inject({ url: '/audit', headers: { cookie: ds.cookie } });
  assert.equal(response.statusCode, 403);
});
