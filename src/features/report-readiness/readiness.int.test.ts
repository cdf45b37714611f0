import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { insertReport, testAuthorityId } from '../clearances/test-support.js';
import { checkReadiness } from './index.js';

let t: TestApp;
let admin: { cookie: string; personId: number };
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['monitoring-officer']);
  authorityId = await testAuthorityId(t.db);
});
after(() => t.close());

const page = (reportId: number, cookie = admin.cookie) =>
  t.app.inject({ url: `/admin/reports/${reportId}/readiness`, headers: { cookie } });

test('the page lists each problem with a link to where it is fixed', async () => {
  const { reportId, itemIds } = await insertReport(t.db, authorityId);
  await t.db
    .updateTable('report_items')
    .set({ body: 'Held in (November/December 2020?) as best practise.' })
    .where('id', '=', itemIds[1]!)
    .execute();
  await t.db
    .insertInto('house_style_words')
    .values({ authority_id: authorityId, pattern: 'timetable', advice: 'Say schedule.' })
    .execute();
  const response = await page(reportId);
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /govuk-error-summary/);
  assert.match(response.body, /Paragraph 1\.1: fill in “\(November\/December 2020\?\)”/);
  assert.match(response.body, new RegExp(`href="/admin/reports/${reportId}#para-1-1"`));
  assert.match(response.body, /best practise/);
  assert.match(response.body, /Recommendation 2: “timetable”\. Say schedule\./);
  assert.match(response.body, new RegExp(`href="/admin/reports/${reportId}/checklist#legal"`));
  assert.doesNotMatch(response.body, /Ready for the agenda/);
  await t.db.deleteFrom('house_style_words').where('authority_id', '=', authorityId).execute();
});

test('a report with nothing wrong is ready for the agenda', async () => {
  const { reportId, legalId } = await insertReport(t.db, authorityId);
  await t.db
    .updateTable('implication_types')
    .set({ needs_clearance: false })
    .where('authority_id', '=', authorityId)
    .where('key', '=', 'legal')
    .execute();
  try {
    assert.deepEqual(await checkReadiness(t.db, reportId), []);
    const response = await page(reportId);
    assert.match(response.body, /Ready for the agenda/);
    assert.ok(legalId > 0);
  } finally {
    await t.db
      .updateTable('implication_types')
      .set({ needs_clearance: true })
      .where('authority_id', '=', authorityId)
      .where('key', '=', 'legal')
      .execute();
  }
});

test('an unknown report is a 404 page and a problem for checkReadiness; non-administrators are refused', async () => {
  assert.equal((await page(999999)).statusCode, 404);
  assert.equal((await page(0)).statusCode, 404);
  assert.deepEqual(
    (await checkReadiness(t.db, 999999)).map((p) => p.rule),
    ['report'],
  );
  const other = await t.db
    .insertInto('authorities')
    .values({ slug: 'other-council', name: 'Other Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const theirs = await insertReport(t.db, other.id);
  assert.equal((await page(theirs.reportId)).statusCode, 404, 'another council’s report');
  const checklist = await t.app.inject({
    url: `/admin/reports/${theirs.reportId}/checklist`,
    headers: { cookie: admin.cookie },
  });
  assert.equal(checklist.statusCode, 404, 'another council’s checklist');
  const officer = await t.signInAs(['officer']);
  const { reportId } = await insertReport(t.db, authorityId);
  assert.notEqual((await page(reportId, officer.cookie)).statusCode, 200);
});
