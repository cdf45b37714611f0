import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildTestApp,
  createPerson,
  getForm,
  mergeCookies,
  readUntilCached,
  type TestApp,
} from '../../testing/app.js';

/**
 * The sign-in page is kept until the data changes (it is the page every visitor loads first),
 * with a hole where each visitor's own CSRF token goes.
 */
let t: TestApp;
const PASSWORD = 'correct horse battery staple';
const email = 'cached.signin@test.example';

before(async () => {
  t = await buildTestApp();
  await createPerson(t.db, { roles: ['officer'], email, password: PASSWORD });
});
after(() => t.close());

const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];

function postSignIn(cookie: string, csrf: string) {
  return t.app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password: PASSWORD, _csrf: csrf }).toString(),
  });
}

test('the sign-in page comes from the cache, each visitor with a token and cookie of their own', async () => {
  await t.app.inject({ url: '/sign-in' });
  const first = await readUntilCached(() => t.app.inject({ url: '/sign-in' }), 'the sign-in page');
  const second = await t.app.inject({ url: '/sign-in' });
  assert.equal(second.headers['x-probity-cache'], 'hit');
  for (const response of [first, second]) {
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(response.body, /placeholder/);
    assert.match(String(response.headers['set-cookie']), /probity_csrf=/);
  }
  const a = { cookie: mergeCookies('', first), csrf: tokenOf(first.body) };
  const b = { cookie: mergeCookies('', second), csrf: tokenOf(second.body) };
  assert.ok(a.csrf && b.csrf);
  assert.notEqual(a.csrf, b.csrf, 'a token is never shared between visitors');
  assert.notEqual(a.cookie, b.cookie);

  // One visitor's token does not go with another's cookie ...
  const crossed = await postSignIn(b.cookie, a.csrf);
  assert.equal(crossed.statusCode, 403);
  // ... and each works with its own.
  const signedIn = await postSignIn(a.cookie, a.csrf);
  assert.equal(signedIn.statusCode, 303);
  assert.equal(signedIn.headers.location, '/dashboard');
});

test('a visitor who has a CSRF cookie already keeps it, and the token goes with it', async () => {
  const form = await getForm(t.app, '/sign-in');
  const again = await t.app.inject({ url: '/sign-in', headers: { cookie: form.cookie } });
  assert.equal(again.headers['set-cookie'], undefined, 'no new secret for a returning visitor');
  const token = tokenOf(again.body);
  assert.ok(token);
  const response = await postSignIn(form.cookie, token);
  assert.equal(response.statusCode, 303);
});

test('where to go after signing in is part of the cached page, and unsafe places are refused', async () => {
  const read = (url: string) => readUntilCached(() => t.app.inject({ url }), url);
  const account = await read('/sign-in?returnTo=%2Faccount');
  const plain = await read('/sign-in');
  const outside = await read('/sign-in?returnTo=https%3A%2F%2Fevil.example%2F');
  assert.match(account.body, /name="returnTo" value="\/account"/);
  assert.doesNotMatch(plain.body, /name="returnTo" value="\/account"/);
  assert.doesNotMatch(outside.body, /evil\.example/);
});

test('a signed-in person is sent to their dashboard, never served the cached form', async () => {
  const form = await getForm(t.app, '/sign-in');
  const signedIn = await postSignIn(form.cookie, form.csrf);
  const cookie = mergeCookies(form.cookie, signedIn);
  const response = await t.app.inject({ url: '/sign-in', headers: { cookie } });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/dashboard');
});
