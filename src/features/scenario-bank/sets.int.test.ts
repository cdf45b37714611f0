import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { authorityIdOf, createAuthority, createCodeVersion } from '../code-of-conduct/testing.js';
import { createScenario, createScenarioSet } from '../learning/testing.js';

let t: TestApp;
let mo: { cookie: string; personId: number };
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  mo = await t.signInAs(['democratic-services']);
  authorityId = await authorityIdOf(t.db, 'test-council');
  await createCodeVersion(t.db, { authorityId, status: 'in-force' });
});
after(() => t.close());

const page = (url: string, cookie = mo.cookie) => t.app.inject({ url, headers: { cookie } });
async function submit(
  formUrl: string,
  fields: Record<string, string | string[]>,
  postUrl = formUrl,
) {
  const form = await getForm(t.app, formUrl, mo.cookie);
  return postForm(t.app, postUrl, fields, form);
}
const order = async (setId: number) =>
  (
    await t.db
      .selectFrom('scenario_set_items as i')
      .innerJoin('scenarios as s', 's.id', 'i.scenario_id')
      .select('s.title')
      .where('i.set_id', '=', setId)
      .orderBy('i.position')
      .execute()
  ).map((r) => r.title);

async function course(authority: number, title: string) {
  const programme = await t.db
    .insertInto('programmes')
    .values({
      authority_id: authority,
      title: `Programme for ${title}`,
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await t.db
    .insertInto('courses')
    .values({
      programme_id: programme.id,
      position: 1,
      title,
      format: 'workshop',
      duration_minutes: 90,
      audience: 'all-members',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

test('an administrator makes a set counting towards a course, adds scenarios, orders and removes them', async () => {
  const courseId = await course(authorityId, 'Code of conduct refresher');
  const a = await createScenario(t.db, authorityId, { values: { title: 'Alpha case' } });
  const b = await createScenario(t.db, authorityId, { values: { title: 'Bravo case' } });
  const c = await createScenario(t.db, authorityId, {
    values: { title: 'Charlie case', status: 'draft' },
  });
  await createScenario(t.db, authorityId, { values: { title: 'Retired case', status: 'retired' } });

  const created = await submit('/admin/scenario-sets/new', {
    title: 'Respect in practice',
    description: 'Three short cases.',
    courseId: String(courseId),
    published: 'yes',
  });
  assert.equal(created.statusCode, 303);
  const url = String(created.headers.location);
  const setId = Number(url.split('/').pop());
  const shown = await page(url);
  assert.match(shown.body, /Code of conduct refresher/);
  assert.match(shown.body, /Charlie case \(draft\)/);
  assert.doesNotMatch(shown.body, /Retired case/);

  for (const id of [a, b, c])
    assert.equal(
      (await submit(url, { scenarioId: String(id) }, `${url}/scenarios`)).statusCode,
      303,
    );
  assert.deepEqual(await order(setId), ['Alpha case', 'Bravo case', 'Charlie case']);
  const again = await submit(url, { scenarioId: String(a) }, `${url}/scenarios`);
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /already in the set/);
  const none = await submit(url, { scenarioId: '' }, `${url}/scenarios`);
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Select a scenario to add/);

  await submit(url, { direction: 'up' }, `${url}/scenarios/${c}/move`);
  assert.deepEqual(await order(setId), ['Alpha case', 'Charlie case', 'Bravo case']);
  await submit(url, { direction: 'down' }, `${url}/scenarios/${a}/move`);
  assert.deepEqual(await order(setId), ['Charlie case', 'Alpha case', 'Bravo case']);
  await submit(url, {}, `${url}/scenarios/${a}/remove`);
  assert.deepEqual(await order(setId), ['Charlie case', 'Bravo case']);

  const list = await page('/admin/scenario-sets');
  assert.match(
    list.body,
    /Respect in practice<\/a>[\s\S]*?>\s*1\s*<[\s\S]*?Code of conduct refresher/,
  );

  const edited = await submit(`${url}/edit`, {
    title: 'Respect in practice',
    description: '',
    courseId: 'none',
    published: 'no',
  });
  assert.equal(edited.statusCode, 303);
  const row = await t.db
    .selectFrom('scenario_sets')
    .select(['counts_towards_course_id', 'published'])
    .where('id', '=', setId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { counts_towards_course_id: null, published: false });
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'scenario-set')
    .where('entity_id', '=', String(setId))
    .execute();
  assert.equal(audit.length, 8);
});

test('a set refuses another council’s course and scenarios, and another council’s sets are not found', async () => {
  const elsewhere = await createAuthority(t.db, 'elsewhere-sets');
  const theirCourse = await course(elsewhere, 'Their course');
  const refused = await submit('/admin/scenario-sets/new', {
    title: 'Sneaky',
    courseId: String(theirCourse),
    published: 'no',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Choose one of the council’s courses, or none/);
  const garbled = await submit('/admin/scenario-sets/new', {
    title: 'Garbled',
    courseId: 'abc',
    published: 'no',
  });
  assert.equal(garbled.statusCode, 400);
  assert.match(garbled.body, /Choose one of the council’s courses, or none/);
  const missing = await submit('/admin/scenario-sets/new', { title: '', published: 'maybe' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Enter the title of the set/);

  const theirScenario = await createScenario(t.db, elsewhere);
  const mine = await createScenarioSet(t.db, authorityId, []);
  const url = `/admin/scenario-sets/${mine}`;
  const added = await submit(url, { scenarioId: String(theirScenario) }, `${url}/scenarios`);
  assert.equal(added.statusCode, 400);
  const theirSet = await createScenarioSet(t.db, elsewhere, [theirScenario]);
  for (const path of [`/admin/scenario-sets/${theirSet}`, `/admin/scenario-sets/${theirSet}/edit`])
    assert.equal((await page(path)).statusCode, 404, path);
  const form = await getForm(t.app, url, mo.cookie);
  const move = await postForm(
    t.app,
    `/admin/scenario-sets/${theirSet}/scenarios/${theirScenario}/remove`,
    {},
    form,
  );
  assert.equal(move.statusCode, 404);
  const member = await t.signInAs(['member']);
  assert.equal((await page('/admin/scenario-sets', member.cookie)).statusCode, 403);
});
