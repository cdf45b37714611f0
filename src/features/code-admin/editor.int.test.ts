import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getForm, postForm } from '../../testing/app.js';
import { listItems } from '../code-of-conduct/index.js';
import {
  codeAdminTestApp,
  errorSummary,
  paragraph,
  section,
  type CodeAdminTest,
} from './int-test-support.js';

let s: CodeAdminTest;
before(async () => {
  s = await codeAdminTestApp();
});
after(() => s.t.close());

const lineageAt = async (versionId: number, number: string) => {
  const item = (await listItems(s.t.db, versionId)).find((i) => i.number === number);
  assert.ok(item, `no item ${number}`);
  return item.lineage;
};

test('inserting items into a blank draft numbers them, and marks a local addition', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft', []);
  const base = `/admin/code/versions/${id}/items`;
  const first = await s.submit(
    `${base}/new?after=start`,
    { after: 'start', kind: 'section', text: 'Respect' },
    base,
  );
  assert.equal(first.statusCode, 303);
  const respect = await lineageAt(id, '1');
  assert.equal(first.headers.location, `/admin/code/versions/${id}#item-${respect}`);

  const form = await s.page(`${base}/new?after=${respect}`);
  assert.match(form.body, /Insert an item after section 1/);
  assert.match(form.body, /value="paragraph" checked/, 'a paragraph is suggested after a heading');
  await s.submit(
    `${base}/new?after=${respect}`,
    { after: respect, kind: 'paragraph', text: 'Be courteous.' },
    base,
  );
  const courteous = await lineageAt(id, '1.1');
  await s.submit(
    `${base}/new?after=${courteous}`,
    {
      after: courteous,
      kind: 'paragraph',
      text: 'Listen as well.\n\nIn every meeting.',
      local: 'yes',
    },
    base,
  );
  await s.submit(
    `${base}/new?after=start`,
    { after: 'start', kind: 'section', text: 'Introduction' },
    base,
  );
  assert.deepEqual(await s.outline(id), [
    '1 Introduction',
    '2 Respect',
    '2.1 Be courteous.',
    '2.2 Listen as well.\n\nIn every meeting. *',
  ]);
  const page = await s.page(`/admin/code/versions/${id}`);
  assert.match(page.body, /Local addition<\/strong>/);
  assert.match(page.body, /<em>In every meeting\.<\/em>/);
  const audit = await s.audits('code_version', id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['item-added', 'item-added', 'item-added', 'item-added'],
  );
});

test('the insert form lists each mistake and keeps what was typed', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const base = `/admin/code/versions/${id}/items`;
  const empty = await s.submit(`${base}/new?after=start`, { after: 'start', text: ' ' }, base);
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(errorSummary(empty.body), [
    'Select what kind of item it is',
    'Enter the heading or the text',
  ]);
  const long = await s.submit(
    `${base}/new?after=start`,
    { after: 'start', kind: 'section', text: 'x'.repeat(201) },
    base,
  );
  assert.deepEqual(errorSummary(long.body), ['A heading must be 200 characters or fewer']);
  assert.match(long.body, /value="section" checked/);
  const orphan = await s.submit(
    `${base}/new?after=start`,
    { after: 'start', kind: 'sub-paragraph', text: 'A stray sub-paragraph' },
    base,
  );
  assert.equal(orphan.statusCode, 400);
  assert.deepEqual(errorSummary(orphan.body), [
    'That change would leave the code impossible to number: a paragraph must come after a section or appendix heading. Nothing was changed',
  ]);
  assert.match(orphan.body, /A stray sub-paragraph<\/textarea>/);
  assert.equal((await listItems(s.t.db, id)).length, 9, 'nothing was saved');
});

test('editing keeps an item’s lineage and renumbers the items after it', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const target = await lineageAt(id, '1.2');
  const url = `/admin/code/versions/${id}/items/${target}/edit`;
  const form = await s.page(url);
  assert.match(form.body, /Edit paragraph 1.2/);
  assert.match(form.body, /Disagree with ideas, not with people.<\/textarea>/);
  const saved = await s.submit(url, { kind: 'section', text: 'Debate', local: 'yes' });
  assert.equal(saved.statusCode, 303);
  assert.deepEqual((await s.outline(id)).slice(0, 5), [
    '1 Respect',
    '1.1 Be courteous to everyone you deal with as a member.',
    '2 Debate *',
    '3 Gifts and hospitality',
    '3.1 Register what you are offered at or above the threshold:',
  ]);
  assert.equal(await lineageAt(id, '2'), target, 'the same item, now a section');
  const [edited] = (await s.audits('code_version', id)).filter((a) => a.action === 'item-edited');
  assert.ok(edited);
  assert.deepEqual(Object.keys(edited.changes), ['item']);
});

test('moving up and down renumbers; a move that breaks the numbering is refused', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const before = await s.outline(id);
  const second = await lineageAt(id, '1.2');
  const moveUrl = (lineage: string) => `/admin/code/versions/${id}/items/${lineage}/move`;
  const up = await s.submit(`/admin/code/versions/${id}`, { direction: 'up' }, moveUrl(second));
  assert.equal(up.statusCode, 303);
  const afterUp = await s.outline(id);
  assert.equal(afterUp[1], '1.1 Disagree with ideas, not with people.');
  assert.equal(afterUp[2], '1.2 Be courteous to everyone you deal with as a member.');
  assert.equal(await lineageAt(id, '1.1'), second, 'lineage moves with the item');
  await s.submit(`/admin/code/versions/${id}`, { direction: 'down' }, moveUrl(second));
  assert.deepEqual(await s.outline(id), before, 'and back down');

  // 2.1(a) moved up above 2.1 would follow the section heading directly.
  const sub = await lineageAt(id, '2.1(a)');
  const refused = await s.submit(`/admin/code/versions/${id}`, { direction: 'up' }, moveUrl(sub));
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(errorSummary(refused.body), [
    'That change would leave the code impossible to number: a sub-paragraph must follow a numbered paragraph. Nothing was changed',
  ]);
  assert.match(refused.body, new RegExp(`href="#item-${sub}"`));
  assert.match(refused.body, new RegExp(`id="item-${sub}"`), 'the summary links to the item');
  assert.deepEqual(await s.outline(id), before, 'nothing changed');

  const first = await lineageAt(id, '1');
  const top = await s.submit(`/admin/code/versions/${id}`, { direction: 'up' }, moveUrl(first));
  assert.deepEqual(errorSummary(top.body), ['The first item cannot move up']);
  const page = await s.page(`/admin/code/versions/${id}`);
  assert.doesNotMatch(
    page.body,
    /Move up<span class="govuk-visually-hidden"> section 1</,
    'the first item has no Move up button',
  );
  assert.match(page.body, /Move down<span class="govuk-visually-hidden"> section 1</);
});

test('removing asks first, then renumbers; removing a heading its paragraphs need is refused', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const target = await lineageAt(id, '1.1');
  const url = `/admin/code/versions/${id}/items/${target}/remove`;
  const confirm = await s.page(url);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Remove paragraph 1.1\?/);
  assert.match(confirm.body, /Be courteous to everyone/);
  assert.equal((await listItems(s.t.db, id)).length, 9, 'asking changes nothing');
  const removed = await s.submit(url, {});
  assert.equal(removed.statusCode, 303);
  const outline = await s.outline(id);
  assert.equal(outline.length, 8);
  assert.equal(outline[1], '1.1 Disagree with ideas, not with people.');
  assert.equal((await s.page(url)).statusCode, 404, 'it is gone');

  const respect = await lineageAt(id, '1');
  const refused = await s.submit(`/admin/code/versions/${id}/items/${respect}/remove`, {});
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(errorSummary(refused.body), [
    'That change would leave the code impossible to number: a paragraph must come after a section or appendix heading. Nothing was changed',
  ]);
  assert.equal((await s.outline(id)).length, 8);
  const audit = await s.audits('code_version', id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['item-removed'],
  );
});

test('a version that is no longer editable cannot be changed through the editor', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'agreed');
  const lineage = await lineageAt(id, '1.1');
  const page = await s.page(`/admin/code/versions/${id}`);
  assert.doesNotMatch(page.body, /Insert an item at the start/);
  assert.doesNotMatch(page.body, /Move down/);
  const form = await s.page(`/admin/code/versions/${id}/items/${lineage}/edit`);
  assert.match(form.body, /can no longer change/);
  // A form opened while it was still a draft, sent after it was agreed.
  const draft = await s.makeVersion(s.principal.id, 'draft');
  const draftLineage = await lineageAt(draft.id, '1.1');
  const open = await getForm(
    s.t.app,
    `/admin/code/versions/${draft.id}/items/${draftLineage}/edit`,
    s.admin.cookie,
  );
  await s.t.db
    .updateTable('code_versions')
    .set({ status: 'agreed', agreed_on: '2026-01-01' })
    .where('id', '=', draft.id)
    .execute();
  const late = await postForm(
    s.t.app,
    `/admin/code/versions/${draft.id}/items/${draftLineage}/edit`,
    { kind: 'paragraph', text: 'Changed too late' },
    open,
  );
  assert.equal(late.statusCode, 400);
  assert.match(late.body, /This version can no longer be changed/);
  assert.doesNotMatch((await s.outline(draft.id)).join('\n'), /Changed too late/);
});

test('the preview reads like the code, with local additions marked in words', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft', [
    section('Respect'),
    paragraph('Be courteous.'),
    paragraph('Answer letters within ten days.', 1, true),
  ]);
  const preview = await s.page(`/admin/code/versions/${id}/preview`);
  assert.equal(preview.statusCode, 200);
  assert.match(
    preview.body,
    /<h2 class="govuk-heading-m govuk-!-margin-top-6" id="section-1">1 Respect<\/h2>/,
  );
  assert.match(preview.body, /id="para-1-2"/);
  assert.match(
    preview.body,
    /<em>Answer letters within ten days.<\/em> <strong class="govuk-tag govuk-tag--purple">Local addition<\/strong>/,
  );
  assert.match(preview.body, /Text in italics/);
  assert.match(preview.body, /href="#section-1"/, 'contents link to the sections');
});

test('an editor action without the form’s CSRF token is refused and changes nothing', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const lineage = await lineageAt(id, '1.2');
  const response = await s.t.app.inject({
    method: 'POST',
    url: `/admin/code/versions/${id}/items/${lineage}/move`,
    headers: { cookie: s.admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'direction=up',
  });
  assert.equal(response.statusCode, 403);
  assert.equal(await lineageAt(id, '1.2'), lineage);
});
