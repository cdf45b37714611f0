import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, mergeCookies, postForm, type TestApp } from '../../testing/app.js';
import { listItems } from '../code-of-conduct/index.js';
import { buildDocx, uploadCodeFile, type UploadedFile } from './test-support.js';

let t: TestApp;
let admin: { cookie: string; personId: number };
let otherCouncilId: number;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['monitoring-officer']);
  const own = await t.db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'test-council')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('authorities')
    .values([
      { slug: 'test-parish', name: 'Test Parish Council', kind: 'parish', parent_id: own.id },
      { slug: 'elsewhere', name: 'Elsewhere Borough Council', kind: 'principal', parent_id: null },
    ])
    .execute();
  otherCouncilId = (
    await t.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'elsewhere')
      .executeTakeFirstOrThrow()
  ).id;
});
after(() => t.close());

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Upload a file for a council; the preview's URL. */
async function upload(
  file: UploadedFile,
  slug = 'test-council',
  fields: Record<string, string> = {},
) {
  const { response } = await uploadCodeFile(t.app, admin.cookie, slug, file, fields);
  assert.equal(response.statusCode, 303, response.body.slice(0, 3000));
  const location = String(response.headers.location);
  assert.match(location, /^\/admin\/code\/imports\/\d+$/);
  return location;
}

async function confirm(previewUrl: string) {
  const preview = await getForm(t.app, previewUrl, admin.cookie);
  return postForm(t.app, `${previewUrl}/confirm`, {}, preview);
}

const itemsOf = async (versionId: number) =>
  (await listItems(t.db, versionId)).map(
    (i) => `${i.number} ${i.heading ?? i.body}${i.origin === 'local' ? ' [local]' : ''}`,
  );

const versionIdFrom = (location: string | undefined) =>
  Number(/\/admin\/code\/versions\/(\d+)$/.exec(String(location))?.[1]);

describe('importing a Word document', () => {
  let previewUrl: string;

  test('a .docx built as a council writes one is read into sections, paragraphs, local additions and appendices', async () => {
    const docx = await buildDocx([
      { title: 'Members’ Code of Conduct' },
      { text: 'Adopted by full Council.' },
      { heading: '1. Respect' },
      { text: '1.1\tYou treat councillors, officers and the public courteously.' },
      { text: '1.2\tYou do not bully or harass anyone.' },
      {
        runs: [
          { text: '1.3\t' },
          { text: 'You reply to residents within ten working days.', italic: true },
        ],
      },
      { text: '1.6\tA paragraph whose number jumps.' },
      { heading: '2. Gifts and hospitality' },
      { listItem: 'You register gifts worth £10 or more within 28 days.' },
      { listItem: 'including hospitality', level: 1 },
      { listItem: 'You register offers you refused.' },
      { text: 'A new paragraph the council added.', italic: true },
      { heading: 'Appendix A: The seven principles' },
      { text: 'Selflessness: acting in the public interest.' },
      {
        table: [
          ['Principle', 'Meaning'],
          ['Openness', 'Decisions made in the open'],
        ],
      },
    ]);
    previewUrl = await upload({ name: 'Code of conduct 2021.docx', content: docx, type: DOCX });
    const preview = await t.app.inject({ url: previewUrl, headers: { cookie: admin.cookie } });
    assert.equal(preview.statusCode, 200);
    const body = preview.body;
    assert.match(body, /<h1 class="govuk-heading-l">Check the imported code<\/h1>/);
    assert.match(body, /Code of conduct 2021\.docx \(Word document\)/);
    assert.match(body, /Members’ Code of Conduct/);
    for (const line of [
      '2 sections',
      '10 paragraphs',
      '1 sub-paragraph',
      '1 appendix',
      '2 local additions',
      '1 part left out',
    ]) {
      assert.match(body, new RegExp(`<li>${line}</li>`), line);
    }
    assert.match(
      body,
      /Paragraph 2<\/td>\s*<td[^>]*>Adopted by full Council\.<\/td>\s*<td[^>]*>Text before the first heading/,
    );
    assert.match(body, /Numbered 1\.6 in the document, straight after 1\.3: it will be 1\.4/);
    assert.match(body, /each of its rows was imported as one paragraph/);
    assert.match(
      body,
      /<em>You reply to residents within ten working days\.<\/em> <strong class="govuk-tag govuk-tag--yellow">Local addition<\/strong>/,
    );
    assert.match(body, /Create the draft/);
    // nothing is saved before the draft is created
    assert.equal((await t.db.selectFrom('code_versions').select('id').execute()).length, 0);
  });

  test('creating the draft saves it, numbered as the preview showed, and sends the administrator to it', async () => {
    const response = await confirm(previewUrl);
    assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
    const versionId = versionIdFrom(response.headers.location);
    const version = await t.db
      .selectFrom('code_versions')
      .selectAll()
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow();
    assert.equal(version.status, 'draft');
    assert.equal(version.number, 1);
    assert.equal(version.title, 'Members’ Code of Conduct');
    assert.equal(version.gifts_threshold_pence, 5000);
    assert.equal(version.gifts_registration_days, 28);
    assert.equal(version.created_by, admin.personId);
    assert.deepEqual(await itemsOf(versionId), [
      '1 Respect',
      '1.1 You treat councillors, officers and the public courteously.',
      '1.2 You do not bully or harass anyone.',
      '1.3 You reply to residents within ten working days. [local]',
      '1.4 A paragraph whose number jumps.',
      '2 Gifts and hospitality',
      '2.1 You register gifts worth £10 or more within 28 days.',
      '2.1(a) including hospitality',
      '2.2 You register offers you refused.',
      '2.3 A new paragraph the council added. [local]',
      'A The seven principles',
      'A.1 Selflessness: acting in the public interest.',
      'A.2 Principle – Meaning',
      'A.3 Openness – Decisions made in the open',
    ]);
    const anchors = (await listItems(t.db, versionId)).map((i) => i.anchor);
    assert.deepEqual(anchors.slice(0, 3), ['section-1', 'para-1-1', 'para-1-2']);
    const used = await t.db
      .selectFrom('code_imports')
      .select('version_id')
      .executeTakeFirstOrThrow();
    assert.equal(used.version_id, versionId);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['entity', 'action', 'actor_person_id'])
      .where('entity', 'in', ['code_version', 'code_import'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => `${a.entity} ${a.action} ${a.actor_person_id === admin.personId}`),
      ['code_import uploaded true', 'code_version imported true', 'code_import used true'],
    );
    const banner = await t.app.inject({
      url: String(response.headers.location),
      headers: { cookie: mergeCookies(admin.cookie, response) },
    });
    // the version page belongs to another feature; the redirect is what this one promises
    assert.ok([200, 404].includes(banner.statusCode));
  });

  test('an import makes one draft only: a second confirmation is refused and changes nothing', async () => {
    const again = await confirm(previewUrl);
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /This import has already been used to create draft version 1/);
    assert.doesNotMatch(again.body, /Create the draft/);
    assert.equal((await t.db.selectFrom('code_versions').select('id').execute()).length, 1);
    const preview = await t.app.inject({ url: previewUrl, headers: { cookie: admin.cookie } });
    assert.match(
      preview.body,
      /already been used to create <a class="govuk-link" href="\/admin\/code\/versions\/\d+">draft version 1<\/a>/,
    );
  });

  test('two confirmations at once make one draft', async () => {
    const docx = await buildDocx([{ heading: 'Respect' }, { text: 'Be courteous.' }]);
    const url = await upload({ name: 'code.docx', content: docx }, 'test-council', {
      title: 'Version two',
    });
    const preview = await getForm(t.app, url, admin.cookie);
    const [a, b] = await Promise.all([
      postForm(t.app, `${url}/confirm`, {}, preview),
      postForm(t.app, `${url}/confirm`, {}, preview),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [303, 409]);
    const versions = await t.db
      .selectFrom('code_versions')
      .select(['number', 'title'])
      .orderBy('number')
      .execute();
    assert.deepEqual(versions, [
      { number: 1, title: 'Members’ Code of Conduct' },
      { number: 2, title: 'Version two' },
    ]);
  });
});

describe('importing Markdown', () => {
  test('headings, numbered paragraphs, lists and italic paragraphs; a byte order mark is fine', async () => {
    const markdown = [
      '# Code of Conduct for Test Parish Council',
      '',
      '## 1. Respect',
      '',
      '1.1 You treat people with respect.',
      '',
      '*1.2 Parish councillors reply to residents promptly.*',
      '',
      '## 2. Confidentiality',
      '',
      '2.1 You keep confidential information confidential:',
      '',
      '- (a) unless you must disclose it by law;',
      '- (b) or it is already public.',
      '',
      '## Appendix A – Registering interests',
      '',
      '_Register any interest within 28 days._',
      '',
    ].join('\n');
    const url = await upload(
      {
        name: 'Parish côde ‘2024’.md',
        content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(markdown)]),
      },
      'test-parish',
    );
    const preview = await t.app.inject({ url, headers: { cookie: admin.cookie } });
    assert.match(preview.body, /Parish côde ‘2024’\.md \(Markdown\)/);
    assert.match(preview.body, /<li>0 parts left out<\/li>/);
    const response = await confirm(url);
    assert.equal(response.statusCode, 303);
    const versionId = versionIdFrom(response.headers.location);
    assert.deepEqual(await itemsOf(versionId), [
      '1 Respect',
      '1.1 You treat people with respect.',
      '1.2 Parish councillors reply to residents promptly. [local]',
      '2 Confidentiality',
      '2.1 You keep confidential information confidential:',
      '2.1(a) unless you must disclose it by law;',
      '2.1(b) or it is already public.',
      'A Registering interests',
      'A.1 Register any interest within 28 days. [local]',
    ]);
    const version = await t.db
      .selectFrom('code_versions as v')
      .innerJoin('authorities as a', 'a.id', 'v.authority_id')
      .select(['a.slug', 'v.title', 'v.number'])
      .where('v.id', '=', versionId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(version, {
      slug: 'test-parish',
      title: 'Code of Conduct for Test Parish Council',
      number: 1,
    });
  });

  test('a file with nothing that can be placed shows why, and no draft can be created from it', async () => {
    const url = await upload({
      name: 'notes.txt',
      content: 'Just a note with no headings at all.\n',
    });
    const preview = await t.app.inject({ url, headers: { cookie: admin.cookie } });
    assert.match(preview.body, /Nothing in the file could be placed in a code/);
    assert.match(preview.body, /Text before the first heading/);
    assert.doesNotMatch(preview.body, /Create the draft/);
    const response = await confirm(url);
    assert.equal(response.statusCode, 409);
    assert.match(
      response.body,
      /Nothing in the file could be placed in a code, so there is nothing to create/,
    );
  });
});

describe('who may import, and for which council', () => {
  test('another council’s import and upload page do not exist for this administrator', async () => {
    const row = await t.db
      .insertInto('code_imports')
      .values({
        authority_id: otherCouncilId,
        file_name: 'x.md',
        format: 'markdown',
        parsed: JSON.stringify({ title: 'X', items: [], problems: [] }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const preview = await t.app.inject({
      url: `/admin/code/imports/${row.id}`,
      headers: { cookie: admin.cookie },
    });
    assert.equal(preview.statusCode, 404);
    const own = await getForm(t.app, '/admin/code/test-council/import', admin.cookie);
    const confirmed = await postForm(t.app, `/admin/code/imports/${row.id}/confirm`, {}, own);
    assert.equal(confirmed.statusCode, 404);
    const page = await t.app.inject({
      url: '/admin/code/elsewhere/import',
      headers: { cookie: admin.cookie },
    });
    assert.equal(page.statusCode, 404);
    for (const url of [
      '/admin/code/imports/not-a-number',
      '/admin/code/imports/999999',
      '/admin/code/No_Such/import',
    ]) {
      assert.equal(
        (await t.app.inject({ url, headers: { cookie: admin.cookie } })).statusCode,
        404,
        url,
      );
    }
  });

  test('a councillor may not import', async () => {
    const member = await t.signInAs(['member']);
    const page = await t.app.inject({
      url: '/admin/code/test-council/import',
      headers: { cookie: member.cookie },
    });
    assert.equal(page.statusCode, 403);
  });
});
