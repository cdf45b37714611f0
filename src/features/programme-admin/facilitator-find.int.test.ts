import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import { FACILITATOR_CHOICES } from './session-page.js';

/**
 * On a council with more people who could facilitate than a select can sensibly hold (a large
 * council has thousands of officers), the session page asks for part of a name instead.
 */
let t: TestApp;
let admin: { cookie: string; personId: number };
let session: number;
let peer: number;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['monitoring-officer']);
  const { authority_id: authorityId } = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', admin.personId)
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('people')
    .values(
      Array.from({ length: FACILITATOR_CHOICES + 5 }, (_, i) => ({
        authority_id: authorityId,
        given_name: 'Officer',
        family_name: `Number${String(i).padStart(3, '0')}`,
        email: null,
        kind: 'officer' as const,
      })),
    )
    .execute();
  peer = (
    await t.db
      .insertInto('people')
      .values({
        authority_id: authorityId,
        given_name: 'Pat',
        family_name: 'Quillfeather',
        email: null,
        kind: 'facilitator',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const course = await createCourse(t.db, await createProgramme(t.db, authorityId));
  session = await createTrainingSession(t.db, course);
});
after(() => t.close());

const url = () => `/admin/sessions/${session}`;
const optionsOf = (body: string) =>
  (/<select[^>]*id="personId"[^>]*>([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '').match(
    /<option value="\d+"/g,
  ) ?? [];

test('with too many people to list, the session page asks for a name and lists none', async () => {
  const page = await t.app.inject({ url: url(), headers: { cookie: admin.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Find a person by name/);
  assert.doesNotMatch(page.body, /Add the facilitator/);
  assert.equal(optionsOf(page.body).length, 0);
});

test('a name lists those who match, and one of them is added; a name nobody has says so', async () => {
  const found = await getForm(t.app, `${url()}?find=quillf`, admin.cookie);
  assert.deepEqual(optionsOf(found.body), [`<option value="${peer}"`]);
  const added = await postForm(
    t.app,
    `${url()}/facilitators`,
    { personId: String(peer), role: 'Member peer', find: 'quillf' },
    found,
  );
  assert.equal(added.statusCode, 303);
  const rows = await t.db
    .selectFrom('session_facilitators')
    .select('person_id')
    .where('session_id', '=', session)
    .execute();
  assert.deepEqual(rows, [{ person_id: peer }]);
  for (const find of ['Nobody-by-this-name', '%']) {
    const page = await t.app.inject({
      url: `${url()}?find=${encodeURIComponent(find)}`,
      headers: { cookie: admin.cookie },
    });
    assert.match(page.body, /Nobody who could facilitate matches/);
    assert.equal(optionsOf(page.body).length, 0);
  }
});
