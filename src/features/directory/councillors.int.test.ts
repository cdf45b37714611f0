import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import {
  authorityId,
  organisationId,
  personByEmail,
  summaryRows,
  tableRows,
  wardId,
  dataChanged,
} from './testing.js';

let t: TestApp;

before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
});
after(() => t.close());

const get = (url: string) => t.app.inject({ url });

test('the councils page lists the principal council and its parish and town councils, with counts', async () => {
  const response = await get('/councils');
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<title>Councils and councillors – Probity/);
  assert.match(
    response.body,
    /href="\/councils\/demo-city\/councillors">Demo City Council councillors<\/a> \(84 councillors at present\)/,
  );
  assert.match(response.body, /href="\/councils\/demo-city\/committees"/);
  assert.deepEqual(tableRows(response.body), [
    ['Elderby-on-Wend Parish Council', 'Parish council', '5'],
    ['Hollinbrook Parish Council', 'Parish council', '7'],
    ['Marstow Town Council', 'Town council', '9'],
  ]);
});

test('the councillor list shows every sitting councillor by family name, with ward and group', async () => {
  const response = await get('/councils/demo-city/councillors');
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<title>Councillors of Demo City Council – Probity/);
  assert.match(response.body, /<caption[^>]*>84 councillors<\/caption>/);
  const rows = tableRows(response.body);
  assert.equal(rows.length, 84);
  const familyNames = rows.map((r) => (r[0] ?? '').split(' ').at(-1) ?? '');
  assert.deepEqual(
    familyNames,
    [...familyNames].sort((a, b) => a.localeCompare(b, 'en')),
  );
  const whip = await personByEmail(t.db, 'whip@demo-city.example');
  const whipRow = rows.find((r) => r[0] === `${whip.given_name} ${whip.family_name}`);
  assert.ok(whipRow, 'the whip is listed');
  assert.match(whipRow[2] ?? '', /^Civic Renewal Group \(group whip\)$/);
  assert.match(
    response.body,
    new RegExp(`href="/councils/demo-city/councillors/${whip.id}">${whip.given_name}`),
  );
  // Works without JavaScript: a plain GET form with the two filters.
  assert.match(response.body, /<form method="get" action="\/councils\/demo-city\/councillors"/);
  assert.match(response.body, /<select class="govuk-select[^"]*" id="group" name="group"/);
  assert.match(response.body, /<select class="govuk-select[^"]*" id="ward" name="ward"/);
});

test('the list filters by political group, by ward and by both', async () => {
  const voice = await organisationId(t.db, 'Neighbourhood Voice');
  const renewal = await organisationId(t.db, 'Civic Renewal Group');
  const alderbrook = await wardId(t.db, 'Alderbrook');

  const byGroup = await get(`/councils/demo-city/councillors?group=${voice}`);
  assert.equal(byGroup.statusCode, 200);
  assert.equal(tableRows(byGroup.body).length, 6);
  assert.ok(tableRows(byGroup.body).every((r) => r[2]?.startsWith('Neighbourhood Voice')));
  assert.match(byGroup.body, /<caption[^>]*>6 councillors in Neighbourhood Voice<\/caption>/);
  assert.match(byGroup.body, new RegExp(`<option value="${voice}" selected>Neighbourhood Voice`));
  assert.match(byGroup.body, /<title>Councillors of Demo City Council in Neighbourhood Voice/);
  assert.match(byGroup.body, />Clear filters<\/a>/);

  const byWard = await get(`/councils/demo-city/councillors?ward=${alderbrook}`);
  const wardRows = tableRows(byWard.body);
  assert.equal(wardRows.length, 3);
  assert.ok(wardRows.every((r) => r[1] === 'Alderbrook'));

  const both = await get(`/councils/demo-city/councillors?ward=${alderbrook}&group=${renewal}`);
  const expected = wardRows.filter((r) => r[2]?.startsWith('Civic Renewal Group')).length;
  assert.equal(tableRows(both.body).length, expected);
  if (expected === 0) assert.match(both.body, /No councillors match these filters/);
});

test('filters that name nothing in this council are ignored, never an error', async () => {
  const parishCouncil = await organisationId(t.db, 'Marstow Town Council');
  for (const query of [
    'group=abc',
    'ward=-1',
    'group=99999999999999',
    'ward=424242',
    `group=${parishCouncil}`,
    'group=1&group=2',
    'ward=%00',
  ]) {
    const response = await get(`/councils/demo-city/councillors?${query}`);
    assert.equal(response.statusCode, 200, query);
    assert.equal(tableRows(response.body).length, 84, query);
    assert.doesNotMatch(response.body, />Clear filters</, query);
  }
});

test('a parish council lists its councillors with who chairs it, and has no filters', async () => {
  const response = await get('/councils/hollinbrook/councillors');
  assert.equal(response.statusCode, 200);
  const rows = tableRows(response.body);
  assert.equal(rows.length, 7);
  assert.deepEqual(rows.map((r) => r[1]).sort(), [
    'Chair',
    'Member',
    'Member',
    'Member',
    'Member',
    'Member',
    'Vice-chair',
  ]);
  assert.doesNotMatch(response.body, /id="group"/);
  assert.match(
    response.body,
    /in the area of <a class="govuk-link" href="\/councils\/demo-city\/councillors">/,
  );
});

test('an unknown or malformed council is a 404', async () => {
  for (const url of [
    '/councils/nowhere/councillors',
    '/councils/Demo-City/councillors',
    '/councils/demo--city/councillors',
    '/councils/demo-city-/councillors',
    '/councils/demo_city/councillors',
    '/councils/nowhere/committees',
  ]) {
    assert.equal((await get(url)).statusCode, 404, url);
  }
});

test('a councillor profile shows their three roles, committees and no unpublished email', async () => {
  const whip = await personByEmail(t.db, 'whip@demo-city.example');
  const url = `/councils/demo-city/councillors/${whip.id}`;
  const response = await get(url);
  assert.equal(response.statusCode, 200);
  const name = `${whip.given_name} ${whip.family_name}`;
  assert.match(response.body, new RegExp(`<title>${name}: Councillor, Demo City Council – `));
  const roles = summaryRows(response.body);
  assert.match(roles.Council ?? '', /^Member of Demo City Council since \d+ \w+ \d{4}$/);
  assert.match(roles.Ward ?? '', /^Representative for [A-Z][\w ]+ ward$/);
  assert.equal(roles['Political group'], 'Member of Civic Renewal Group, and its group whip');
  assert.equal(roles.Email, undefined);
  assert.doesNotMatch(response.body, /whip@demo-city\.example/);
  assert.doesNotMatch(response.body, /mailto:/);

  await t.db.updateTable('people').set({ publish_email: true }).where('id', '=', whip.id).execute();
  await dataChanged(t.db); // as every change made through Probity does
  const published = await get(url);
  assert.match(published.body, /href="mailto:whip@demo-city\.example">whip@demo-city\.example</);
  assert.equal(summaryRows(published.body).Email, 'whip@demo-city.example');
});

test('committee places show on the profile with their role', async () => {
  const chair = await t.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select('m.person_id')
    .where('o.name', '=', 'Planning Committee')
    .where('m.role', '=', 'chair')
    .executeTakeFirstOrThrow();
  const response = await get(`/councils/demo-city/councillors/${chair.person_id}`);
  const committees = tableRows(response.body);
  const planning = committees.find((r) => r[0] === 'Planning Committee');
  assert.ok(planning, 'the committee is listed');
  assert.equal(planning[1], 'Chair');
});

test('a former councillor keeps a profile that says until when, with their past roles', async () => {
  const councillor = await personByEmail(t.db, 'councillor@demo-city.example');
  await t.db
    .updateTable('memberships')
    .set({ end_date: '2025-01-31' })
    .where('person_id', '=', councillor.id)
    .execute();
  await dataChanged(t.db); // as every change made through Probity does
  const response = await get(`/councils/demo-city/councillors/${councillor.id}`);
  assert.equal(response.statusCode, 200);
  const name = `${councillor.given_name} ${councillor.family_name}`;
  assert.match(response.body, new RegExp(`<title>${name}: Former councillor, Demo City Council`));
  assert.match(
    response.body,
    new RegExp(`${name} was a councillor on Demo City Council until 31 January 2025`),
  );
  assert.doesNotMatch(response.body, /Current roles/);
  const history = tableRows(response.body);
  assert.ok(
    history.some((r) => /^Councillor on Demo City Council for [\w ]+ ward$/.test(r[0] ?? '')),
    JSON.stringify(history),
  );
  assert.ok(history.every((r) => r[2] === '31 January 2025'));

  const list = await get('/councils/demo-city/councillors');
  assert.equal(tableRows(list.body).length, 83, 'no longer in the list of sitting councillors');
});

test('officers, Independent Persons and facilitators have no public profile', async () => {
  for (const email of [
    'mo@demo-city.example',
    'ip@demo-city.example',
    'facilitator@demo-city.example',
    'officer@demo-city.example',
  ]) {
    const person = await personByEmail(t.db, email);
    const response = await get(`/councils/demo-city/councillors/${person.id}`);
    assert.equal(response.statusCode, 404, email);
    assert.doesNotMatch(response.body, new RegExp(person.family_name), email);
  }
  // Not even an officer who has been put into a group by mistake.
  const officer = await personByEmail(t.db, 'officer@demo-city.example');
  await t.db
    .insertInto('memberships')
    .values({
      person_id: officer.id,
      organisation_id: await organisationId(t.db, 'Forward Together'),
      start_date: '2024-01-01',
    })
    .execute();
  await dataChanged(t.db); // as every change made through Probity does
  assert.equal((await get(`/councils/demo-city/councillors/${officer.id}`)).statusCode, 404);
});

test('a councillor is only found under their own council', async () => {
  const parishCouncillor = await t.db
    .selectFrom('people')
    .select('id')
    .where('authority_id', '=', await authorityId(t.db, 'hollinbrook'))
    .executeTakeFirstOrThrow();
  assert.equal(
    (await get(`/councils/hollinbrook/councillors/${parishCouncillor.id}`)).statusCode,
    200,
  );
  assert.equal(
    (await get(`/councils/demo-city/councillors/${parishCouncillor.id}`)).statusCode,
    404,
  );
  assert.equal((await get(`/councils/marstow/councillors/${parishCouncillor.id}`)).statusCode, 404);
});

test('unknown and malformed councillor ids are a 404, not an error', async () => {
  for (const id of ['424242', 'abc', '0', '-3', '1.5', '99999999999999', '%20']) {
    const response = await get(`/councils/demo-city/councillors/${id}`);
    assert.equal(response.statusCode, 404, id);
  }
});

test('names are escaped wherever they are shown', async () => {
  const whip = await personByEmail(t.db, 'whip@demo-city.example');
  await t.db
    .updateTable('people')
    .set({ given_name: '<script>alert(1)</script>' })
    .where('id', '=', whip.id)
    .execute();
  await dataChanged(t.db); // as every change made through Probity does
  for (const url of [
    '/councils/demo-city/councillors',
    `/councils/demo-city/councillors/${whip.id}`,
  ]) {
    const response = await get(url);
    assert.doesNotMatch(response.body, /<script>alert/, url);
    assert.match(response.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, url);
  }
});
