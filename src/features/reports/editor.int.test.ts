import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getForm, postForm } from '../../testing/app.js';
import { listRecommendations, listReportItems } from './repository.js';
import { errorSummary, reportsTestApp, type ReportsTest } from './int-test-support.js';

let s: ReportsTest;
before(async () => {
  s = await reportsTestApp();
});
after(() => s.t.close());

const outline = async (id: number) =>
  (await listReportItems(s.t.db, id)).map((i) => `${i.number} ${i.heading ?? i.body}`);
const lineageAt = async (id: number, number: string) => {
  const item = (await listReportItems(s.t.db, id)).find((i) => i.number === number);
  assert.ok(item, `no item ${number}`);
  return item.lineage;
};

/** Insert through the form after the item numbered `afterNumber` (or at the start). */
const insert = async (id: number, afterNumber: string | null, kind: string, text: string) => {
  const after = afterNumber ? await lineageAt(id, afterNumber) : 'start';
  const base = `/admin/reports/${id}/body`;
  return s.submit(`${base}/new?after=${after}`, { after, kind, text }, base);
};

test('the body is numbered 1.0, 1.1, 3.2.1 as it is built, moved and edited, each change audited', async () => {
  const id = await s.createReport();
  const first = await insert(id, null, 'section', 'Introduction');
  assert.equal(first.statusCode, 303);
  assert.match(first.headers.location as string, new RegExp(`^/admin/reports/${id}#item-`));
  await insert(id, '1.0', 'paragraph', 'A new model code has been published.');
  await insert(id, '1.1', 'section', 'Background');
  await insert(id, '2.0', 'paragraph', 'The committee looked at it in February.');
  await insert(id, '2.1', 'section', 'Main body of the report');
  await insert(id, '3.0', 'paragraph', 'A revised code is appended.');
  await insert(id, '3.1', 'paragraph', 'Training for members');
  await insert(id, '3.2', 'sub-paragraph', 'The committee asked about training.');
  await insert(id, '3.2.1', 'sub-paragraph', 'A programme is agreed with the LGA.');
  assert.deepEqual(await outline(id), [
    '1.0 Introduction',
    '1.1 A new model code has been published.',
    '2.0 Background',
    '2.1 The committee looked at it in February.',
    '3.0 Main body of the report',
    '3.1 A revised code is appended.',
    '3.2 Training for members',
    '3.2.1 The committee asked about training.',
    '3.2.2 A programme is agreed with the LGA.',
  ]);

  // Moving 3.2.2 up swaps it with 3.2.1; lineage follows the text.
  const moved = await lineageAt(id, '3.2.2');
  const form = await getForm(s.t.app, `/admin/reports/${id}`, s.admin.cookie);
  const move = await postForm(
    s.t.app,
    `/admin/reports/${id}/body/${moved}/move`,
    { direction: 'up' },
    form,
  );
  assert.equal(move.statusCode, 303);
  assert.equal(await lineageAt(id, '3.2.1'), moved);

  // Editing 2.1 into a section heading renumbers what follows.
  const edited = await lineageAt(id, '2.1');
  const edit = await s.submit(`/admin/reports/${id}/body/${edited}/edit`, {
    kind: 'section',
    text: 'Earlier   decisions',
  });
  assert.equal(edit.statusCode, 303);
  assert.deepEqual((await outline(id)).slice(2, 5), [
    '2.0 Background',
    '3.0 Earlier decisions',
    '4.0 Main body of the report',
  ]);
  assert.equal(await lineageAt(id, '3.0'), edited, 'an edited item keeps its lineage');

  // Removing a section closes the gap.
  const removed = await lineageAt(id, '3.0');
  const confirm = await s.page(`/admin/reports/${id}/body/${removed}/remove`);
  assert.match(confirm.body, /Remove section 3.0\?/);
  const remove = await s.submit(`/admin/reports/${id}/body/${removed}/remove`, {});
  assert.equal(remove.statusCode, 303);
  assert.deepEqual((await outline(id)).slice(2, 5), [
    '2.0 Background',
    '3.0 Main body of the report',
    '3.1 A revised code is appended.',
  ]);

  const actions = (await s.audits(id)).map((a) => a.action);
  assert.equal(actions.filter((a) => a === 'report-item-added').length, 9);
  assert.ok(actions.includes('report-item-moved'));
  assert.ok(actions.includes('report-item-edited'));
  assert.ok(actions.includes('report-item-removed'));

  const page = await s.page(`/admin/reports/${id}`);
  assert.match(page.body, /MAIN BODY OF THE REPORT/);
  assert.match(
    page.body,
    /<th scope="row" class="govuk-table__header govuk-!-padding-left-4">3.2.1<\/th>/,
  );
});

test('a change that leaves the body impossible to number is refused and nothing is saved', async () => {
  const id = await s.createReport();
  const orphan = await insert(id, null, 'paragraph', 'Text before any heading');
  assert.equal(orphan.statusCode, 400);
  assert.deepEqual(errorSummary(orphan.body), [
    'That change would leave the report impossible to number: a paragraph must come after a section heading. Nothing was changed',
  ]);
  await insert(id, null, 'section', 'Introduction');
  const sub = await insert(id, '1.0', 'sub-paragraph', 'Nothing to hang from');
  assert.equal(sub.statusCode, 400);
  assert.match(errorSummary(sub.body)[0] ?? '', /a sub-paragraph must follow a numbered paragraph/);
  await insert(id, '1.0', 'paragraph', 'First');
  const form = await getForm(s.t.app, `/admin/reports/${id}`, s.admin.cookie);
  const up = await postForm(
    s.t.app,
    `/admin/reports/${id}/body/${await lineageAt(id, '1.1')}/move`,
    { direction: 'up' },
    form,
  );
  assert.equal(up.statusCode, 400, 'a paragraph cannot move above the first heading');
  assert.deepEqual(await outline(id), ['1.0 Introduction', '1.1 First']);
  const top = await postForm(
    s.t.app,
    `/admin/reports/${id}/body/${await lineageAt(id, '1.0')}/move`,
    { direction: 'up' },
    form,
  );
  assert.equal(top.statusCode, 400);
  assert.deepEqual(errorSummary(top.body), ['The first item cannot move up']);
  const empty = await insert(id, '1.1', 'paragraph', '   ');
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(errorSummary(empty.body), ['Enter the heading or the text']);
  assert.equal(
    (await s.page(`/admin/reports/${id}/body/new?after=${crypto.randomUUID()}`)).statusCode,
    404,
  );
});

test('recommendations are added, edited, linked to a code version, moved and removed, numbered 1, 2, 3', async () => {
  const id = await s.createReport();
  const base = `/admin/reports/${id}/recommendations`;
  const add = (text: string, codeVersionId = '') =>
    s.submit(`${base}/new`, { text, codeVersionId }, base);
  assert.equal((await add('Agree the updated code.', String(s.codeVersion))).statusCode, 303);
  assert.equal((await add('Agree the training programme.')).statusCode, 303);
  assert.equal((await add('Note the timetable.')).statusCode, 303);
  let rows = await listRecommendations(s.t.db, id);
  assert.deepEqual(
    rows.map((r) => [r.position, r.text, r.code_version_id]),
    [
      [0, 'Agree the updated code.', s.codeVersion],
      [1, 'Agree the training programme.', null],
      [2, 'Note the timetable.', null],
    ],
  );
  const ids = rows.map((r) => r.id);
  const page = await s.page(`/admin/reports/${id}`);
  assert.match(page.body, /govuk-list--number/);
  assert.match(
    page.body,
    /Moves on: <a class="govuk-link" href="\/admin\/code\/versions\/\d+">Code of conduct version 1/,
  );

  const form = await getForm(s.t.app, `/admin/reports/${id}`, s.admin.cookie);
  const down = await postForm(
    s.t.app,
    `${base}/${rows[0]!.lineage}/move`,
    { direction: 'down' },
    form,
  );
  assert.equal(down.statusCode, 303);
  rows = await listRecommendations(s.t.db, id);
  assert.deepEqual(
    rows.map((r) => r.text),
    ['Agree the training programme.', 'Agree the updated code.', 'Note the timetable.'],
  );
  assert.deepEqual(
    [...rows.map((r) => r.id)].sort(),
    [...ids].sort(),
    'recommendations keep their ids when moved',
  );
  const last = await postForm(
    s.t.app,
    `${base}/${rows[2]!.lineage}/move`,
    { direction: 'down' },
    form,
  );
  assert.equal(last.statusCode, 400);
  assert.deepEqual(errorSummary(last.body), ['The last recommendation cannot move down']);

  const editUrl = `${base}/${rows[0]!.lineage}/edit`;
  assert.match((await s.page(editUrl)).body, /Edit recommendation 1/);
  const bad = await s.submit(editUrl, { text: 'x', codeVersionId: '999999' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(errorSummary(bad.body), [
    'Select a code version of your council from the list, or none',
  ]);
  const empty = await s.submit(editUrl, { text: '', codeVersionId: '' });
  assert.deepEqual(errorSummary(empty.body), ['Enter what the committee is asked to do']);
  assert.equal(
    (await s.submit(editUrl, { text: 'Agree the programme.', codeVersionId: '' })).statusCode,
    303,
  );

  const removeUrl = `${base}/${rows[1]!.lineage}/remove`;
  assert.match((await s.page(removeUrl)).body, /Remove recommendation 2\?/);
  assert.equal((await s.submit(removeUrl, {})).statusCode, 303);
  rows = await listRecommendations(s.t.db, id);
  assert.deepEqual(
    rows.map((r) => [r.position, r.text]),
    [
      [0, 'Agree the programme.'],
      [1, 'Note the timetable.'],
    ],
  );
  const actions = (await s.audits(id)).map((a) => a.action);
  for (const action of [
    'recommendation-added',
    'recommendation-moved',
    'recommendation-edited',
    'recommendation-removed',
  ])
    assert.ok(actions.includes(action), action);
});

test('a new report’s checklist lists the council’s implication types, unanswered, starting from the defaults', async () => {
  // Creating a report gives a council without a checklist the default one.
  await s.createReport();
  const keys = await s.t.db
    .selectFrom('implication_types')
    .select('key')
    .where('authority_id', '=', s.authorityId)
    .orderBy('position')
    .execute();
  assert.equal(keys.length, 10);
  assert.deepEqual(
    keys.slice(0, 2).map((k) => k.key),
    ['financial', 'legal'],
  );
  // A retired type is not offered on a new report.
  await s.t.db
    .updateTable('implication_types')
    .set({ retired_on: '2020-01-01' })
    .where('authority_id', '=', s.authorityId)
    .where('key', '=', 'property')
    .execute();
  const id = await s.createReport();
  const page = await s.page(`/admin/reports/${id}`);
  assert.match(page.body, /Financial implications/);
  assert.match(page.body, /Not answered/);
  assert.doesNotMatch(page.body, /Property implications/);
});
