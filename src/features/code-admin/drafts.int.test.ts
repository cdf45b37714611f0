import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { listItems } from '../code-of-conduct/index.js';
import { startBlankDraft } from './draft-service.js';
import { codeAdminTestApp, errorSummary, type CodeAdminTest } from './int-test-support.js';

let s: CodeAdminTest;
before(async () => {
  s = await codeAdminTestApp();
});
after(() => s.t.close());

test('the list shows each principal council followed by its parishes, with their versions', async () => {
  const v = await s.makeVersion(s.principal.id, 'in-force');
  const response = await s.page('/admin/code');
  assert.equal(response.statusCode, 200);
  const body = response.body;
  const principalAt = body.indexOf(`href="/admin/code/${s.principal.slug}"`);
  const parishAt = body.indexOf(`href="/admin/code/${s.parish.slug}"`);
  assert.ok(principalAt > 0 && parishAt > principalAt, 'the parish follows its principal council');
  assert.match(body, new RegExp(`href="/admin/code/versions/${v.id}">Version ${v.number}</a>`));
  assert.match(body, /govuk-tag--green">In force</);
  assert.match(body, /1 May 2024/);
  assert.match(body, /No code recorded yet/, 'the parish has none');
});

test('a blank draft needs a title, then takes the next number and opens its page', async () => {
  const url = `/admin/code/${s.principal.slug}`;
  const council = await s.page(url);
  assert.equal(council.statusCode, 200);
  assert.match(council.body, new RegExp(`href="${url}/import"`), 'links to the import page');

  const refused = await s.submit(url, { title: '  ' }, `${url}/drafts`);
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(errorSummary(refused.body), ['Enter a title for the draft']);
  assert.match(refused.body, /href="#title"/);

  const made = await s.submit(url, { title: 'Members’ Code 2027' }, `${url}/drafts`);
  assert.equal(made.statusCode, 303);
  const id = Number(/\/admin\/code\/versions\/(\d+)$/.exec(made.headers.location as string)?.[1]);
  const draft = await s.version(id);
  assert.equal(draft.status, 'draft');
  assert.equal(draft.title, 'Members’ Code 2027');
  assert.equal(draft.gifts_threshold_pence, 5000, 'the model code’s settings');
  assert.equal((await listItems(s.t.db, id)).length, 0);
  const audit = await s.audits('code_version', id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['created'],
  );
  const page = await s.page(`/admin/code/versions/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Version \d+: Members’ Code 2027/);
  assert.match(page.body, /Insert an item at the start/);
});

test('drafts started at the same moment get different numbers', async () => {
  const actor = { actorPersonId: s.admin.personId, requestId: 'test' };
  const results = await Promise.all(
    [1, 2, 3, 4].map((n) => startBlankDraft(s.t.db, s.parish.id, `Draft ${n}`, actor)),
  );
  const numbers = results.map((r) => (r.ok ? r.value.number : 0)).sort();
  assert.equal(new Set(numbers).size, 4, `numbers: ${numbers.join(', ')}`);
  assert.ok(numbers.every((n) => n > 0));
});

test('copying a version keeps its items, their lineage and its settings, and records its source', async () => {
  const source = await s.makeVersion(s.principal.id, 'superseded', undefined, {
    gifts_threshold_pence: 1000,
    gifts_registration_days: 14,
    training_required: false,
  });
  const url = `/admin/code/${s.principal.slug}`;
  const council = await s.page(url);
  assert.match(council.body, new RegExp(`Copy version ${source.number} to a new draft`));
  const copied = await s.submit(url, { versionId: String(source.id) }, `${url}/copies`);
  assert.equal(copied.statusCode, 303);
  const id = Number(/(\d+)$/.exec(copied.headers.location as string)?.[1]);
  const copy = await s.version(id);
  assert.equal(copy.status, 'draft');
  assert.equal(copy.based_on_version_id, source.id);
  assert.equal(copy.gifts_threshold_pence, 1000);
  assert.equal(copy.gifts_registration_days, 14);
  assert.equal(copy.training_required, false);
  assert.deepEqual(await s.outline(id), await s.outline(source.id));
  const lineages = async (v: number) => (await listItems(s.t.db, v)).map((i) => i.lineage);
  assert.deepEqual(await lineages(id), await lineages(source.id));
  const page = await s.page(`/admin/code/versions/${id}`);
  assert.match(page.body, new RegExp(`Version ${source.number}</a>`), 'says what it is based on');

  const other = await s.makeVersion(s.parish.id, 'draft');
  const foreign = await s.submit(url, { versionId: String(other.id) }, `${url}/copies`);
  assert.equal(foreign.statusCode, 404, 'another council’s version cannot be copied here');
});

test('a parish copies the code its principal council has in force', async () => {
  const url = `/admin/code/${s.parish.slug}`;
  const none = await s.page(url);
  const principalInForce = await s.t.db
    .selectFrom('code_versions')
    .select(['id', 'number'])
    .where('authority_id', '=', s.principal.id)
    .where('status', '=', 'in-force')
    .executeTakeFirstOrThrow();
  assert.match(
    none.body,
    new RegExp(`version ${principalInForce.number} of ${s.principal.name}’s code`),
  );
  const copied = await s.submit(url, {}, `${url}/principal-copy`);
  assert.equal(copied.statusCode, 303);
  const id = Number(/(\d+)$/.exec(copied.headers.location as string)?.[1]);
  const copy = await s.version(id);
  assert.equal(copy.authority_id, s.parish.id);
  assert.equal(copy.status, 'draft');
  assert.equal(copy.based_on_version_id, principalInForce.id);
  assert.deepEqual(await s.outline(id), await s.outline(principalInForce.id));
  assert.match(copy.change_summary ?? '', new RegExp(`Copied from ${s.principal.name}`));

  const principalUrl = `/admin/code/${s.principal.slug}`;
  const notParish = await s.submit(principalUrl, {}, `${principalUrl}/principal-copy`);
  assert.equal(notParish.statusCode, 400);
  assert.deepEqual(errorSummary(notParish.body), [
    'Only a parish or town council can copy its principal council’s code',
  ]);
});

test('unknown councils and versions are pages that do not exist', async () => {
  for (const url of [
    '/admin/code/no-such-council',
    '/admin/code/Not_A_Slug',
    '/admin/code/versions/999999',
    '/admin/code/versions/abc',
    '/admin/code/versions/999999/preview',
    '/admin/code/versions/999999/settings',
    '/admin/code/versions/999999/adopt',
  ]) {
    assert.equal((await s.page(url)).statusCode, 404, url);
  }
});
