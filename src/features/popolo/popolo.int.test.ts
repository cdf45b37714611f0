import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import type { PopoloDocument } from './document.js';
import { loadPopoloValidator, type PopoloClass } from './schema-validator.js';

let t: TestApp;
let formerCouncillorId: number;
let publishedEmail: string;
let officerOnCommitteeId: number;

before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
  const demo = await t.db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'demo-city')
    .executeTakeFirstOrThrow();
  const council = await t.db
    .selectFrom('organisations')
    .select('id')
    .where('authority_id', '=', demo.id)
    .where('classification', '=', 'council')
    .executeTakeFirstOrThrow();
  const seat = await t.db
    .selectFrom('posts')
    .select('id')
    .where('organisation_id', '=', council.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();

  // A councillor who stood down: their seat and its dates stay on the public record.
  const former = await t.db
    .insertInto('people')
    .values({
      authority_id: demo.id,
      given_name: 'Winifred',
      family_name: 'Formerly',
      email: 'winifred.formerly@example.org',
      kind: 'member',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  formerCouncillorId = former.id;
  await t.db
    .insertInto('memberships')
    .values({
      person_id: former.id,
      organisation_id: council.id,
      post_id: seat.id,
      start_date: '2018-05-03',
      end_date: '2022-05-04',
      end_reason: 'did not stand again',
    })
    .execute();

  // One councillor agreed to publish their email address; nobody else did.
  const published = await t.db
    .selectFrom('people')
    .select(['id', 'email'])
    .where('kind', '=', 'member')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  publishedEmail = published.email ?? '';
  await t.db
    .updateTable('people')
    .set({ publish_email: true })
    .where('id', '=', published.id)
    .execute();

  // An officer advising a committee: their membership is not published either.
  const officer = await t.db
    .selectFrom('people')
    .select('id')
    .where('kind', '=', 'officer')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  officerOnCommitteeId = officer.id;
  const committee = await t.db
    .selectFrom('organisations')
    .select('id')
    .where('classification', '=', 'committee')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('memberships')
    .values({
      person_id: officer.id,
      organisation_id: committee.id,
      voting: false,
      start_date: '2024-05-21',
    })
    .execute();
});
after(() => t.close());

async function fetchPopolo(url: string) {
  const response = await t.app.inject({ url });
  assert.equal(response.statusCode, 200, response.body);
  return { response, document: response.json<PopoloDocument>() };
}

/** Every id that a record in the file refers to must be in the file. */
function assertSelfContained(document: PopoloDocument): void {
  const ids = (items: { id: string }[]) => new Set(items.map((i) => i.id));
  const persons = ids(document.persons);
  const organizations = ids(document.organizations);
  const posts = ids(document.posts);
  const areas = ids(document.areas);
  for (const m of document.memberships) {
    assert.ok(persons.has(m.person_id), `${m.id}: ${m.person_id} is in the file`);
    assert.ok(organizations.has(m.organization_id), `${m.id}: ${m.organization_id}`);
    if (m.post_id !== undefined) assert.ok(posts.has(m.post_id), `${m.id}: ${m.post_id}`);
    if (m.area_id !== undefined) assert.ok(areas.has(m.area_id), `${m.id}: ${m.area_id}`);
  }
  for (const p of document.posts) {
    assert.ok(organizations.has(p.organization_id), `${p.id}: ${p.organization_id}`);
    if (p.area_id !== undefined) assert.ok(areas.has(p.area_id), `${p.id}: ${p.area_id}`);
  }
  for (const o of document.organizations) {
    if (o.parent_id !== undefined) assert.ok(organizations.has(o.parent_id), `${o.id} parent`);
  }
}

test('every record in the file is valid against the Popolo schemas', async () => {
  const { response, document } = await fetchPopolo('/api/popolo.json');
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const { errorsOf } = loadPopoloValidator();
  const collections: [PopoloClass, unknown[]][] = [
    ['person', document.persons],
    ['organization', document.organizations],
    ['membership', document.memberships],
    ['post', document.posts],
    ['area', document.areas],
    // Area has no `identifiers` in Popolo's schema; each one must still be a Popolo Identifier.
    ['identifier', document.areas.flatMap((a) => a.identifiers ?? [])],
  ];
  for (const [kind, items] of collections) {
    assert.ok(items.length > 0, `the demo council has ${kind} records`);
    const errors = items.flatMap((item, index) =>
      errorsOf(kind, item).map((e) => `${kind} ${index}: ${e}`),
    );
    assert.deepEqual(errors, []);
  }
  const ward = document.areas.find((a) => a.name === 'Alderbrook');
  assert.deepEqual(ward, {
    id: ward?.id,
    name: 'Alderbrook',
    classification: 'ward',
    identifier: 'E05099001',
    identifiers: [{ scheme: 'gss', identifier: 'E05099001' }],
  });
});

test('only councillors and co-opted members are published, never officers or Independent Persons', async () => {
  const { response, document } = await fetchPopolo('/api/popolo.json');
  const people = await t.db.selectFrom('people').select(['id', 'kind', 'email']).execute();
  const published = new Set(document.persons.map((p) => p.id));
  const expected = people.filter((p) => p.kind === 'member' || p.kind === 'co-opted-member');
  assert.equal(published.size, expected.length);
  for (const person of people) {
    const listed = published.has(`person/${person.id}`);
    assert.equal(
      listed,
      person.kind === 'member' || person.kind === 'co-opted-member',
      person.kind,
    );
  }
  const hidden = people.filter((p) => !published.has(`person/${p.id}`));
  assert.ok(hidden.some((p) => p.kind === 'independent-person'));
  assert.ok(hidden.some((p) => p.kind === 'facilitator'));
  for (const person of hidden) {
    assert.ok(!response.body.includes(`"person/${person.id}"`), `person ${person.id} is not named`);
    if (person.email) assert.ok(!response.body.includes(person.email), 'nor is their email');
  }
  assert.ok(!document.memberships.some((m) => m.person_id === `person/${officerOnCommitteeId}`));
  assert.ok(document.persons.some((p) => p.id === `person/${formerCouncillorId}`));
});

test('an email address is published only when its owner agreed', async () => {
  const { response, document } = await fetchPopolo('/api/popolo.json');
  const withEmail = document.persons.filter((p) => p.email !== undefined);
  assert.deepEqual(
    withEmail.map((p) => p.email),
    [publishedEmail],
  );
  const unpublished = await t.db
    .selectFrom('people')
    .select('email')
    .where('publish_email', '=', false)
    .where('email', 'is not', null)
    .execute();
  assert.ok(unpublished.length > 100);
  for (const { email } of unpublished) assert.ok(!response.body.includes(email ?? '\u0000'));
});

test("a former councillor's ended membership is published with its end date", async () => {
  const { document } = await fetchPopolo('/api/popolo.json');
  const former = document.persons.find((p) => p.id === `person/${formerCouncillorId}`);
  assert.deepEqual(former, {
    id: `person/${formerCouncillorId}`,
    name: 'Winifred Formerly',
    given_name: 'Winifred',
    family_name: 'Formerly',
    sort_name: 'Formerly, Winifred',
  });
  const memberships = document.memberships.filter((m) => m.person_id === former?.id);
  assert.equal(memberships.length, 1);
  assert.equal(memberships[0]?.start_date, '2018-05-03');
  assert.equal(memberships[0]?.end_date, '2022-05-04');
  assert.ok(memberships[0]?.post_id);
  assert.ok(!JSON.stringify(memberships[0]).includes('did not stand again'));
});

test('every membership, post and parent refers to something in the same file', async () => {
  const { document } = await fetchPopolo('/api/popolo.json');
  assertSelfContained(document);
  const council = document.organizations.find((o) => o.name === 'Demo City Council');
  const planning = document.organizations.find((o) => o.name === 'Planning Committee');
  const hearing = document.organizations.find((o) => o.name === 'Standards Hearing Sub-Committee');
  const standards = document.organizations.find((o) => o.name === 'Audit and Standards Committee');
  assert.equal(council?.classification, 'council');
  assert.equal(council?.parent_id, undefined);
  assert.equal(planning?.parent_id, council?.id, 'a committee is part of its council');
  assert.equal(hearing?.parent_id, standards?.id, 'a sub-committee is part of its committee');
  const seats = document.memberships.filter((m) => m.post_id !== undefined);
  assert.ok(seats.length >= 84 && seats.every((m) => m.area_id !== undefined));
  const nonVoting = document.memberships.filter((m) => m.label === 'Non-voting member');
  assert.equal(nonVoting.length, 1, 'the non-voting co-opted member');
});

test("one council's file holds only that council's records", async () => {
  const { document: parish } = await fetchPopolo('/api/popolo/hollinbrook.json');
  assertSelfContained(parish);
  assert.equal(parish.persons.length, 7);
  assert.deepEqual(
    parish.organizations.map((o) => o.name),
    ['Hollinbrook Parish Council'],
  );
  assert.equal(parish.memberships.length, 7);

  const { document: city } = await fetchPopolo('/api/popolo/demo-city.json');
  assertSelfContained(city);
  const { document: all } = await fetchPopolo('/api/popolo.json');
  assert.equal(city.persons.length, all.persons.length - 7 - 9 - 5, 'no parish councillors');
  assert.equal(city.areas.length, 28);
});

test('a matching If-None-Match gets 304, and a change gives a new ETag', async () => {
  const first = await t.app.inject({ url: '/api/popolo.json' });
  const etag = String(first.headers.etag);
  assert.match(etag, /^"[\w-]+"$/);
  assert.equal(first.headers['cache-control'], 'public, max-age=300');

  const again = await t.app.inject({
    url: '/api/popolo.json',
    headers: { 'if-none-match': `"other", W/${etag}` },
  });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  assert.equal(again.headers.etag, etag);

  await t.db
    .updateTable('people')
    .set({ publish_email: false })
    .where('email', '=', publishedEmail)
    .execute();
  const changed = await t.app.inject({
    url: '/api/popolo.json',
    headers: { 'if-none-match': etag },
  });
  assert.equal(changed.statusCode, 200);
  assert.notEqual(changed.headers.etag, etag);
  assert.ok(!changed.body.includes(publishedEmail));
});

test('an unknown council is a 404 with a JSON error body', async () => {
  for (const slug of ['no-such-council', 'Demo-City', 'demo.city']) {
    const response = await t.app.inject({ url: `/api/popolo/${slug}.json` });
    assert.equal(response.statusCode, 404, slug);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    const body = response.json<{ error: { code: string; message: string } }>();
    assert.equal(body.error.code, 'not-found');
    assert.equal(typeof body.error.message, 'string');
  }
});
