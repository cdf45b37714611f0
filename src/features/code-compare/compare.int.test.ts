import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, readUntilCached, type TestApp } from '../../testing/app.js';
import { insertAuthority, insertVersion, twoVersions } from './testing.js';

let t: TestApp;
let council: number;
const v: Record<string, { id: number; number: number }> = {};

/**
 * Compare City: version 1 superseded, 2 in force, 3 a draft, 4 adopted (not yet in force) whose
 * text holds markup. Other Town has a version of its own.
 */
before(async () => {
  t = await buildTestApp();
  council = await insertAuthority(t.db, 'compare-city', 'Compare City Council');
  const { first, second } = twoVersions();
  v.first = await insertVersion(t.db, { authorityId: council, status: 'superseded', items: first });
  v.second = await insertVersion(t.db, { authorityId: council, status: 'in-force', items: second });
  v.draft = await insertVersion(t.db, {
    authorityId: council,
    status: 'draft',
    items: second,
    basedOn: v.second.id,
  });
  const marked = twoVersions('<script>alert("x")</script> & keep <b>secrets</b>');
  v.marked = await insertVersion(t.db, {
    authorityId: council,
    status: 'adopted',
    items: marked.second,
  });
  const town = await insertAuthority(t.db, 'other-town', 'Other Town Council');
  v.other = await insertVersion(t.db, { authorityId: town, status: 'in-force', items: first });
});
after(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });

/** The summary lists' rows as key → value text. */
function summaryRows(html: string): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const m of html.matchAll(
    /<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g,
  )) {
    const text = (s: string) =>
      s
        .replace(/<br>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    rows[text(m[1] ?? '')] = text(m[2] ?? '');
  }
  return rows;
}

/** Each change shown: its title and tags, as text without markup. */
function changeTitles(html: string): string[] {
  return [
    ...html.matchAll(
      /<h3 class="govuk-heading-s[^"]*">([\s\S]*?)<\/h3>\s*<p[^>]*>([\s\S]*?)<\/p>/g,
    ),
  ].map((m) =>
    `${m[1]} | ${m[2]}`
      .replace(/<span class="govuk-visually-hidden">[^<]*<\/span>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe('the public comparison', () => {
  test('shows the changes between two published versions, counted and word by word', async () => {
    const response = await get('/code/compare-city/compare?from=1&to=2');
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<h1 class="govuk-heading-l">Changes from version 1 to version 2<\/h1>/);
    const summary = summaryRows(html);
    assert.match(summary.From ?? '', /^Version 1: .* In force from 1 May 2021 to 1 May 2022$/);
    assert.match(summary.To ?? '', /^Version 2: .* In force since 1 May 2022$/);
    assert.deepEqual(
      [
        'Added',
        'Removed',
        'Wording changed',
        'Moved',
        'Marking changed',
        'Renumbered',
        'Unchanged',
      ].map((key) => summary[key]),
      ['2', '1', '1', '1', '1', '2', '7'],
    );
    assert.deepEqual(changeTitles(html), [
      'Paragraph 1.2 | Removed',
      'Paragraph 2.2 → 1.3 | Moved Renumbered',
      'Paragraph 3.1 | Wording changed',
      'Paragraph 3.2 | Marking changed',
      'Section 4 | Added',
      'Paragraph 4.1 | Added',
    ]);
    assert.ok(
      html.includes(
        '£<del class="probity-diff__del"><span class="govuk-visually-hidden">[removed: </span>50<span class="govuk-visually-hidden">]</span></del>' +
          '<ins class="probity-diff__ins"><span class="govuk-visually-hidden">[added: </span>10<span class="govuk-visually-hidden">]</span></ins> within',
      ),
      'the threshold change is marked word by word, with hidden markers',
    );
    assert.match(html, /Moved from 2\.2/);
    assert.match(html, /Now a local addition \(it was model code text\)/);
    assert.match(
      html,
      /7 unchanged paragraphs and headings are not shown \(1 of them only renumbered\)\./,
    );
    assert.match(html, /href="\/code\/compare-city\/compare\?from=1&amp;to=2&amp;all=1#changes"/);
    // Links to each paragraph where it is, in the version it is in.
    assert.match(html, /href="\/code\/compare-city\/1#para-1-2"/);
    assert.match(html, /href="\/code\/compare-city\/2#para-3-1"/);
  });

  test('with all=1 every item of both versions is shown, in the newer order', async () => {
    const response = await get('/code/compare-city/compare?from=1&to=2&all=1');
    assert.equal(response.statusCode, 200);
    const titles = changeTitles(response.body);
    assert.equal(titles.length, 13);
    assert.deepEqual(titles.slice(0, 5), [
      'Section 1 | Unchanged',
      'Paragraph 1.1 | Unchanged',
      'Paragraph 1.2 | Removed',
      'Paragraph 1.3 → 1.2 | Renumbered',
      'Paragraph 2.2 → 1.3 | Moved Renumbered',
    ]);
    assert.match(response.body, /Hide unchanged paragraphs/);
    assert.doesNotMatch(response.body, /are not shown/);
  });

  test('comparing backwards shows the same changes the other way round', async () => {
    const response = await get('/code/compare-city/compare?from=2&to=1');
    assert.equal(response.statusCode, 200);
    const summary = summaryRows(response.body);
    assert.deepEqual([summary.Added, summary.Removed], ['1', '2']);
    assert.match(response.body, /Now model code text \(it was a local addition\)/);
  });

  test('anonymous readers get the page from the cache the second time', async () => {
    const url = '/code/compare-city/compare?from=1&to=2&all=1';
    await get(url);
    await readUntilCached(() => get(url), url);
  });

  test('text from the database is escaped; only the change markup is HTML', async () => {
    const response = await get('/code/compare-city/compare?from=2&to=4');
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(response.body, /<script>alert/);
    assert.doesNotMatch(response.body, /<b>secrets/);
    assert.match(response.body, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.match(response.body, /&amp; keep &lt;b&gt;secrets&lt;\/b&gt;/);
  });

  test('a draft, an unknown version or council, or another council’s number is a 404', async () => {
    for (const url of [
      '/code/compare-city/compare?from=2&to=3', // 3 is a draft
      '/code/compare-city/compare?from=3&to=1',
      '/code/compare-city/compare?from=1&to=99',
      '/code/nowhere/compare?from=1&to=2',
      '/code/other-town/compare?from=1&to=2', // Other Town has only version 1
      '/code/Not_A_Slug/compare',
      '/code/nowhere/compare',
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.doesNotMatch(response.body, /Version 3/, url);
    }
  });

  test('without versions chosen, a form offers the published ones, latest change first', async () => {
    const response = await get('/code/compare-city/compare');
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<form method="get" action="\/code\/compare-city\/compare"/);
    const options = (name: string) =>
      [
        ...(
          html.match(new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?</select>`))?.[0] ?? ''
        ).matchAll(/<option value="(\d+)"( selected)?/g),
      ].map((m) => `${m[1]}${m[2] ? '*' : ''}`);
    assert.deepEqual(options('from'), ['4', '2', '1*'], 'the draft (3) is not offered');
    assert.deepEqual(options('to'), ['4', '2*', '1']);
    assert.match(html, /name="all" type="checkbox" value="1"/);
  });

  test('a council with one published version says there is nothing to compare', async () => {
    const response = await get('/code/other-town/compare');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /published only one version/);
    assert.doesNotMatch(response.body, /<select/);
  });

  test('the same version twice, or one left out, is the form again with what is wrong', async () => {
    const cases: [string, string][] = [
      ['from=2&to=2', 'Choose two different versions to compare'],
      ['from=2', 'Choose the version to compare to'],
      ['from=two&to=1', 'Choose the version to compare from'],
      ['from=&to=1&all=1', 'Choose the version to compare from'],
    ];
    for (const [query, message] of cases) {
      const response = await get(`/code/compare-city/compare?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.match(response.body, /<title>Error: /, query);
      assert.match(response.body, /govuk-error-summary/, query);
      assert.ok(response.body.includes(message), `${query}: ${message}`);
    }
  });
});

describe('the administrators’ comparison', () => {
  let admin: string;
  before(async () => {
    // an administrator of the versions' council (another council's versions answer 404)
    admin = (await t.signInAs(['democratic-services'], { authorityId: council })).cookie;
  });

  test('compares a draft with the version in force, from the older to the newer', async () => {
    const response = await get(
      `/admin/code/versions/${v.first!.id}/compare?with=${v.draft!.id}`,
      admin,
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Changes from version 1 to version 3/);
    assert.equal(summaryRows(response.body).Added, '2');
    assert.match(response.body, new RegExp(`href="/admin/code/versions/${v.draft!.id}#para-3-1"`));
    const same = await get(
      `/admin/code/versions/${v.draft!.id}/compare?with=${v.second!.id}`,
      admin,
    );
    assert.equal(same.statusCode, 200);
    assert.match(same.body, /The two versions have the same paragraphs and headings/);
    assert.match(same.body, /12 unchanged paragraphs and headings are not shown/);
  });

  test('without another version chosen, a form suggests the one this was copied from', async () => {
    const response = await get(`/admin/code/versions/${v.draft!.id}/compare`, admin);
    assert.equal(response.statusCode, 200);
    const select = response.body.match(/<select[^>]*name="with"[\s\S]*?<\/select>/)?.[0] ?? '';
    const options = [...select.matchAll(/<option value="(\d+)"( selected)?[^>]*>([^<]*)</g)].map(
      (m) => `${m[1] === String(v.second!.id) && m[2] ? '*' : ''}${m[3]!.trim()}`,
    );
    assert.deepEqual(options, [
      'Version 4 (adopted, in force from 1 May 2024)',
      '*Version 2 (in force since 1 May 2022)',
      'Version 1 (in force from 1 May 2021 to 1 May 2022)',
    ]);
  });

  test('another council’s version, an unknown one, or an unknown version is a 404', async () => {
    for (const url of [
      `/admin/code/versions/${v.second!.id}/compare?with=${v.other!.id}`,
      `/admin/code/versions/${v.second!.id}/compare?with=999999`,
      `/admin/code/versions/999999/compare?with=${v.second!.id}`,
      `/admin/code/versions/999999/compare`,
      `/admin/code/versions/abc/compare`,
    ]) {
      assert.equal((await get(url, admin)).statusCode, 404, url);
    }
  });

  test('comparing a version with itself is the form again, with status 400', async () => {
    const response = await get(
      `/admin/code/versions/${v.second!.id}/compare?with=${v.second!.id}`,
      admin,
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Choose a version other than this one/);
  });

  test('only administrators may use it', async () => {
    const url = `/admin/code/versions/${v.second!.id}/compare?with=${v.first!.id}`;
    const anonymous = await get(url);
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/sign-in\?returnTo=/);
    const member = (await t.signInAs(['member'])).cookie;
    assert.equal((await get(url, member)).statusCode, 403);
    const mo = await t.signInAs(['monitoring-officer']);
    assert.equal((await get(url, mo.cookie)).statusCode, 404, 'another council’s administrator');
    await t.db
      .updateTable('people')
      .set({ authority_id: council })
      .where('id', '=', mo.personId)
      .execute();
    assert.equal((await get(url, mo.cookie)).statusCode, 200);
  });
});
