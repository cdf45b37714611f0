import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgramme } from '../member-development/testing.js';
import { createAuthority } from '../code-of-conduct/testing.js';
import { errorSummary, meetingsTestApp, type MeetingsTest } from './int-test-support.js';

let s: MeetingsTest;
before(async () => {
  s = await meetingsTestApp();
});
after(() => s.t.close());

const programme = (id: number) =>
  s.t.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A past committee meeting with a report whose one recommendation asks to approve `programmeId`. */
async function approvalMeeting(programmeId: number) {
  const startsAt = new Date('2026-06-02T17:30:00Z');
  const id = await s.makeMeeting(startsAt, {
    agenda_published_at: new Date('2026-05-25T09:00:00Z'),
  });
  const report = await s.makeReport({
    title: 'Member development programme 2026/27',
    recommendations: [{ text: 'Approve the programme.', programmeId }],
  });
  const item = await s.addItem(id, 'Member development', report.id);
  return {
    id,
    item,
    reportId: report.id,
    rec: report.recIds[0]!,
    url: `/admin/meetings/${id}/items/${item}/resolutions`,
  };
}

test("the committee's agreement approves the draft programme on the day of the meeting, linked to its resolution", async () => {
  const id = await createProgramme(s.t.db, s.authority.id, { title: 'Development 2026/27' });
  const m = await approvalMeeting(id);
  const form = await s.page(m.url);
  assert.match(form.body, /asks for approval of the development programme “Development 2026\/27”/);

  const response = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'agreed',
    minuteReference: 'SC 12/26',
  });
  assert.equal(response.statusCode, 303);
  const after = await programme(id);
  const [resolution] = await s.t.db
    .selectFrom('resolutions')
    .selectAll()
    .where('agenda_item_id', '=', m.item)
    .execute();
  assert.equal(after.status, 'approved');
  assert.equal(after.approved_on, '2026-06-02');
  assert.equal(after.approved_resolution_id, resolution!.id);
  assert.equal(after.approval_reference, null);
  assert.deepEqual(
    (await s.audits('programme', id)).map((a) => a.action),
    ['approved'],
  );

  const page = await s.page(`/admin/programmes/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(
    page.body,
    /Approved by Standards \w+ Committee on 2 June 2026 \(minute SC 12\/26\)/,
  );
  assert.ok(page.body.includes(`href="/admin/meetings/${m.id}"`), 'links to the meeting');
  assert.ok(page.body.includes(`href="/admin/reports/${m.reportId}"`), 'links to the report');

  // the resolution that approved the programme cannot be changed afterwards
  const change = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'not-agreed',
    minuteReference: 'SC 12/26',
  });
  assert.equal(change.statusCode, 400);
  assert.match(
    errorSummary(change.body)[0] ?? '',
    /already approved the development programme “Development 2026\/27”/,
  );
  assert.equal((await programme(id)).status, 'approved');
});

test('a programme that is no longer a draft is refused and nothing is recorded', async () => {
  const id = await createProgramme(s.t.db, s.authority.id, {
    title: 'Already approved',
    status: 'approved',
    approved_on: '2026-05-01',
    approval_reference: 'MO decision 4/26',
  });
  const m = await approvalMeeting(id);
  const response = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'agreed',
    minuteReference: 'SC 13/26',
  });
  assert.equal(response.statusCode, 400);
  assert.match(errorSummary(response.body)[0] ?? '', /“Already approved” is already approved/);
  const resolutions = await s.t.db
    .selectFrom('resolutions')
    .select('id')
    .where('agenda_item_id', '=', m.item)
    .execute();
  assert.equal(resolutions.length, 0);
  assert.equal((await programme(id)).approval_reference, 'MO decision 4/26');
});

test('not agreeing, or deferring, leaves the programme a draft', async () => {
  const id = await createProgramme(s.t.db, s.authority.id, { title: 'Deferred programme' });
  const m = await approvalMeeting(id);
  const response = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'deferred',
    minuteReference: 'SC 14/26',
  });
  assert.equal(response.statusCode, 303);
  assert.equal((await programme(id)).status, 'draft');
});

test("a report's recommendation may name one of the council's draft programmes, and not a code version as well", async () => {
  const id = await createProgramme(s.t.db, s.authority.id, { title: 'Programme for a report' });
  const other = await createAuthority(s.t.db, `other-${s.tag}`);
  const theirs = await createProgramme(s.t.db, other, { title: 'Another council’s programme' });
  const report = await s.makeReport({ title: 'Programme report' });
  const url = `/admin/reports/${report.id}/recommendations/new`;
  const action = `/admin/reports/${report.id}/recommendations`;

  const form = await s.page(url);
  assert.match(form.body, /Development programme: Programme for a report/);
  assert.doesNotMatch(form.body, /Another council’s programme/);

  const foreign = await s.submit(url, { text: 'Approve it.', programmeId: String(theirs) }, action);
  assert.equal(foreign.statusCode, 400);
  assert.match(errorSummary(foreign.body)[0] ?? '', /Select a draft development programme/);

  const version = await s.t.db
    .insertInto('code_versions')
    .values({ authority_id: s.authority.id, number: 90, title: 'Draft code', status: 'draft' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const both = await s.submit(
    url,
    { text: 'Approve both.', programmeId: String(id), codeVersionId: String(version.id) },
    action,
  );
  assert.equal(both.statusCode, 400);
  assert.match(errorSummary(both.body)[0] ?? '', /not both/);

  const added = await s.submit(
    url,
    { text: 'Approve the programme.', programmeId: String(id) },
    action,
  );
  assert.equal(added.statusCode, 303);
  const page = await s.page(`/admin/reports/${report.id}`);
  assert.match(
    page.body,
    /Approves: <a class="govuk-link" href="\/admin\/programmes\/\d+">Development programme: Programme for a report \(draft\)<\/a>/,
  );
  const programmePage = await s.page(`/admin/programmes/${id}`);
  assert.match(programmePage.body, /Reports asking a committee to approve it:/);
  assert.ok(programmePage.body.includes(`href="/admin/reports/${report.id}"`));
});
