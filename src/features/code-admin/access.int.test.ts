import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getForm, postForm } from '../../testing/app.js';
import { listItems } from '../code-of-conduct/index.js';
import { codeAdminTestApp, dateFields, type CodeAdminTest } from './int-test-support.js';

let s: CodeAdminTest;
before(async () => {
  s = await codeAdminTestApp();
});
after(() => s.t.close());

const pages = (slug: string, id: number, lineage: string) => [
  '/admin/code',
  `/admin/code/${slug}`,
  `/admin/code/versions/${id}`,
  `/admin/code/versions/${id}/preview`,
  `/admin/code/versions/${id}/settings`,
  `/admin/code/versions/${id}/items/new?after=start`,
  `/admin/code/versions/${id}/items/${lineage}/edit`,
  `/admin/code/versions/${id}/items/${lineage}/remove`,
  `/admin/code/versions/${id}/consultation`,
  `/admin/code/versions/${id}/comments`,
  `/admin/code/versions/${id}/agree`,
  `/admin/code/versions/${id}/adopt`,
  `/admin/code/versions/${id}/withdraw`,
];

test('Democratic Services may use every page, as the Monitoring Officer can', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const [item] = await listItems(s.t.db, id);
  const ds = await s.t.signInAs(['democratic-services']);
  await s.t.db
    .updateTable('people')
    .set({ authority_id: s.principal.id })
    .where('id', '=', ds.personId)
    .execute();
  for (const url of pages(s.principal.slug, id, item!.lineage)) {
    assert.equal((await s.page(url, ds.cookie)).statusCode, 200, url);
    assert.equal((await s.page(url)).statusCode, 200, url);
  }
});

test('members, whips and other roles are refused every page and every change', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const [item] = await listItems(s.t.db, id);
  for (const roles of [
    ['member'],
    ['group-whip'],
    ['officer'],
    ['facilitator'],
    ['independent-person'],
  ] as const) {
    const someone = await s.t.signInAs([...roles]);
    for (const url of pages(s.principal.slug, id, item!.lineage)) {
      assert.equal((await s.page(url, someone.cookie)).statusCode, 403, `${roles[0]} ${url}`);
    }
    // A real token of their own (from their account page) does not help.
    const form = await getForm(s.t.app, '/account', someone.cookie);
    const posts: [string, Record<string, string>][] = [
      [`/admin/code/${s.principal.slug}/drafts`, { title: 'Sneaky' }],
      [`/admin/code/versions/${id}/items/${item!.lineage}/remove`, {}],
      [
        `/admin/code/versions/${id}/withdraw`,
        { ...dateFields('withdrawnDate', '2026-01-01'), reason: 'x' },
      ],
    ];
    for (const [url, fields] of posts) {
      assert.equal(
        (await postForm(s.t.app, url, fields, form)).statusCode,
        403,
        `${roles[0]} ${url}`,
      );
    }
  }
  assert.equal((await s.version(id)).status, 'draft');
  assert.equal((await listItems(s.t.db, id)).length, 9);
  const versions = await s.t.db
    .selectFrom('code_versions')
    .select('title')
    .where('title', '=', 'Sneaky')
    .execute();
  assert.equal(versions.length, 0);
});

test('someone not signed in is sent to sign in, and cannot post', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const page = await s.t.app.inject({ url: `/admin/code/versions/${id}` });
  assert.equal(page.statusCode, 303);
  assert.equal(
    page.headers.location,
    `/sign-in?returnTo=${encodeURIComponent(`/admin/code/versions/${id}`)}`,
  );
  const post = await s.t.app.inject({
    method: 'POST',
    url: `/admin/code/${s.principal.slug}/drafts`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'title=Anonymous',
  });
  assert.equal(post.statusCode, 403);
});
