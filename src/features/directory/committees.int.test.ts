import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import {
  currentMembershipsOf,
  findCouncillorProfile,
  listCommitteeMembers,
  listCurrentCouncillors,
} from './index.js';
import { authorityId, organisationId, personByEmail, summaryRows, tableRows } from './testing.js';

let t: TestApp;

before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
});
after(() => t.close());

const get = (url: string) => t.app.inject({ url });

test('the committees page lists committees and sub-committees, with members and training', async () => {
  const response = await get('/councils/demo-city/committees');
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<title>Committees of Demo City Council – Probity/);
  assert.deepEqual(tableRows(response.body), [
    ['Audit and Standards Committee', '12', 'Required'],
    [
      'Standards Hearing Sub-Committee Sub-committee of Audit and Standards Committee',
      '3',
      'Required',
    ],
    ['Licensing Committee', '11', 'Required'],
    ['Overview and Scrutiny Committee', '9', 'Not required'],
    ['Planning Committee', '12', 'Required'],
  ]);
});

test('a committee page lists its members by role, marking co-opted members and their vote', async () => {
  const id = await organisationId(t.db, 'Audit and Standards Committee');
  const response = await get(`/councils/demo-city/committees/${id}`);
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<title>Audit and Standards Committee, Demo City Council – Probity/);
  assert.equal(
    summaryRows(response.body)['Training before sitting'],
    'Members must complete the required training before they sit',
  );
  assert.match(
    summaryRows(response.body)['Sub-committees'] ?? '',
    /Standards Hearing Sub-Committee/,
  );
  const rows = tableRows(response.body);
  assert.equal(rows.length, 12);
  assert.equal(rows[0]?.[1], 'Chair');
  assert.equal(rows[1]?.[1], 'Vice-chair');
  const coOpted = rows.filter((r) => r[2] === 'Not a councillor').map((r) => r[1]);
  assert.deepEqual(coOpted.sort(), ['Member (co-opted, non-voting)', 'Member (co-opted, voting)']);
  assert.match(response.body, /<caption[^>]*>12 members at present<\/caption>/);
});

test('a sub-committee links to its parent; a committee without training says so', async () => {
  const panel = await organisationId(t.db, 'Standards Hearing Sub-Committee');
  const sub = await get(`/councils/demo-city/committees/${panel}`);
  assert.equal(sub.statusCode, 200);
  assert.match(
    summaryRows(sub.body).Type ?? '',
    /^Sub-committee of Audit and Standards Committee$/,
  );
  const scrutiny = await organisationId(t.db, 'Overview and Scrutiny Committee');
  const page = await get(`/councils/demo-city/committees/${scrutiny}`);
  assert.equal(
    summaryRows(page.body)['Training before sitting'],
    'No training is required before sitting',
  );
});

test('a co-opted member has a profile that shows their committee place and vote', async () => {
  const coOpted = await t.db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'co_opted_voting'])
    .where('kind', '=', 'co-opted-member')
    .execute();
  assert.equal(coOpted.length, 2);
  for (const person of coOpted) {
    const response = await get(`/councils/demo-city/councillors/${person.id}`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Co-opted member, Demo City Council/);
    const vote = person.co_opted_voting ? 'voting' : 'non-voting';
    assert.deepEqual(
      tableRows(response.body).map((r) => r.slice(0, 2)),
      [['Audit and Standards Committee', `Member (co-opted, ${vote})`]],
    );
  }
});

test('committees that do not exist, belong elsewhere or are not committees are a 404', async () => {
  const planning = await organisationId(t.db, 'Planning Committee');
  const group = await organisationId(t.db, 'Civic Renewal Group');
  for (const url of [
    `/councils/hollinbrook/committees/${planning}`,
    `/councils/demo-city/committees/${group}`,
    '/councils/demo-city/committees/424242',
    '/councils/demo-city/committees/abc',
    '/councils/demo-city/committees/99999999999999',
    `/councils/nowhere/committees/${planning}`,
  ]) {
    const response = await get(url);
    assert.equal(response.statusCode, 404, url);
  }
});

test('a parish council with no committees says so', async () => {
  const response = await get('/councils/marstow/committees');
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /No committees are recorded for Marstow Town Council/);
});

test('the read model answers for other features, at any date', async () => {
  const demo = await authorityId(t.db, 'demo-city');
  const voice = await organisationId(t.db, 'Neighbourhood Voice');
  const now = await listCurrentCouncillors(t.db, demo, { groupId: voice });
  assert.equal(now.length, 6);
  assert.ok(now.every((c) => c.group?.name === 'Neighbourhood Voice' && c.ward !== null));
  assert.equal(now.filter((c) => c.group?.role === 'leader').length, 1);
  // Before the 2022 election nobody in the demo council had taken their seat yet.
  assert.deepEqual(await listCurrentCouncillors(t.db, demo, {}, '2022-01-01'), []);

  const whip = await personByEmail(t.db, 'whip@demo-city.example');
  const memberships = await currentMembershipsOf(t.db, whip.id);
  assert.deepEqual(
    memberships.map((m) => [m.organisation.classification, m.role, m.status]).sort(),
    [
      ['council', 'member', 'current'],
      ['political-group', 'whip', 'current'],
    ],
  );
  assert.ok(memberships.every((m) => m.organisation.authorityName === 'Demo City Council'));

  const standards = await organisationId(t.db, 'Audit and Standards Committee');
  const members = await listCommitteeMembers(t.db, standards);
  assert.equal(members.length, 12);
  assert.deepEqual(
    members
      .filter((m) => m.kind === 'co-opted-member')
      .map((m) => m.voting)
      .sort(),
    [false, true],
  );
  assert.equal((await listCommitteeMembers(t.db, standards, '2023-01-01')).length, 0);

  const profile = await findCouncillorProfile(t.db, 'demo-city', whip.id);
  assert.equal(profile?.standing, 'councillor');
  assert.equal(profile?.publishedEmail, null, 'an unpublished email never leaves the read model');
  assert.equal(await findCouncillorProfile(t.db, 'hollinbrook', whip.id), null);
});
