import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getForm, mergeCookies, postForm, readUntilCached } from '../../testing/app.js';
import { createSession, SESSION_COOKIE } from '../../platform/session.js';
import { reportsTestApp, type ReportsTest } from './int-test-support.js';

/**
 * The report page and its readiness check are kept per person until the data changes
 * (`renderPersonalPage`, decision 0022). Nothing a user would notice may change: forms on a
 * kept page work, changes show at once, and access is checked for each person.
 */
let s: ReportsTest;
let id: number;
before(async () => {
  s = await reportsTestApp();
  id = await s.createReport();
});
after(() => s.t.close());

const readUntilKept = (url: string) => readUntilCached(() => s.page(url), url);

const nonceOf = (response: { headers: Record<string, unknown> }) =>
  /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1];

test('a report page read twice is made once, with a fresh nonce and working forms each time', async () => {
  const url = `/admin/reports/${id}`;
  const first = await s.page(url);
  assert.equal(first.statusCode, 200);
  const second = await readUntilKept(url);
  assert.equal(second.statusCode, 200);
  const nonce = nonceOf(second);
  assert.ok(nonce);
  assert.notEqual(nonce, nonceOf(first));
  assert.match(second.body, new RegExp(`<script nonce="${nonce}">`));
  assert.doesNotMatch(second.body, /placeholder/);

  // A form sent from the kept page is accepted, and the change shows on the next read.
  const form = await getForm(s.t.app, url, s.admin.cookie);
  const added = await postForm(
    s.t.app,
    `/admin/reports/${id}/body`,
    { after: 'start', kind: 'section', text: 'Kept pages stay current' },
    form,
  );
  assert.equal(added.statusCode, 303);
  const after = await s.t.app.inject({
    url,
    headers: { cookie: mergeCookies(form.cookie, added) },
  });
  assert.notEqual(after.headers['x-probity-cache'], 'hit');
  assert.match(after.body, /KEPT PAGES STAY CURRENT/);
  assert.match(after.body, /Item inserted/, 'the one-time banner shows');
});

test("another council's administrator gets a 404 for a page kept for someone else", async () => {
  const url = `/admin/reports/${id}`;
  await readUntilKept(url);
  const other = await s.t.db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'other-borough')
    .executeTakeFirstOrThrow();
  const person = await s.t.db
    .insertInto('people')
    .values({ authority_id: other.id, given_name: 'Olive', family_name: 'Other', kind: 'officer' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await s.t.db
    .insertInto('person_roles')
    .values({ person_id: person.id, role: 'monitoring-officer', organisation_id: null })
    .execute();
  const token = await createSession(s.t.db, person.id, { idleMinutes: 30, absoluteHours: 12 });
  const cookie = `${SESSION_COOKIE}=${token}`;
  for (const page of [url, `${url}/readiness`]) {
    const response = await s.t.app.inject({ url: page, headers: { cookie } });
    assert.equal(response.statusCode, 404, page);
  }
});

test('the readiness check is kept too, and made again when the report changes', async () => {
  const url = `/admin/reports/${id}/readiness`;
  const first = await s.page(url);
  assert.equal(first.statusCode, 200);
  await readUntilKept(url);
  const form = await getForm(s.t.app, `/admin/reports/${id}/edit`, s.admin.cookie);
  const changed = await postForm(
    s.t.app,
    `/admin/reports/${id}/edit`,
    s.validFields({ title: 'A title changed while the check was kept' }),
    form,
  );
  assert.equal(changed.statusCode, 303);
  const again = await s.page(url);
  assert.notEqual(again.headers['x-probity-cache'], 'hit');
  assert.match(again.body, /A title changed while the check was kept/);
});

test('the edit form, withdraw page, print page and Word file are kept, and a kept form still works', async () => {
  for (const url of [
    `/admin/reports/${id}/edit`,
    `/admin/reports/${id}/withdraw`,
    `/admin/reports/${id}/print`,
  ]) {
    assert.equal((await s.page(url)).statusCode, 200, url);
    const kept = await readUntilKept(url);
    assert.equal(kept.statusCode, 200, url);
    assert.doesNotMatch(kept.body, /placeholder/, url);
  }
  const word = `/admin/reports/${id}/word`;
  const firstWord = await s.page(word);
  assert.equal(firstWord.statusCode, 200);
  const keptWord = await readUntilKept(word);
  assert.equal(keptWord.headers['content-type'], firstWord.headers['content-type']);
  assert.equal(keptWord.headers['content-disposition'], firstWord.headers['content-disposition']);
  assert.equal(keptWord.rawPayload.length, firstWord.rawPayload.length);

  // The edit form read from the cache carries a token of its own that is accepted.
  const form = await getForm(s.t.app, `/admin/reports/${id}/edit`, s.admin.cookie);
  const changed = await postForm(
    s.t.app,
    `/admin/reports/${id}/edit`,
    s.validFields({ title: 'A title changed from a kept form' }),
    form,
  );
  assert.equal(changed.statusCode, 303);
  const again = await s.page(`/admin/reports/${id}/edit`);
  assert.notEqual(again.headers['x-probity-cache'], 'hit');
  assert.match(again.body, /A title changed from a kept form/);
});
