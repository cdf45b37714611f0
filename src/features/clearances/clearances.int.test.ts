import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { checkReadiness } from '../report-readiness/index.js';
import { giveAccount, insertReport, testAuthorityId } from './test-support.js';

let t: TestApp;
let admin: { cookie: string; personId: number };
let officer: { cookie: string; personId: number };
let other: { cookie: string; personId: number };
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['democratic-services']);
  officer = await t.signInAs(['officer']);
  other = await t.signInAs(['officer']);
  authorityId = await testAuthorityId(t.db);
  await giveAccount(t.db, officer.personId);
  await giveAccount(t.db, other.personId);
});
after(() => t.close());

const ask = async (reportId: number, implicationId: number, officerId: number) => {
  const form = await getForm(t.app, `/admin/reports/${reportId}/checklist`, admin.cookie);
  return postForm(
    t.app,
    `/admin/reports/${reportId}/clearances/new`,
    { implicationId: String(implicationId), [`officer-${implicationId}`]: String(officerId) },
    form,
  );
};
const latestClearance = (implicationId: number) =>
  t.db
    .selectFrom('clearances')
    .selectAll()
    .where('report_implication_id', '=', implicationId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
const decide = async (
  who: { cookie: string },
  id: number,
  action: 'clear' | 'return',
  fields: Record<string, string> = {},
) => {
  const form = await getForm(t.app, `/clearances/${id}`, who.cookie);
  return postForm(t.app, `/clearances/${id}/${action}`, fields, form);
};

test('request, then clear: pending in the readiness check, then ready; audited and emailed', async () => {
  const { reportId, legalId } = await insertReport(t.db, authorityId);
  const before = await checkReadiness(t.db, reportId);
  assert.deepEqual(
    before.map((p) => p.rule),
    ['clearance-missing'],
  );
  const outboxBefore = await t.db.selectFrom('outbox').select('id').execute();
  const asked = await ask(reportId, legalId, officer.personId);
  assert.equal(asked.statusCode, 303);
  const clearance = await latestClearance(legalId);
  assert.equal(clearance.status, 'pending');
  assert.equal(clearance.officer_id, officer.personId);
  const emails = await t.db
    .selectFrom('outbox')
    .selectAll()
    .where('id', 'not in', outboxBefore.length ? outboxBefore.map((o) => o.id) : [0])
    .execute();
  assert.equal(emails.length, 1);
  assert.match(emails[0]!.body_text, new RegExp(`/clearances/${clearance.id}`));
  assert.deepEqual(
    (await checkReadiness(t.db, reportId)).map((p) => p.rule),
    ['clearance-pending'],
  );

  const checklist = await t.app.inject({
    url: `/admin/reports/${reportId}/checklist`,
    headers: { cookie: admin.cookie },
  });
  assert.match(checklist.body, /Requested from Test Person \d+ on/);

  const page = await t.app.inject({
    url: `/clearances/${clearance.id}`,
    headers: { cookie: officer.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Training for members/);
  assert.match(page.body, /Localism Act 2011/);
  const cleared = await decide(officer, clearance.id, 'clear');
  assert.equal(cleared.statusCode, 303);
  const after = await latestClearance(legalId);
  assert.equal(after.status, 'cleared');
  assert.ok(after.decided_at);
  assert.deepEqual(await checkReadiness(t.db, reportId), []);
  const audits = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'clearance')
    .where('entity_id', '=', String(clearance.id))
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audits.map((a) => a.action),
    ['request', 'clear'],
  );
  const again = await decide(officer, clearance.id, 'clear');
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /already been decided/);
});

test('return needs a comment; returned counts as not cleared', async () => {
  const { reportId, legalId } = await insertReport(t.db, authorityId);
  await ask(reportId, legalId, officer.personId);
  const clearance = await latestClearance(legalId);
  const blank = await decide(officer, clearance.id, 'return', { comment: '  ' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /Say why you are returning it/);
  const returned = await decide(officer, clearance.id, 'return', { comment: 'Cite the section.' });
  assert.equal(returned.statusCode, 303);
  const row = await latestClearance(legalId);
  assert.equal(row.status, 'returned');
  assert.equal(row.comment, 'Cite the section.');
  assert.deepEqual(
    (await checkReadiness(t.db, reportId)).map((p) => p.rule),
    ['clearance-returned'],
  );
  const checklist = await t.app.inject({
    url: `/admin/reports/${reportId}/checklist`,
    headers: { cookie: admin.cookie },
  });
  assert.match(checklist.body, /Cite the section\./);
});

test('a new request withdraws the one still waiting', async () => {
  const { reportId, legalId } = await insertReport(t.db, authorityId);
  await ask(reportId, legalId, officer.personId);
  const first = await latestClearance(legalId);
  await ask(reportId, legalId, other.personId);
  const rows = await t.db
    .selectFrom('clearances')
    .select(['id', 'status', 'officer_id'])
    .where('report_implication_id', '=', legalId)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    rows.map((r) => r.status),
    ['withdrawn', 'pending'],
  );
  const firstPage = await t.app.inject({
    url: `/clearances/${first.id}`,
    headers: { cookie: officer.cookie },
  });
  assert.doesNotMatch(firstPage.body, /action="\/clearances\/\d+\/clear"/);
  assert.match(firstPage.body, /Withdrawn: you were asked again/);
});

test('clearing is refused when the report changed since the request, and the change is shown', async () => {
  const { reportId, legalId } = await insertReport(t.db, authorityId);
  await ask(reportId, legalId, officer.personId);
  const clearance = await latestClearance(legalId);
  const form = await getForm(t.app, `/clearances/${clearance.id}`, officer.cookie);
  await t.db
    .updateTable('reports')
    .set({ summary: 'To agree a shorter training programme.' })
    .where('id', '=', reportId)
    .execute();
  const refused = await postForm(t.app, `/clearances/${clearance.id}/clear`, {}, form);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /The report changed since you were asked; look again/);
  assert.match(refused.body, /<ins class="probity-diff__ins">.*shorter/);
  assert.equal((await latestClearance(legalId)).status, 'pending');
});

test('a cleared clearance goes stale after an edit of the body or the summary', async () => {
  for (const edit of ['body', 'summary'] as const) {
    const { reportId, legalId, itemIds } = await insertReport(t.db, authorityId);
    await ask(reportId, legalId, officer.personId);
    const clearance = await latestClearance(legalId);
    await decide(officer, clearance.id, 'clear');
    assert.deepEqual(await checkReadiness(t.db, reportId), []);
    if (edit === 'body') {
      await t.db
        .updateTable('report_items')
        .set({ body: 'Members asked for more training.' })
        .where('id', '=', itemIds[1]!)
        .execute();
    } else {
      await t.db
        .updateTable('reports')
        .set({ summary: 'Something else.' })
        .where('id', '=', reportId)
        .execute();
    }
    assert.deepEqual(
      (await checkReadiness(t.db, reportId)).map((p) => p.rule),
      ['clearance-stale'],
      edit,
    );
    const checklist = await t.app.inject({
      url: `/admin/reports/${reportId}/checklist`,
      headers: { cookie: admin.cookie },
    });
    assert.match(checklist.body, /Needs clearing again/);
    const changes = await t.app.inject({
      url: `/admin/reports/${reportId}/clearances/${clearance.id}/changes`,
      headers: { cookie: admin.cookie },
    });
    assert.equal(changes.statusCode, 200);
    assert.match(changes.body, edit === 'body' ? /Paragraph 1\.1/ : /Summary/);
  }
});

test('an officer cannot see or decide another officer’s request; non-officers are refused', async () => {
  const { reportId, legalId } = await insertReport(t.db, authorityId);
  await ask(reportId, legalId, officer.personId);
  const clearance = await latestClearance(legalId);
  const seen = await t.app.inject({
    url: `/clearances/${clearance.id}`,
    headers: { cookie: other.cookie },
  });
  assert.equal(seen.statusCode, 404);
  const list = await t.app.inject({ url: '/clearances', headers: { cookie: other.cookie } });
  assert.doesNotMatch(list.body, new RegExp(`/clearances/${clearance.id}"`));
  const own = await t.app.inject({ url: '/clearances', headers: { cookie: officer.cookie } });
  assert.match(own.body, new RegExp(`/clearances/${clearance.id}"`));
  const member = await t.signInAs(['member']);
  const refused = await t.app.inject({ url: '/clearances', headers: { cookie: member.cookie } });
  assert.notEqual(refused.statusCode, 200);
  const officerOnAdmin = await t.app.inject({
    url: `/admin/reports/${reportId}/checklist`,
    headers: { cookie: officer.cookie },
  });
  assert.notEqual(officerOnAdmin.statusCode, 200);
});

test('asking without choosing an officer, or someone who is not an officer with an account, is a 400', async () => {
  const { reportId, legalId } = await insertReport(t.db, authorityId);
  const form = await getForm(t.app, `/admin/reports/${reportId}/checklist`, admin.cookie);
  const none = await postForm(
    t.app,
    `/admin/reports/${reportId}/clearances/new`,
    { implicationId: String(legalId) },
    form,
  );
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Choose the officer to clear the legal implications/);
  const member = await t.signInAs(['member']);
  const wrong = await postForm(
    t.app,
    `/admin/reports/${reportId}/clearances/new`,
    { implicationId: String(legalId), [`officer-${legalId}`]: String(member.personId) },
    form,
  );
  assert.equal(wrong.statusCode, 400);
  const missing = await t.app.inject({
    url: '/admin/reports/999999/checklist',
    headers: { cookie: admin.cookie },
  });
  assert.equal(missing.statusCode, 404);
});

test('asked again after a change, the officer sees what changed since they cleared it', async () => {
  const { reportId, legalId } = await insertReport(t.db, authorityId);
  await ask(reportId, legalId, officer.personId);
  await decide(officer, (await latestClearance(legalId)).id, 'clear');
  await t.db
    .updateTable('report_implications')
    .set({ statement: 'The council must adopt a code under the Localism Act 2011.' })
    .where('id', '=', legalId)
    .execute();
  await ask(reportId, legalId, officer.personId);
  const second = await latestClearance(legalId);
  const page = await t.app.inject({
    url: `/clearances/${second.id}`,
    headers: { cookie: officer.cookie },
  });
  assert.match(page.body, /What changed since Test Person \d+ cleared it on/);
  assert.match(page.body, /Legal implications: statement/);
  assert.match(page.body, /<del class="probity-diff__del">.*may/);
  assert.match(page.body, /<ins class="probity-diff__ins">.*must/);
  const cleared = await decide(officer, second.id, 'clear');
  assert.equal(cleared.statusCode, 303);
  assert.deepEqual(await checkReadiness(t.db, reportId), []);
});
