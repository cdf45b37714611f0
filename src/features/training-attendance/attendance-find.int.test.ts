import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { confirmedSession } from './test-support.js';
import { ADD_LIST_LIMIT } from './attendance-routes.js';

/**
 * On a council with more people than the add-a-person list can hold (a large council has
 * thousands), the register asks for part of a name instead of listing everyone.
 */
let t: TestApp;
let admin: { cookie: string; personId: number };
let session: number;
let guest: number;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['democratic-services']);
  const { authority_id: authorityId } = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', admin.personId)
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('people')
    .values(
      Array.from({ length: ADD_LIST_LIMIT + 5 }, (_, i) => ({
        authority_id: authorityId,
        given_name: 'Officer',
        family_name: `Number${String(i).padStart(3, '0')}`,
        email: null,
        kind: 'officer' as const,
      })),
    )
    .execute();
  guest = (
    await t.db
      .insertInto('people')
      .values({
        authority_id: authorityId,
        given_name: 'Quentin',
        family_name: 'Zabriskie',
        email: null,
        kind: 'officer',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  session = await confirmedSession(t.db, authorityId);
});
after(() => t.close());

const url = () => `/admin/sessions/${session}/attendance`;
const optionsOf = (body: string) =>
  (/<select[^>]*id="personId"[^>]*>([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '').match(
    /<option value="\d+"/g,
  ) ?? [];

test('with too many people to list, the page asks for a name and lists none', async () => {
  const page = await t.app.inject({ url: url(), headers: { cookie: admin.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Find a person by name/);
  assert.match(page.body, new RegExp(`More than ${ADD_LIST_LIMIT} people`));
  assert.doesNotMatch(page.body, /Add to the register/);
  assert.equal(optionsOf(page.body).length, 0);
});

test('a name lists those who match; one of them can be added, and the list survives an error', async () => {
  const found = await getForm(t.app, `${url()}?find=zabris`, admin.cookie);
  assert.deepEqual(optionsOf(found.body), [`<option value="${guest}"`]);
  const missing = await postForm(
    t.app,
    `${url()}/add`,
    { personId: String(guest), find: 'zabris' },
    found,
  );
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(optionsOf(missing.body), [`<option value="${guest}"`]);
  const added = await postForm(
    t.app,
    `${url()}/add`,
    { personId: String(guest), addStatus: 'attended', find: 'zabris' },
    found,
  );
  assert.equal(added.statusCode, 303);
  const row = await t.db
    .selectFrom('attendance')
    .select('status')
    .where('session_id', '=', session)
    .where('person_id', '=', guest)
    .executeTakeFirst();
  assert.equal(row?.status, 'attended');
});

test('a name nobody has says so; wildcards in it are taken literally', async () => {
  for (const find of ['Nobody-by-this-name', '%', '_']) {
    const page = await t.app.inject({
      url: `${url()}?find=${encodeURIComponent(find)}`,
      headers: { cookie: admin.cookie },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Nobody who is not on the register matches/);
    assert.equal(optionsOf(page.body).length, 0);
  }
});
