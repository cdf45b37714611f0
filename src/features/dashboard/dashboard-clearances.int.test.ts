import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { insertReport, testAuthorityId } from '../clearances/test-support.js';
import { clearanceSnapshot, loadReportDocument, snapshotDigest } from '../reports/index.js';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** A clearance written straight into the table, as the request would have made it. */
async function insertClearance(
  reportId: number,
  implicationId: number,
  officerId: number,
  status: 'pending' | 'cleared' | 'returned',
) {
  const doc = (await loadReportDocument(t.db, reportId))!;
  const snapshot = clearanceSnapshot(doc, implicationId)!;
  await t.db
    .insertInto('clearances')
    .values({
      report_implication_id: implicationId,
      officer_id: officerId,
      status,
      decided_at: status === 'pending' ? null : new Date(),
      comment: status === 'returned' ? 'Please cite the Act.' : null,
      snapshot: JSON.stringify(snapshot),
      snapshot_digest: snapshotDigest(snapshot),
    })
    .execute();
}

test('an officer sees the requests waiting for them; administrators see the counts', async () => {
  const officer = await t.signInAs(['officer']);
  const before = await t.app.inject({ url: '/dashboard', headers: { cookie: officer.cookie } });
  assert.match(before.body, /Nobody is waiting for you to clear a report/);

  const authorityId = await testAuthorityId(t.db);
  const waiting = await insertReport(t.db, authorityId);
  const returned = await insertReport(t.db, authorityId);
  const stale = await insertReport(t.db, authorityId);
  await insertClearance(waiting.reportId, waiting.legalId, officer.personId, 'pending');
  await insertClearance(returned.reportId, returned.legalId, officer.personId, 'returned');
  await insertClearance(stale.reportId, stale.legalId, officer.personId, 'cleared');
  await insertClearance(stale.reportId, stale.financialId, officer.personId, 'cleared');
  await t.db
    .updateTable('reports')
    .set({ title: 'Changed title' })
    .where('id', '=', stale.reportId)
    .execute();

  const after = await t.app.inject({ url: '/dashboard', headers: { cookie: officer.cookie } });
  assert.match(after.body, /1 request is waiting for you/);
  const title = (
    await t.db
      .selectFrom('reports')
      .select('title')
      .where('id', '=', waiting.reportId)
      .executeTakeFirstOrThrow()
  ).title;
  assert.match(after.body, new RegExp(`href="/clearances/\\d+">${title}</a>`));
  assert.match(after.body, /Legal implications/);
  assert.doesNotMatch(after.body, /Report clearances waiting for an officer/);

  const admin = await t.signInAs(['democratic-services']);
  const figures = await t.app.inject({ url: '/dashboard', headers: { cookie: admin.cookie } });
  const count = (label: string) => {
    const match = new RegExp(`${label}\\s*</dt>\\s*<dd[^>]*>\\s*(\\d+)`).exec(figures.body);
    return match ? Number(match[1]) : null;
  };
  assert.equal(count('Report clearances waiting for an officer'), 1);
  assert.equal(count('Report clearances returned with a comment'), 1);
  assert.equal(count('Report clearances to give again \\(report changed\\)'), 2);
});
