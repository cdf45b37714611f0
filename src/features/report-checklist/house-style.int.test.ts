import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { listHouseStyleWords } from './index.js';
import { checklistTestApp, createAuthority } from './test-support.js';

let s: Awaited<ReturnType<typeof checklistTestApp>>;
before(async () => {
  s = await checklistTestApp();
});
after(() => s.t.close());

const actions = (id: number) =>
  s.t.db
    .selectFrom('audit_events')
    .select(['action', 'changes'])
    .where('entity', '=', 'house-style-word')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

test('a council’s words are added, edited and removed, each change audited', async () => {
  const url = '/admin/house-style';
  const added = await s.submit(url, url, {
    authorityId: String(s.authorityId),
    pattern: 'practise',
    advice: 'As a noun, write practice; practise is the verb.',
  });
  assert.equal(added.statusCode, 303);
  assert.equal(added.headers.location, `/admin/house-style?authority=${s.authorityId}`);
  const [word] = await listHouseStyleWords(s.t.db, s.authorityId);
  assert.equal(word?.pattern, 'practise');
  assert.match((await s.page(url)).body, /As a noun, write practice/);

  const edited = await s.submit(`${url}/${word!.id}`, `${url}/${word!.id}`, {
    pattern: 'practise',
    advice: 'Practice is the noun (a good practice); practise is the verb.',
  });
  assert.equal(edited.statusCode, 303);
  assert.match(
    (await listHouseStyleWords(s.t.db, s.authorityId))[0]!.advice,
    /^Practice is the noun/,
  );

  const removed = await s.submit(url, `${url}/${word!.id}/remove`, {});
  assert.equal(removed.statusCode, 303);
  assert.equal((await listHouseStyleWords(s.t.db, s.authorityId)).length, 0);
  const audit = await actions(word!.id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['created', 'updated', 'removed'],
  );
  assert.deepEqual(audit[2]?.changes.pattern, { before: 'practise' });
});

test('a blank entry, an over-long one and the same word twice are refused with the form kept', async () => {
  const url = '/admin/house-style';
  const authorityId = String(s.authorityId);
  const blank = await s.submit(url, url, { authorityId, pattern: '  ', advice: '' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /Enter the word or phrase to look for/);
  assert.match(blank.body, /href="#advice"/);
  const long = await s.submit(url, url, {
    authorityId,
    pattern: 'affect',
    advice: 'a'.repeat(501),
  });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /500 characters or fewer/);
  assert.match(long.body, /value="affect"/);
  await s.submit(url, url, {
    authorityId,
    pattern: 'complimentary',
    advice: 'Complementary means completing.',
  });
  const twice = await s.submit(url, url, {
    authorityId,
    pattern: 'Complimentary',
    advice: 'Again.',
  });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /already has advice for/);
});

test('another council’s words are not found', async () => {
  const elsewhere = await createAuthority(s.t.db, 'style-elsewhere');
  const theirs = await s.t.db
    .insertInto('house_style_words')
    .values({ authority_id: elsewhere, pattern: 'whilst', advice: 'Write while.' })
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.equal((await s.page(`/admin/house-style/${theirs.id}`)).statusCode, 404);
  assert.equal((await s.page(`/admin/house-style?authority=${elsewhere}`)).statusCode, 404);
});
