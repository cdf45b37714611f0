import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getForm, postForm } from '../../testing/app.js';
import { committee, organisationsTestApp } from './int-test-support.js';

let s: Awaited<ReturnType<typeof organisationsTestApp>>;
before(async () => {
  s = await organisationsTestApp();
});
after(() => s.t.close());

test('dissolving is refused while members remain, then allowed and listed with its date', async () => {
  const scrutiny = await s.organisation('Overview and Scrutiny Committee');
  const url = `/admin/organisations/${scrutiny.id}/dissolve`;
  const form = await getForm(s.t.app, url, s.admin.cookie);
  const date = { 'dissolvedOn-day': '1', 'dissolvedOn-month': '11', 'dissolvedOn-year': '2026' };
  const refused = await postForm(s.t.app, url, date, form);
  assert.equal(refused.statusCode, 400);
  assert.match(
    refused.body,
    /Overview and Scrutiny Committee has 9 members whose membership continues after that date/,
  );
  assert.match(
    refused.body,
    new RegExp(
      `<a class="govuk-link" href="/admin/people\\?committee=${scrutiny.id}">See the members of Overview and Scrutiny Committee</a>`,
    ),
  );
  assert.match(refused.body, /value="11"/, 'the date typed is kept');
  const future = await postForm(s.t.app, url, { ...date, 'dissolvedOn-year': '2099' }, form);
  assert.match(future.body, /The date it was dissolved must be today or in the past/);

  await s.t.db
    .updateTable('memberships')
    .set({ end_date: '2026-10-31', end_reason: 'Committee wound up' })
    .where('organisation_id', '=', scrutiny.id)
    .execute();
  const ok = await postForm(s.t.app, url, date, form);
  assert.equal(ok.statusCode, 303);
  assert.equal(
    (await s.organisation('Overview and Scrutiny Committee')).dissolved_on,
    '2026-11-01',
  );
  const audit = await s.t.db
    .selectFrom('audit_events')
    .select(['action', 'changes'])
    .where('entity', '=', 'organisation')
    .where('entity_id', '=', String(scrutiny.id))
    .where('action', '=', 'dissolved')
    .executeTakeFirstOrThrow();
  assert.deepEqual(audit.changes, { dissolved_on: { before: null, after: '2026-11-01' } });
  const list = await s.page(`/admin/organisations?authority=${s.city}`);
  const dissolved = list.body.slice(list.body.indexOf('id="dissolved"'));
  assert.match(dissolved, /Overview and Scrutiny Committee/);
  assert.match(dissolved, /1 November 2026/);
  assert.equal((await s.page(url)).statusCode, 404, 'it cannot be dissolved twice');
  const again = await s.add(
    committee('Overview and Scrutiny Committee', {
      committeeType: 'scrutiny',
      trainingRequired: 'no',
    }),
  );
  assert.equal(again.statusCode, 303, 'a dissolved organisation’s name can be used again');
});

test('a group is dissolved through its own list link, and the full council never is', async () => {
  const group = await s.organisation('Neighbourhood Voice');
  const form = await getForm(s.t.app, `/admin/organisations/${group.id}/dissolve`, s.admin.cookie);
  const refused = await postForm(
    s.t.app,
    `/admin/organisations/${group.id}/dissolve`,
    { 'dissolvedOn-day': '2', 'dissolvedOn-month': '11', 'dissolvedOn-year': '2026' },
    form,
  );
  assert.match(refused.body, new RegExp(`href="/admin/people\\?group=${group.id}"`));
  assert.match(refused.body, /has 6 members whose membership continues/);
  const council = await s.t.db
    .selectFrom('organisations')
    .select('id')
    .where('authority_id', '=', s.city)
    .where('classification', '=', 'council')
    .executeTakeFirstOrThrow();
  assert.equal((await s.page(`/admin/organisations/${council.id}/dissolve`)).statusCode, 404);
  const standards = await s.organisation('Audit and Standards Committee');
  await s.t.db
    .updateTable('memberships')
    .set({ end_date: '2026-10-01' })
    .where('organisation_id', '=', standards.id)
    .execute();
  const withSub = await postForm(
    s.t.app,
    `/admin/organisations/${standards.id}/dissolve`,
    { 'dissolvedOn-day': '2', 'dissolvedOn-month': '11', 'dissolvedOn-year': '2026' },
    form,
  );
  assert.equal(withSub.statusCode, 400);
  assert.match(withSub.body, /Dissolve its sub-committees first: /);
});
