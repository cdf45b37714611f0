import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { findReportsTargets, type ReportsTargets } from '../bench/pages-reports.js';
import { checkReadiness } from '../features/report-readiness/index.js';
import { createSession, SESSION_COOKIE } from '../platform/session.js';
import { buildTestApp, type TestApp } from '../testing/app.js';
import { generateLargeDataset, LARGE_ACCOUNTS } from './large.js';
import { complaintsPdf } from './large-extras-reports.js';

/** A small large council: the report and its meeting do not depend on the size. */
const OPTIONS = { parishes: 8, members: 400, officers: 40, years: 2 };

let t: TestApp;
let targets: ReportsTargets;
let mo: string;

before(async () => {
  t = await buildTestApp();
  await generateLargeDataset(t.db, OPTIONS);
  targets = await findReportsTargets(t.db);
  const person = await t.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', LARGE_ACCOUNTS.monitoringOfficer)
    .executeTakeFirstOrThrow();
  const token = await createSession(t.db, person.id, { idleMinutes: 60, absoluteHours: 2 });
  mo = `${SESSION_COOKIE}=${token}`;
});

after(async () => {
  await t.close();
});

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

test('last year’s standards report is public, with its appendices, on a held meeting', async () => {
  const page = await get(`/reports/${targets.publishedId}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Annual report on standards of conduct, \d{4}\/\d{2}/);
  assert.match(page.body, /The Members’ Code of Conduct in force/);
  assert.match(page.body, /Complaints about members by council and outcome/);
  assert.deepEqual(await checkReadiness(t.db, targets.publishedId), []);
  const file = await get(`/reports/${targets.publishedId}/appendices/${targets.fileAppendixId}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.equal(file.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  const agenda = await get(`/meetings/${targets.heldMeetingId}`);
  assert.match(agenda.body, new RegExp(`/reports/${targets.publishedId}`));
});

test('the meeting’s minutes record attendance, declarations and a resolution on each recommendation', async () => {
  const minutes = await get(`/meetings/${targets.heldMeetingId}/minutes`);
  assert.equal(minutes.statusCode, 200);
  assert.match(minutes.body, /Agreed as amended/i);
  assert.match(minutes.body, /other registrable interest/);
  const resolutions = await t.db
    .selectFrom('resolutions')
    .select('outcome')
    .where('agenda_item_id', '=', targets.heldItemId)
    .execute();
  assert.equal(resolutions.length, 3);
  const attendance = await t.db
    .selectFrom('meeting_attendance')
    .select('status')
    .where('meeting_id', '=', targets.heldMeetingId)
    .execute();
  assert.ok(attendance.filter((a) => a.status === 'present').length >= 5);
});

test('the returned legal clearance shows what changed after it', async () => {
  const page = await get(
    `/admin/reports/${targets.publishedId}/clearances/${targets.returnedClearanceId}/changes`,
    mo,
  );
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Paragraph 2\.1\.3/);
  assert.match(page.body, /Legal implications: statement/);
  assert.match(page.body, /probity-diff__ins/);
});

test('the draft report is still ready but for its one pending clearance', async () => {
  const problems = await checkReadiness(t.db, targets.draftId);
  assert.deepEqual(
    problems.map((p) => p.rule),
    ['clearance-pending'],
  );
});

test('the complaints appendix is a PDF whose cross-references point at its objects', () => {
  const pdf = complaintsPdf('2024/25').toString('latin1');
  const xref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
  assert.ok(pdf.slice(xref).startsWith('xref'));
  const offsets = [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  assert.equal(offsets.length, 5);
  offsets.forEach((offset, i) => assert.ok(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)));
});
