import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildTestApp,
  createPerson,
  getForm,
  mergeCookies,
  postForm,
  type TestApp,
  readUntilCached,
} from '../../testing/app.js';

let t: TestApp;
let admin: { cookie: string; personId: number };
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['democratic-services']);
  authorityId = (await t.db.selectFrom('authorities').select('id').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

const validInvite = () => ({
  givenName: 'Priya',
  familyName: 'Hallam',
  email: 'priya.hallam@test.example',
  kind: 'member',
  authorityId: String(authorityId),
  roles: ['member'],
});

test('inviting a person adds them, their roles, an invitation email and audit records together', async () => {
  const form = await getForm(t.app, '/admin/people/new', admin.cookie);
  const response = await postForm(t.app, '/admin/people', validInvite(), form);
  assert.equal(response.statusCode, 303);
  const location = String(response.headers.location);
  assert.match(location, /^\/admin\/people\/\d+$/);

  const page = await t.app.inject({
    url: location,
    headers: { cookie: mergeCookies(form.cookie, response) },
  });
  assert.match(page.body, /Invitation sent/);
  assert.match(page.body, /Priya Hallam/);
  assert.match(page.body, /Invited: link sent/);

  const person = await t.db
    .selectFrom('people')
    .select(['id', 'kind'])
    .where('email', '=', 'priya.hallam@test.example')
    .executeTakeFirstOrThrow();
  assert.equal(person.kind, 'member');
  const roles = await t.db
    .selectFrom('person_roles')
    .select('role')
    .where('person_id', '=', person.id)
    .execute();
  assert.deepEqual(
    roles.map((r) => r.role),
    ['member'],
  );
  const mail = await t.db
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', 'priya.hallam@test.example')
    .execute();
  assert.equal(mail.length, 1);
  assert.equal(mail[0]!.subject, 'Your Probity account');
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['entity', 'action', 'actor_person_id', 'changes'])
    .where('actor_person_id', '=', admin.personId)
    .execute();
  const created = audit.find((a) => a.entity === 'person' && a.action === 'created');
  assert.ok(created, 'the new person is audited');
  assert.equal(created.changes.email?.after, 'priya.hallam@test.example');
  assert.ok(audit.some((a) => a.entity === 'invitation' && a.action === 'invited'));
});

test('bad input re-renders the form with a summary, per-field messages and the values typed', async () => {
  const form = await getForm(t.app, '/admin/people/new', admin.cookie);
  const response = await postForm(
    t.app,
    '/admin/people',
    { givenName: 'Sam', familyName: '', email: 'not-an-email', kind: 'member', authorityId: '' },
    form,
  );
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /There is a problem/);
  assert.match(response.body, /href="#familyName"[^>]*>Enter a last name/);
  assert.match(response.body, /href="#email"[^>]*>Enter an email address in the correct format/);
  assert.match(response.body, /href="#roles"[^>]*>Select at least one role/);
  assert.match(response.body, /<title>Error: /);
  assert.match(response.body, /value="Sam"/);
  assert.match(response.body, /value="not-an-email"/);
  const sams = await t.db
    .selectFrom('people')
    .select('id')
    .where('given_name', '=', 'Sam')
    .execute();
  assert.equal(sams.length, 0, 'nothing is written');
});

test('the invitation form is kept until the data changes, and a kept form still sends', async () => {
  const first = await getForm(t.app, '/admin/people/new', admin.cookie);
  const second = await readUntilCached(() =>
    t.app.inject({ url: '/admin/people/new', headers: { cookie: admin.cookie } }),
  );
  assert.equal(second.statusCode, 200);
  const kept = await getForm(t.app, '/admin/people/new', admin.cookie);
  // Each response has a CSRF token of its own, filled into the kept page.
  assert.notEqual(kept.csrf, first.csrf);
  const response = await postForm(t.app, '/admin/people', { givenName: '' }, kept);
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /There is a problem/);
});

test('an email already in use is refused on the email field, and nothing is half-written', async () => {
  await createPerson(t.db, { email: 'taken@test.example' });
  const before = await t.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const form = await getForm(t.app, '/admin/people/new', admin.cookie);
  const response = await postForm(
    t.app,
    '/admin/people',
    { ...validInvite(), email: 'TAKEN@test.example' },
    form,
  );
  assert.equal(response.statusCode, 400);
  assert.match(
    response.body,
    /href="#email"[^>]*>Someone in Probity already has that email address/,
  );
  const afterCount = await t.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(afterCount.n), Number(before.n));
});

test('resetting access removes the password, ends every session and sends a reset link', async () => {
  const target = await t.signInAs(['member']);
  await t.db
    .insertInto('credentials')
    .values({ person_id: target.personId, password_hash: 'x' })
    .execute();
  const form = await getForm(t.app, `/admin/people/${target.personId}`, admin.cookie);
  const response = await postForm(t.app, `/admin/people/${target.personId}/reset-access`, {}, form);
  assert.equal(response.statusCode, 303);
  const credentials = await t.db
    .selectFrom('credentials')
    .select('person_id')
    .where('person_id', '=', target.personId)
    .execute();
  assert.equal(credentials.length, 0);
  const dashboard = await t.app.inject({ url: '/dashboard', headers: { cookie: target.cookie } });
  assert.equal(dashboard.statusCode, 303, 'the person is signed out');
  const mail = await t.db
    .selectFrom('outbox as o')
    .innerJoin('people as p', 'p.email', 'o.to_address')
    .select('o.subject')
    .where('p.id', '=', target.personId)
    .execute();
  assert.deepEqual(
    mail.map((m) => m.subject),
    ['Your Probity access has been reset'],
  );
});

test('a person who does not exist is a 404, and so is a malformed id', async () => {
  for (const url of ['/admin/people/424242', '/admin/people/abc', '/admin/people/99999999999999']) {
    const response = await t.app.inject({ url, headers: { cookie: admin.cookie } });
    assert.equal(response.statusCode, 404, url);
  }
});

test('the people list searches by name and filters by kind', async () => {
  await createPerson(t.db, { email: 'zebedee.quill@test.example' });
  await t.db
    .updateTable('people')
    .set({ given_name: 'Zebedee', family_name: 'Quill' })
    .where('email', '=', 'zebedee.quill@test.example')
    .execute();
  const found = await t.app.inject({
    url: '/admin/people?q=zebedee',
    headers: { cookie: admin.cookie },
  });
  assert.match(found.body, /Zebedee Quill/);
  assert.match(found.body, /1 person found/);
  const members = await t.app.inject({
    url: '/admin/people?q=zebedee&kind=member',
    headers: { cookie: admin.cookie },
  });
  assert.match(members.body, /No one matches that search/);
});

test('a person with no email address cannot be sent a link, and is told why', async () => {
  const id = await createPerson(t.db);
  await t.db.updateTable('people').set({ email: null }).where('id', '=', id).execute();
  const form = await getForm(t.app, `/admin/people/${id}`, admin.cookie);
  for (const [path, message] of [
    ['invite', 'Add an email address for this person before inviting them'],
    ['reset-access', 'Add an email address for this person before resetting their access'],
  ] as const) {
    const response = await postForm(t.app, `/admin/people/${id}/${path}`, {}, form);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, new RegExp(`govuk-error-summary[\\s\\S]*${message}`));
  }
  const invitations = await t.db
    .selectFrom('invitations')
    .select('id')
    .where('person_id', '=', id)
    .execute();
  assert.equal(invitations.length, 0);
});

test('the people list pages through everyone in name order, fifty at a time', async () => {
  for (let i = 0; i < 55; i += 1) {
    const id = await createPerson(t.db, { email: `pager${i}@test.example` });
    await t.db
      .updateTable('people')
      .set({ given_name: `Pat${String(i).padStart(2, '0')}`, family_name: 'Zzpager' })
      .where('id', '=', id)
      .execute();
  }
  const names = (html: string) => [...html.matchAll(/>(Pat\d\d) Zzpager</g)].map((m) => m[1]);
  const first = await t.app.inject({
    url: '/admin/people?q=zzpager',
    headers: { cookie: admin.cookie },
  });
  assert.match(first.body, /55 people found\. Page 1 of 2/);
  assert.deepEqual(
    names(first.body),
    Array.from({ length: 50 }, (_, i) => `Pat${String(i).padStart(2, '0')}`),
  );
  const second = await t.app.inject({
    url: '/admin/people?q=zzpager&page=2',
    headers: { cookie: admin.cookie },
  });
  assert.deepEqual(names(second.body), ['Pat50', 'Pat51', 'Pat52', 'Pat53', 'Pat54']);
});
