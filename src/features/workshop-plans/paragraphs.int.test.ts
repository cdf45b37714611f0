import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCodeVersion, sampleItems } from '../code-of-conduct/testing.js';
import { listItems } from '../code-of-conduct/index.js';
import { createWorkshopPlan } from '../learning/testing.js';
import { createCourse, createProgramme } from '../member-development/testing.js';
import { errorSummary, textOf, workshopTestApp } from './test-support.js';

let w: Awaited<ReturnType<typeof workshopTestApp>>;
let firstVersion: number;
before(async () => {
  w = await workshopTestApp();
  firstVersion = (
    await createCodeVersion(w.t.db, { authorityId: w.authorityId, status: 'in-force' })
  ).id;
});
after(() => w.t.close());

test('paragraphs are chosen from the code in force, flagged when a new version changes them, and marked as reviewed', async () => {
  const planId = await createWorkshopPlan(w.t.db, w.authorityId, {
    values: { title: 'Linked plan' },
  });
  const url = `/admin/workshops/${planId}/paragraphs`;
  const form = (await w.page(url)).body;
  assert.match(form, /<legend[^>]*>\s*1 Respect\s*<\/legend>/);
  assert.match(form, /value="para-2-1-a"/);

  const unknown = await w.submit(url, { anchors: ['para-1-1', 'para-9-9'] });
  assert.equal(unknown.statusCode, 400);
  assert.deepEqual(errorSummary(unknown.body), [
    'One of the paragraphs chosen is no longer in the code in force: choose again',
  ]);

  const saved = await w.submit(url, { anchors: ['para-1-1', 'para-1-2', 'para-2-2'] });
  assert.equal(saved.statusCode, 303);
  assert.match((await w.follow(saved)).body, /The plan covers 3 paragraphs of the code in force/);
  let page = textOf((await w.page(`/admin/workshops/${planId}`)).body);
  assert.match(
    page,
    /1\.1 Treat other members, officers and the public with courtesy\. Up to date/,
  );
  assert.match(
    page,
    /2\.2 Tell the Monitoring Officer about any gift from a contractor\. Up to date/,
  );
  assert.doesNotMatch(page, /Mark as reviewed/);
  assert.match((await w.page(url)).body, /name="anchors" type="checkbox" value="para-1-2" checked/);

  // A new version rewords 1.2 and drops 2.2.
  const old = await listItems(w.t.db, firstVersion);
  const drafts = sampleItems().map((d, k) => ({ ...d, lineage: old[k]!.lineage }));
  drafts[2] = { ...drafts[2]!, body: 'Challenge ideas as hard as you like, never the person.' };
  drafts.splice(7, 1);
  await w.t.db
    .updateTable('code_versions')
    .set({ status: 'superseded', superseded_on: '2026-05-01' })
    .where('id', '=', firstVersion)
    .execute();
  await createCodeVersion(w.t.db, {
    authorityId: w.authorityId,
    status: 'in-force',
    items: drafts,
    inForceFrom: '2026-05-01',
  });

  page = textOf((await w.page(`/admin/workshops/${planId}`)).body);
  assert.match(page, /The code in force has changed some of these paragraphs/);
  assert.match(page, /1\.1 Treat other members[^]*?Up to date/);
  assert.match(page, /1\.2 Challenge ideas as hard as you like, never the person\. Words changed/);
  assert.match(page, /2\.2 Not in the code in force No longer in the code/);
  const list = textOf((await w.page('/admin/workshops')).body);
  assert.match(list, /Linked plan [^]*?Code changed: review/);

  const reviewed = await w.submit(
    `/admin/workshops/${planId}`,
    {},
    `/admin/workshops/${planId}/paragraphs/reviewed`,
  );
  assert.equal(reviewed.statusCode, 303);
  page = textOf((await w.follow(reviewed)).body);
  assert.match(page, /Marked as reviewed/);
  assert.match(page, /1\.2 Challenge ideas as hard as you like, never the person\. Up to date/);
  assert.doesNotMatch(page, /No longer in the code|Words changed|2\.2/);
  assert.doesNotMatch(textOf((await w.page('/admin/workshops')).body), /Code changed: review/);
  const actions = (await w.audits('workshop-plan', planId)).map((a) => a.action);
  assert.deepEqual(actions, ['paragraphs-chosen', 'paragraphs-reviewed']);
});

test('a course follows one of the council’s plans, or none; the choice is audited', async () => {
  const planId = await createWorkshopPlan(w.t.db, w.authorityId, {
    values: { title: 'Two hours on standards' },
  });
  const programme = await createProgramme(w.t.db, w.authorityId);
  const course = await createCourse(w.t.db, programme, {
    title: 'Standards for all members',
    duration_minutes: 90,
  });
  const url = `/admin/courses/${course}/workshop`;

  const form = textOf((await w.page(url)).body);
  assert.match(
    form,
    /Two hours on standards 2 hours; agenda 120 minutes; the course lasts 1 hour 30 minutes/,
  );
  assert.doesNotMatch(form, /Their plan/, 'another council’s plans are not offered');

  const nothing = await w.submit(url, {});
  assert.deepEqual(errorSummary(nothing.body), ['Select a plan']);
  const theirs = await w.submit(url, { planId: String(w.other.plan) });
  assert.equal(theirs.statusCode, 400);
  assert.deepEqual(errorSummary(theirs.body), ['Select one of the council’s workshop plans']);

  const chosen = await w.submit(url, { planId: String(planId) });
  assert.equal(chosen.statusCode, 303);
  assert.equal(chosen.headers.location, `/admin/courses/${course}`);
  const row = await w.t.db
    .selectFrom('courses')
    .select('workshop_plan_id')
    .where('id', '=', course)
    .executeTakeFirstOrThrow();
  assert.equal(row.workshop_plan_id, planId);
  const page = textOf((await w.page(`/admin/workshops/${planId}`)).body);
  assert.match(
    page,
    /Standards for all members \(Member development 2026\/27\): the course lasts 1 hour 30 minutes, not 2 hours/,
  );

  await w.submit(url, { planId: 'none' });
  const audits = await w.audits('course', course);
  assert.deepEqual(
    audits.map((a) => [a.action, a.changes]),
    [
      ['workshop-plan-chosen', { workshop_plan_id: { before: null, after: planId } }],
      ['workshop-plan-chosen', { workshop_plan_id: { before: planId, after: null } }],
    ],
  );
  assert.equal((await w.page(`/admin/courses/${w.other.course}/workshop`)).statusCode, 404);
});
