import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, mergeCookies, postForm, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import { todayInEngland } from '../../db/current.js';
import { listSigners } from '../code-of-conduct/index.js';
import { codeInForce, personByEmail } from './test-support.js';

let t: TestApp;
let city: { id: number; number: number };
let admin: { cookie: string; personId: number };
let signer: { personId: number; givenName: string; familyName: string };
const today = todayInEngland();

before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
  city = await codeInForce(t.db, 'demo-city', { inForceFrom: '2026-06-01' });
  admin = await t.signInAs(['democratic-services']);
  const authority = await t.db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'demo-city')
    .executeTakeFirstOrThrow();
  signer = (await listSigners(t.db, authority.id, today, false))[3]!;
});
after(() => t.close());

const page = (url: string, cookie = admin.cookie) => t.app.inject({ url, headers: { cookie } });
const date = (day: string, month: string, year: string) => ({
  'signedOn-day': day,
  'signedOn-month': month,
  'signedOn-year': year,
});

async function submit(fields: Record<string, string>) {
  const form = await getForm(t.app, `/sign-offs/paper?version=${city.id}`, admin.cookie);
  return postForm(t.app, '/sign-offs/paper', { versionId: String(city.id), ...fields }, form);
}

test('the form lists those still to sign the code in force, and preselects one from the list', async () => {
  const form = await page('/sign-offs/paper');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<h1 class="govuk-heading-l">Record a sign-off made on paper<\/h1>/);
  assert.match(form.body, new RegExp(`name="versionId" value="${city.id}"`));
  assert.match(
    form.body,
    new RegExp(`<option value="${signer.personId}">${signer.familyName}, ${signer.givenName}`),
  );
  assert.match(form.body, /id="signedOn-day"/);
  const preselected = await page(`/sign-offs/paper?version=${city.id}&person=${signer.personId}`);
  assert.match(preselected.body, new RegExp(`<option value="${signer.personId}" selected>`));
  const elderby = await page('/sign-offs/paper?authority=elderby-on-wend');
  assert.match(elderby.body, /Elderby-on-Wend Parish Council has no code of conduct in force/);
  assert.doesNotMatch(elderby.body, /name="versionId"/);
  assert.equal((await page('/sign-offs/paper?version=999999')).statusCode, 404);
  assert.equal((await page('/sign-offs/paper?authority=nowhere')).statusCode, 404);
  const whip = await t.signInAs(['group-whip']);
  assert.equal((await page('/sign-offs/paper', whip.cookie)).statusCode, 403);
});

test('the form refuses a missing person or date, a future date, a date before the code, and someone who need not sign', async () => {
  const empty = await submit({});
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#personId">Choose the person who signed on paper/);
  assert.match(empty.body, /href="#signedOn-day">Enter the date it was signed/);

  const person = { personId: String(signer.personId) };
  const future = await submit({ ...person, ...date('1', '1', '2099') });
  assert.equal(future.statusCode, 400);
  assert.match(
    future.body,
    /href="#signedOn-day">The date it was signed must be today or in the past/,
  );
  assert.match(future.body, /value="2099"/, 'the date typed is kept');
  assert.match(future.body, new RegExp(`<option value="${signer.personId}" selected>`));

  const early = await submit({ ...person, ...date('31', '5', '2026') });
  assert.equal(early.statusCode, 400);
  assert.match(
    early.body,
    /The date it was signed must be on or after 1 June 2026, when this code came into force/,
  );
  const unreal = await submit({ ...person, ...date('31', '2', '2026') });
  assert.match(unreal.body, /The date it was signed must be a real date/);

  const officer = await personByEmail(t.db, 'officer@demo-city.example');
  const notASigner = await submit({ personId: String(officer), ...date('2', '6', '2026') });
  assert.equal(notASigner.statusCode, 400);
  assert.match(
    notASigner.body,
    /href="#personId">Choose someone who must sign this code and has not signed it yet/,
  );
  const superseded = await submit({ versionId: '999999', ...person, ...date('2', '6', '2026') });
  assert.equal(superseded.statusCode, 404);
  assert.equal(
    (
      await t.db
        .selectFrom('code_sign_offs')
        .select('id')
        .where('version_id', '=', city.id)
        .execute()
    ).length,
    0,
  );
});

test('a paper sign-off is recorded with its date and the officer, audited, and only once', async () => {
  const before = await page('/sign-offs?authority=demo-city');
  assert.match(before.body, />0 of \d+ signed/);
  const form = await getForm(t.app, `/sign-offs/paper?version=${city.id}`, admin.cookie);
  const fields = {
    versionId: String(city.id),
    personId: String(signer.personId),
    ...date('2', '6', '2026'),
  };
  const done = await postForm(t.app, '/sign-offs/paper', fields, form);
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/sign-offs?authority=demo-city');
  const list = await page('/sign-offs?authority=demo-city', mergeCookies(form.cookie, done));
  assert.match(
    list.body,
    new RegExp(
      `${signer.givenName} ${signer.familyName} signed Demo City Council’s code of conduct \\(version ${city.number}\\) on paper on 2 June 2026`,
    ),
  );
  assert.match(list.body, />1 of \d+ signed/, 'the list is made again once something changes');
  const row = await t.db
    .selectFrom('code_sign_offs')
    .selectAll()
    .where('version_id', '=', city.id)
    .where('person_id', '=', signer.personId)
    .executeTakeFirstOrThrow();
  assert.equal(row.signed_on, '2026-06-02');
  assert.equal(row.method, 'paper');
  assert.equal(row.recorded_by, admin.personId);
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'actor_person_id', 'changes'])
    .where('entity', '=', 'code_sign_off')
    .where('entity_id', '=', String(row.id))
    .executeTakeFirstOrThrow();
  assert.equal(audit.action, 'recorded-paper');
  assert.equal(audit.actor_person_id, admin.personId);
  assert.deepEqual(audit.changes.person_id, { after: signer.personId });

  const again = await postForm(t.app, '/sign-offs/paper', fields, form);
  assert.equal(again.statusCode, 400, 'they have signed: no longer in the list');
  const after = await page(`/sign-offs/paper?version=${city.id}`);
  assert.doesNotMatch(after.body, new RegExp(`<option value="${signer.personId}"`));
});
