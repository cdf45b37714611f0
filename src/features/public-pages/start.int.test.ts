import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { createAuthority, createCodeVersion } from '../code-of-conduct/testing.js';

let t: TestApp;

before(async () => {
  t = await buildTestApp();
  const withCode = await createAuthority(t.db, 'coded-city', { name: 'Coded City Council' });
  await createAuthority(t.db, 'uncoded-borough', { name: 'Uncoded Borough Council' });
  await createCodeVersion(t.db, {
    authorityId: withCode,
    status: 'in-force',
    title: 'Coded City Code',
    inForceFrom: '2021-05-01',
  });
});
after(() => t.close());

const navigation = (html: string): string[] =>
  [...html.matchAll(/<a class="govuk-service-navigation__link" href="([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );

test('the start page leads to the code of conduct of each principal council and of every council', async () => {
  const response = await t.app.inject({ url: '/' });
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(
    html,
    /<a class="govuk-link[^"]*" href="\/code\/coded-city">Read the Coded City Council code of conduct<\/a>/,
  );
  assert.match(html, /Coded City Code, in force since 1 May 2021/);
  assert.match(html, /Uncoded Borough Council has not published a code of conduct here yet/);
  assert.doesNotMatch(html, /href="\/code\/uncoded-borough"/);
  assert.match(html, /<a class="govuk-link" href="\/code">Codes of conduct of every council<\/a>/);
  // The code comes before everything else the page offers.
  assert.ok(html.indexOf('href="/code"') < html.indexOf('href="/councils"'));
});

test('visitors have the code of conduct in their navigation; signed-in people do not', async () => {
  const anonymous = await t.app.inject({ url: '/' });
  assert.deepEqual(navigation(anonymous.body), [
    '/',
    '/code',
    '/councils',
    '/meetings',
    '/sign-in',
  ]);
  const code = await t.app.inject({ url: '/code' });
  assert.match(
    code.body,
    /<a class="govuk-service-navigation__link" href="\/code" aria-current="(page|true)"/,
  );
  const { cookie } = await t.signInAs(['member']);
  const signedIn = await t.app.inject({ url: '/code', headers: { cookie } });
  assert.equal(signedIn.statusCode, 200);
  assert.ok(!navigation(signedIn.body).includes('/code'));
});
