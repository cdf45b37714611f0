import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, readUntilCached, type TestApp } from '../../testing/app.js';
import {
  createAuthority,
  createCodeVersion,
  dataChanged,
  paragraph,
  sampleItems,
  section,
} from './testing.js';

/**
 * The public code pages over a council of the test's own: version 1 superseded, version 2 in
 * force (£10 threshold), version 3 a draft, version 4 adopted to come into force in 2099, and
 * versions in consultation, agreed and withdrawn that the public must not see.
 */
let t: TestApp;
let principalId: number;

before(async () => {
  t = await buildTestApp();
  principalId = await createAuthority(t.db, 'testshire', { name: 'Testshire Council' });
  const parishId = await createAuthority(t.db, 'little-test', {
    name: 'Little Test Parish Council',
    parentId: principalId,
  });
  await createAuthority(t.db, 'quiet-end', {
    name: 'Quiet End Parish Council',
    parentId: principalId,
  });
  await createCodeVersion(t.db, {
    authorityId: principalId,
    status: 'superseded',
    title: 'Code of Conduct 2021',
    items: sampleItems('v1 '),
    inForceFrom: '2021-05-01',
    supersededOn: '2022-06-01',
  });
  await createCodeVersion(t.db, {
    authorityId: principalId,
    status: 'in-force',
    title: 'Code of Conduct 2022',
    items: sampleItems('v2 '),
    adoptedOn: '2022-05-10',
    adoptedMinute: 'C 12/22',
    inForceFrom: '2022-06-01',
    giftsThresholdPence: 1000,
    giftsRegistrationDays: 28,
    registerRefusedOffers: true,
    trainingRequired: true,
  });
  await createCodeVersion(t.db, { authorityId: principalId, status: 'draft', title: 'Draft code' });
  await createCodeVersion(t.db, {
    authorityId: principalId,
    status: 'adopted',
    title: 'Code of Conduct 2099',
    items: sampleItems('v4 '),
    adoptedOn: '2098-12-01',
    inForceFrom: '2099-01-01',
  });
  for (const status of ['consultation', 'agreed', 'withdrawn'] as const) {
    await createCodeVersion(t.db, { authorityId: principalId, status, title: `A ${status} code` });
  }
  await createCodeVersion(t.db, {
    authorityId: parishId,
    status: 'in-force',
    title: 'Parish Code',
    inForceFrom: '2023-01-15',
    items: [section('Respect'), paragraph('Be courteous.')],
  });
  await dataChanged(t.db);
});
after(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });

/** The page's text without tags, spaces collapsed, entities for quotes and & decoded. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The element with this id, as HTML. */
function element(html: string, id: string): string {
  const match = new RegExp(`<(p|h2)\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  assert.ok(match, `an element with id ${id}`);
  return match[0];
}

test('/code lists each council with its code in force, parishes within their principal council', async () => {
  const response = await get('/code');
  assert.equal(response.statusCode, 200);
  const text = textOf(response.body);
  assert.match(
    text,
    /Testshire Council Code of Conduct 2022 \(Testshire Council\) ?, in force since 1 June 2022/,
  );
  assert.match(
    text,
    /Little Test Parish Council Parish Code \(Little Test Parish Council\) 15 January 2023/,
  );
  assert.match(text, /Quiet End Parish Council No code adopted yet/);
  assert.ok(text.indexOf('Testshire Council') < text.indexOf('Little Test Parish Council'));
  assert.match(response.body, /href="\/code\/testshire"/);
  assert.match(response.body, /href="\/code\/little-test"/);
  assert.doesNotMatch(text, /Draft code|A consultation code|A withdrawn code/);
});

test('/code/<slug> shows the code in force: status, settings, contents and every numbered item', async () => {
  const response = await get('/code/testshire');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  const text = textOf(html);
  assert.match(html, /<h1 class="govuk-heading-l">Code of Conduct 2022<\/h1>/);
  assert.match(text, /In force since 1 June 2022\. Adopted on 10 May 2022 \(minute C 12\/22\)\./);
  assert.doesNotMatch(html, /govuk-notification-banner/, 'no banner on the version in force');
  // Settings in words.
  assert.match(text, /Gifts and hospitality threshold £10:/);
  assert.match(text, /Time to register a gift or hospitality 28 days from receiving it/);
  assert.match(text, /Offers that were refused Must be registered as well/);
  assert.match(text, /Code of conduct training Members must take part in the training/);
  // The contents link to the sections and appendices.
  for (const [anchor, words] of [
    ['section-1', '1. v2 Respect'],
    ['section-2', '2. v2 Gifts and hospitality'],
    ['appendix-a', 'Appendix A: v2 The seven principles'],
  ]) {
    assert.match(html, new RegExp(`<a class="govuk-link" href="#${anchor}">${words}</a>`));
    assert.match(html, new RegExp(`id="${anchor}"`));
  }
  // Every item with its number, at its anchor.
  assert.match(textOf(element(html, 'para-1-1')), /^1\.1 v2 Treat other members/);
  assert.match(textOf(element(html, 'para-2-1-a')), /^2\.1\(a\) v2 offered because/);
  assert.match(element(html, 'para-2-1-a'), /probity-code__para--depth-2/);
  assert.match(textOf(element(html, 'para-a-1')), /^A\.1 v2 Selflessness/);
  // Local additions: italic (by class) and labelled in words; model text neither.
  const local = element(html, 'para-2-2');
  assert.match(local, /probity-code__para--local/);
  assert.match(textOf(local), /^2\.2 Local addition v2 Tell the Monitoring Officer/);
  const model = element(html, 'para-1-1');
  assert.doesNotMatch(model, /probity-code__para--local|Local addition/);
  assert.match(text, /printed in italics and labelled "Local addition"/, 'the legend');
  // Ways on.
  assert.match(html, /href="\/code\/testshire\?only=local">Show only the local additions \(2\)</);
  assert.match(html, /href="\/code\/testshire\/2\/print"/);
  assert.match(html, /href="\/code\/testshire\/2\/word"/);
  assert.match(html, /href="\/code\/testshire\/versions"/);
  assert.match(html, /href="\/code\/testshire\/compare\?from=1&amp;to=2"/);
});

test('a version by number has the same anchors, so a paragraph link keeps working', async () => {
  const response = await get('/code/testshire/2');
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /id="para-2-1"/);
  assert.match(textOf(element(response.body, 'para-2-1')), /^2\.1 v2 Register any gift/);
});

test('a superseded version says it is no longer in force, when it applied, and links to the code in force', async () => {
  const response = await get('/code/testshire/1');
  assert.equal(response.statusCode, 200);
  const banner = /<div class="govuk-notification-banner"[\s\S]*?<\/div>\s*<\/div>/.exec(
    response.body,
  )?.[0];
  assert.ok(banner, 'an important banner');
  assert.match(textOf(banner), /This version is no longer in force/);
  assert.match(textOf(banner), /Was in force from 1 May 2021 until 1 June 2022\./);
  assert.match(banner, /href="\/code\/testshire"/);
  assert.match(textOf(element(response.body, 'para-1-1')), /v1 Treat other members/);
  // The oldest version compares with the next one.
  assert.match(response.body, /href="\/code\/testshire\/compare\?from=1&amp;to=2"/);
});

test('an adopted version coming into force later says it is not yet in force', async () => {
  const response = await get('/code/testshire/4');
  assert.equal(response.statusCode, 200);
  const text = textOf(response.body);
  assert.match(text, /This version is not yet in force/);
  assert.match(text, /comes into force on 1 January 2099/);
  assert.match(text, /Read the code in force now \(version 2\)/);
  assert.match(response.body, /href="\/code\/testshire\/compare\?from=2&amp;to=4"/);
});

test('drafts, versions in consultation, agreed or withdrawn, and unknown addresses answer 404', async () => {
  const notFound = [
    '/code/testshire/3',
    '/code/testshire/5',
    '/code/testshire/6',
    '/code/testshire/7',
    '/code/testshire/3/print',
    '/code/testshire/3/word',
    '/code/testshire/7/word',
    '/code/testshire/99',
    '/code/testshire/99/print',
    '/code/no-such-council',
    '/code/no-such-council/1',
    '/code/no-such-council/versions',
    '/code/testshire/two',
    '/code/testshire/02',
    '/code/testshire/1e0',
    '/code/testshire/-1',
    '/code/testshire/0',
    '/code/testshire/99999999999',
    '/code/Not_A_Slug',
    '/code/testshire/two/word',
  ];
  for (const url of notFound) {
    const response = await get(url);
    assert.equal(response.statusCode, 404, url);
  }
  // Signed in makes no difference: the public addresses publish only published versions.
  const { cookie } = await t.signInAs(['monitoring-officer']);
  assert.equal((await get('/code/testshire/3', cookie)).statusCode, 404);
});

test('?only=local lists only the local additions, each with its number and a link to its place', async () => {
  const response = await get('/code/testshire/2?only=local');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  const text = textOf(html);
  assert.match(html, /<h1 class="govuk-heading-l">Local additions: Code of Conduct 2022<\/h1>/);
  assert.match(text, /2\.1\(b\) Local addition v2 including offers you turned down/);
  assert.match(text, /2\.2 Local addition v2 Tell the Monitoring Officer/);
  assert.doesNotMatch(text, /v2 Treat other members|v2 Selflessness/, 'no model text');
  assert.match(
    html,
    /href="\/code\/testshire\/2#para-2-1-b">Paragraph 2\.1\(b\) in the full code</,
  );
  assert.match(html, /href="\/code\/testshire\/2#para-2-2">Paragraph 2\.2 in the full code</);
  assert.match(html, /href="\/code\/testshire\/2">Show the whole code</);
  // From the code in force, the links stay on its address.
  const inForce = await get('/code/testshire?only=local');
  assert.match(inForce.body, /href="\/code\/testshire#para-2-2"/);
  // Any other value shows the whole code.
  const other = await get('/code/testshire/2?only=everything');
  assert.equal(other.statusCode, 200);
  assert.match(textOf(other.body), /v2 Treat other members/);
});

test('a version without local additions says so', async () => {
  const response = await get('/code/little-test?only=local');
  assert.equal(response.statusCode, 200);
  assert.match(textOf(response.body), /This version has no local additions/);
});

test('the versions page lists published versions with their dates, never drafts', async () => {
  const response = await get('/code/testshire/versions');
  assert.equal(response.statusCode, 200);
  const rows = [...response.body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((m) =>
      [...(m[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => textOf(c[1] ?? '')),
    );
  assert.deepEqual(rows, [
    [
      'Version 4',
      'Code of Conduct 2099',
      '1 December 2098',
      '1 January 2099',
      '',
      'Adopted, not yet in force',
    ],
    ['Version 2', 'Code of Conduct 2022', '10 May 2022', '1 June 2022', '', 'In force'],
    [
      'Version 1',
      'Code of Conduct 2021',
      '20 April 2021',
      '1 May 2021',
      '1 June 2022',
      'No longer in force',
    ],
  ]);
  assert.match(response.body, /href="\/code\/testshire\/1"/);
});

test('a council without a code in force says so', async () => {
  const response = await get('/code/quiet-end');
  assert.equal(response.statusCode, 200);
  assert.match(textOf(response.body), /No code of conduct in force/);
  assert.match(textOf(response.body), /No code adopted yet/);
  const versions = await get('/code/quiet-end/versions');
  assert.equal(versions.statusCode, 200);
  assert.match(textOf(versions.body), /has not published a code of conduct here yet/);
});

test('the print page has the text, the marking and the anchors, without the service navigation', async () => {
  const response = await get('/code/testshire/1/print');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.doesNotMatch(html, /govuk-service-navigation/);
  assert.match(html, /<h1 class="govuk-heading-l">Code of Conduct 2021<\/h1>/);
  assert.match(textOf(html), /This version is no longer in force/);
  assert.match(textOf(html), /Gifts and hospitality threshold £50:/, 'the default threshold');
  const local = element(html, 'para-2-2');
  assert.match(local, /probity-code__para--local/);
  assert.match(textOf(local), /^2\.2 Local addition v1 Tell/);
  assert.match(html, /href="\/code\/testshire\/1"/, 'back to the code');
});

test('public pages are cached for visitors and follow changes to the data', async () => {
  const first = await get('/code/little-test');
  assert.equal(first.headers['x-probity-cache'], 'miss');
  await readUntilCached(() => get('/code/little-test'));
  await t.db
    .updateTable('code_versions')
    .set({ title: 'Parish Code (revised title)' })
    .where('title', '=', 'Parish Code')
    .execute();
  await dataChanged(t.db);
  const third = await get('/code/little-test');
  assert.match(third.body, /Parish Code \(revised title\)/);
});
