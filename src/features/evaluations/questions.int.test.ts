import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { createCourse, createProgramme } from '../member-development/testing.js';
import { attend, authorityOf, evaluatedSession } from './test-support.js';

let t: TestApp;
let mo: { cookie: string; personId: number };
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  mo = await t.signInAs(['monitoring-officer']);
  authorityId = await authorityOf(t.db, mo.personId);
});
after(() => t.close());

const page = (url: string, cookie = mo.cookie) => t.app.inject({ url, headers: { cookie } });

async function submit(url: string, fields: Record<string, string>, from?: string) {
  const form = await getForm(t.app, from ?? url, mo.cookie);
  return postForm(t.app, url, fields, form);
}

const questions = (courseId: number) =>
  t.db
    .selectFrom('evaluation_questions')
    .select(['id', 'prompt', 'kind', 'required', 'retired', 'position'])
    .where('course_id', '=', courseId)
    .orderBy('retired')
    .orderBy('position')
    .execute();

test('an administrator starts from the standard questions, adds, changes and moves them', async () => {
  const programme = await createProgramme(t.db, authorityId);
  const course = await createCourse(t.db, programme, { title: 'Chairing skills' });
  const url = `/admin/courses/${course}/evaluation`;
  const empty = await page(url);
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /The course asks no questions yet/);

  const standard = await submit(`${url}/standard`, {}, url);
  assert.equal(standard.statusCode, 303);
  assert.equal((await questions(course)).length, 5);
  const twice = await submit(`${url}/standard`, {}, url);
  assert.equal(twice.statusCode, 400, 'not twice');
  assert.equal((await questions(course)).length, 5);

  const blank = await submit(`${url}/new`, {});
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /href="#prompt">Enter the question/);
  assert.match(blank.body, /href="#kind">Select whether people answer/);
  const added = await submit(`${url}/new`, {
    prompt: 'Was the room comfortable?',
    kind: 'rating',
    required: 'no',
  });
  assert.equal(added.statusCode, 303);
  let rows = await questions(course);
  const last = rows.at(-1)!;
  assert.equal(last.prompt, 'Was the room comfortable?');

  const moved = await submit(`${url}/${last.id}/up`, {}, url);
  assert.equal(moved.statusCode, 303);
  rows = await questions(course);
  assert.equal(rows.at(-2)!.id, last.id);

  const edit = `${url}/${last.id}/edit`;
  const changed = await submit(edit, {
    prompt: 'Was the venue suitable?',
    kind: 'text',
    required: 'yes',
  });
  assert.equal(changed.statusCode, 303);
  rows = await questions(course);
  assert.deepEqual(
    rows.filter((r) => r.id === last.id).map((r) => [r.prompt, r.kind, r.required]),
    [['Was the venue suitable?', 'text', true]],
  );
  const list = await page(url);
  assert.match(list.body, /5\. Was the venue suitable\?/);

  // A question nobody answered is removed outright.
  assert.equal((await submit(`${url}/${last.id}/remove`, {}, url)).statusCode, 303);
  assert.equal((await questions(course)).length, 5);

  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'evaluation_question')
    .where('entity_id', '=', String(last.id))
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['added', 'moved', 'changed', 'removed'],
  );
});

test('a question with answers is retired, not removed, and keeps its kind', async () => {
  const member = await t.signInAs(['member']);
  const { courseId, sessionId } = await evaluatedSession(t.db, authorityId);
  await attend(t.db, sessionId, member.personId);
  const [first] = await questions(courseId);
  const form = await getForm(t.app, `/my/evaluations/${sessionId}/1`, member.cookie);
  assert.equal(
    (await postForm(t.app, `/my/evaluations/${sessionId}/1`, { answer: '5' }, form)).statusCode,
    303,
  );

  const url = `/admin/courses/${courseId}/evaluation`;
  const remove = await submit(`${url}/${first!.id}/remove`, {}, url);
  assert.equal(remove.statusCode, 400);
  assert.match(remove.body, /People have answered this question: retire it instead/);
  const kind = await submit(`${url}/${first!.id}/edit`, {
    prompt: first!.prompt,
    kind: 'text',
    required: 'yes',
  });
  assert.equal(kind.statusCode, 400);
  assert.match(kind.body, /href="#kind">People have answered this question/);

  assert.equal((await submit(`${url}/${first!.id}/retire`, {}, url)).statusCode, 303);
  const rows = await questions(courseId);
  assert.ok(rows.find((r) => r.id === first!.id)!.retired);
  const list = await page(url);
  assert.match(list.body, /Retired questions/);
  // The attendee is now asked four questions.
  const start = await page(`/my/evaluations/${sessionId}`, member.cookie);
  assert.match(start.body, /There are 4 questions/);

  assert.equal((await submit(`${url}/${first!.id}/restore`, {}, url)).statusCode, 303);
  assert.ok(!(await questions(courseId)).find((r) => r.id === first!.id)!.retired);
});

test('another council’s course, or someone who is not an administrator, gets a 404 or 403', async () => {
  const other = await t.db
    .insertInto('authorities')
    .values({ slug: 'elsewhere', name: 'Elsewhere Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const programme = await createProgramme(t.db, other.id);
  const course = await createCourse(t.db, programme);
  assert.equal((await page(`/admin/courses/${course}/evaluation`)).statusCode, 404);
  assert.equal((await page(`/admin/courses/${course}/evaluation/new`)).statusCode, 404);
  const member = await t.signInAs(['member']);
  const own = await createCourse(t.db, await createProgramme(t.db, authorityId));
  const refused = await page(`/admin/courses/${own}/evaluation`, member.cookie);
  assert.ok([403, 404].includes(refused.statusCode), String(refused.statusCode));
});
