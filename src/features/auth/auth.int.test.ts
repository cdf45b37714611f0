import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildTestApp,
  createPerson,
  getForm,
  mergeCookies,
  postForm,
  type TestApp,
} from '../../testing/app.js';
import { SESSION_COOKIE, createSession, hashToken } from '../../platform/session.js';

let t: TestApp;
const PASSWORD = 'correct horse battery staple';
let email: string;
let personId: number;

before(async () => {
  t = await buildTestApp();
  email = 'officer.signin@test.example';
  personId = await createPerson(t.db, { roles: ['officer'], email, password: PASSWORD });
});
after(() => t.close());

async function signIn(address: string, password: string, who = email) {
  const form = await getForm(t.app, '/sign-in');
  const response = await t.app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress: address,
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      email: who,
      password,
      _csrf: form.csrf,
      returnTo: '/account',
    }).toString(),
  });
  return { response, cookie: mergeCookies(form.cookie, response) };
}

test('signing in with the right password starts a session and goes where the person was heading', async () => {
  const { response, cookie } = await signIn('10.0.0.1', PASSWORD);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/account');
  const setCookie = String(response.headers['set-cookie']);
  assert.match(setCookie, /probity_session=[^;]+;.*HttpOnly/i);
  assert.match(setCookie, /SameSite=Lax/i);
  const account = await t.app.inject({ url: '/account', headers: { cookie } });
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /officer\.signin@test\.example/);
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'person')
    .where('entity_id', '=', String(personId))
    .execute();
  assert.ok(audit.some((a) => a.action === 'signed-in'));
});

test('a wrong password and an unknown email get the same answer, with the email kept', async () => {
  const wrong = await signIn('10.0.0.2', 'not the password');
  const unknown = await signIn('10.0.0.3', 'not the password', 'nobody.here@test.example');
  for (const { response } of [wrong, unknown]) {
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /govuk-error-summary/);
    assert.match(response.body, /Enter a correct email address and password/);
    assert.doesNotMatch(response.body, /no account|not found|does not exist/i);
  }
  assert.match(unknown.response.body, /value="nobody.here@test.example"/);
});

test('empty fields re-render the form with an error for each', async () => {
  const form = await getForm(t.app, '/sign-in');
  const response = await postForm(t.app, '/sign-in', { email: '', password: '' }, form);
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /href="#email"[^>]*>Enter your email address/);
  assert.match(response.body, /href="#password"[^>]*>Enter your password/);
});

test('repeated failures lock the account for a while without revealing whether it exists', async () => {
  const target = 'locked.person@test.example';
  await createPerson(t.db, {
    roles: ['member'],
    email: target,
    password: PASSWORD,
    kind: 'member',
  });
  const started = Date.now();
  for (let i = 0; i < 5; i += 1) await signIn(`10.1.0.${i}`, 'wrong guess', target);
  assert.ok(Date.now() - started >= 250 * (1 + 2 + 3 + 4), 'each failure slows the next answer');
  const locked = await signIn('10.1.1.1', PASSWORD, target); // the right password, but locked
  assert.equal(locked.response.statusCode, 400);
  assert.match(locked.response.body, /too many attempts to sign in/);
  // An email with no account locks the same way, so the lock reveals nothing.
  for (let i = 0; i < 5; i += 1) await signIn(`10.2.0.${i}`, 'wrong guess', 'ghost@test.example');
  const ghost = await signIn('10.2.1.1', 'anything', 'ghost@test.example');
  assert.match(ghost.response.body, /too many attempts to sign in/);
});

test('signing in replaces the session the browser had (no session fixation)', async () => {
  const first = await signIn('10.3.0.1', PASSWORD);
  const oldToken = /probity_session=([^;]+)/.exec(first.cookie)?.[1];
  assert.ok(oldToken);
  const form = await getForm(t.app, '/account', first.cookie);
  const second = await t.app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress: '10.3.0.1',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password: PASSWORD, _csrf: form.csrf }).toString(),
  });
  // Signing in again from a signed-in browser issues a new id and ends the old one.
  assert.equal(second.statusCode, 303);
  const newToken = /probity_session=([^;]+)/.exec(String(second.headers['set-cookie']))?.[1];
  assert.ok(newToken && newToken !== oldToken, 'a new session id is issued');
  const old = await t.db
    .selectFrom('sessions')
    .select('id_hash')
    .where('id_hash', '=', hashToken(oldToken))
    .execute();
  assert.equal(old.length, 0, 'the old session no longer exists');
});

test('an idle session and an expired session no longer sign anyone in', async () => {
  const settings = { idleMinutes: 30, absoluteHours: 12 };
  const idle = await createSession(t.db, personId, settings);
  await t.db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
    .where('id_hash', '=', hashToken(idle))
    .execute();
  const expired = await createSession(t.db, personId, settings);
  await t.db
    .updateTable('sessions')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('id_hash', '=', hashToken(expired))
    .execute();
  for (const token of [idle, expired]) {
    const response = await t.app.inject({
      url: '/dashboard',
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^\/sign-in/);
  }
});

test('sign out ends the session; sign out everywhere ends all of them', async () => {
  const a = await signIn('10.4.0.1', PASSWORD);
  const b = await signIn('10.4.0.2', PASSWORD);
  const formA = await getForm(t.app, '/account', a.cookie);
  const out = await postForm(t.app, '/sign-out', {}, formA);
  assert.equal(out.statusCode, 303);
  assert.equal(
    (await t.app.inject({ url: '/dashboard', headers: { cookie: a.cookie } })).statusCode,
    303,
  );
  assert.equal(
    (await t.app.inject({ url: '/dashboard', headers: { cookie: b.cookie } })).statusCode,
    200,
  );

  const c = await signIn('10.4.0.3', PASSWORD);
  const formC = await getForm(t.app, '/account', c.cookie);
  const everywhere = await postForm(t.app, '/account/sign-out-everywhere', {}, formC);
  assert.equal(everywhere.statusCode, 303);
  for (const cookie of [b.cookie, c.cookie]) {
    assert.equal((await t.app.inject({ url: '/dashboard', headers: { cookie } })).statusCode, 303);
  }
});

test('a form posted without its CSRF token, or with a wrong one, is refused with a helpful page', async () => {
  const { cookie } = await t.signInAs(['monitoring-officer']);
  const form = await getForm(t.app, '/admin/people/new', cookie);
  const missing = await t.app.inject({
    method: 'POST',
    url: '/admin/people',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'givenName=A&familyName=B',
  });
  const wrong = await postForm(
    t.app,
    '/admin/people',
    { givenName: 'A' },
    { cookie: form.cookie, csrf: 'forged' },
  );
  for (const response of [missing, wrong]) {
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /This form has expired/);
    assert.match(response.body, /Nothing was saved/);
  }
  const people = await t.db
    .selectFrom('people')
    .select('id')
    .where('given_name', '=', 'A')
    .execute();
  assert.equal(people.length, 0);
});

test('a set-password link works once, checks the password, and then lets the person sign in', async () => {
  const { cookie } = await t.signInAs(['democratic-services']);
  const newEmail = 'new.starter@test.example';
  const newId = await createPerson(t.db, { roles: ['member'], email: newEmail, kind: 'member' });
  const form = await getForm(t.app, `/admin/people/${newId}`, cookie);
  const invited = await postForm(t.app, `/admin/people/${newId}/invite`, {}, form);
  assert.equal(invited.statusCode, 303);
  const mail = await t.db
    .selectFrom('outbox')
    .select('body_text')
    .where('to_address', '=', newEmail)
    .executeTakeFirstOrThrow();
  const link = /http:\/\/probity\.test(\/set-password\/[A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1];
  assert.ok(link, 'the email carries the link');

  const page = await getForm(t.app, link);
  const short = await postForm(t.app, link, { password: 'short', confirmPassword: 'short' }, page);
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /Password must be 12 characters or more/);
  const mismatch = await postForm(
    t.app,
    link,
    { password: 'a long enough pass', confirmPassword: 'different one!' },
    page,
  );
  assert.match(mismatch.body, /The passwords do not match/);

  const ok = await postForm(
    t.app,
    link,
    { password: 'a long enough pass', confirmPassword: 'a long enough pass' },
    page,
  );
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/sign-in');
  const again = await t.app.inject({ url: link });
  assert.equal(again.statusCode, 404);
  assert.match(again.body, /This link has expired/);

  const signedIn = await signIn('10.5.0.1', 'a long enough pass', newEmail);
  assert.equal(signedIn.response.statusCode, 303);
});

test('returnTo never sends anyone to another site', async () => {
  const form = await getForm(t.app, '/sign-in');
  const response = await postForm(
    t.app,
    '/sign-in',
    { email, password: PASSWORD, returnTo: '//evil.example/steal' },
    form,
  );
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/dashboard');
});
