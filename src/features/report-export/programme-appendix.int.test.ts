import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { dataChanged } from '../../testing/data.js';
import { createAuthority } from '../code-of-conduct/testing.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import { createCommittee, createReport } from '../public-meetings/testing.js';

/**
 * A report with a development programme appended (kind 'programme'): the public reads the
 * programme in full on the open report's page and its print page, and in the Word document;
 * what they read is the programme as it stands (approving it shows at once).
 */
let t: TestApp;
/** the council the reports belong to */
let councilId = 0;
let reportId = 0;
let programmeId = 0;

before(async () => {
  t = await buildTestApp();
  const authorityId = await createAuthority(t.db, 'px-city', { name: 'Pexley City Council' });
  councilId = authorityId;
  const committee = await createCommittee(t.db, authorityId, 'Standards Committee');
  const greens = await createCommittee(t.db, authorityId, 'Green Group', 'political-group');
  const report = await createReport(t.db, {
    authorityId,
    committeeId: committee,
    title: 'Training members in the year ahead',
    recommendations: ['Approve the development programme at Appendix A.'],
  });
  reportId = report.id;
  programmeId = await createProgramme(t.db, authorityId, {
    title: 'Members’ Learning Plan 2027/28',
    starts_on: '2027-05-01',
    ends_on: '2028-04-30',
  });
  const course = await createCourse(t.db, programmeId, {
    title: 'Declaring interests with confidence',
    audience: 'political-group',
    purposes: 'Spot an interest before the meeting\nKnow when to leave the room',
    duration_minutes: 90,
  });
  await createTrainingSession(t.db, course, { group_id: greens });
  await createTrainingSession(t.db, course, {
    starts_at: new Date('2027-11-16T18:00:00Z'),
    ends_at: new Date('2027-11-16T19:30:00Z'),
    status: 'confirmed',
    confirmed_at: new Date('2027-06-01T09:00:00Z'),
  });
  await createCourse(t.db, programmeId, {
    title: 'Planning committee refresher',
    audience: 'committee',
    audience_organisation_id: committee,
    format: 'briefing',
    duration_minutes: 45,
  });
  await t.db
    .insertInto('report_appendices')
    .values({
      report_id: reportId,
      position: 1,
      title: 'Draft learning plan',
      kind: 'programme',
      programme_id: programmeId,
    })
    .execute();
  await dataChanged(t.db);
});
after(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });

/** Each row of the programme's table, its cells as text. */
function programmeTable(html: string): string[][] {
  const table =
    /<table class="govuk-table">\s*<caption[^>]*>Courses and sessions[\s\S]*?<\/table>/.exec(
      html,
    )?.[0];
  assert.ok(table, 'the programme’s table');
  return [...table.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) =>
    [...m[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      c[1]!
        .replace(/<br>/g, ' | ')
        .replace(/<\/li>\s*<li>/g, ' / ')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

const EXPECTED_ROWS = [
  ['Course', 'Who it is for', 'Purposes', 'Sessions'],
  [
    'Declaring interests with confidence | Workshop, 1 hour 30 minutes',
    'Each political group, in a session of its own',
    'Spot an interest before the meeting / Know when to leave the room',
    'Tuesday 16 November 2027, 6:00pm to 7:30pm / Green Group: date to be agreed',
  ],
  [
    'Planning committee refresher | Briefing, 45 minutes',
    'Members of Standards Committee',
    'None given',
    'No sessions arranged yet',
  ],
];

test('the public report page shows the programme in full, without signing in', async () => {
  const response = await get(`/reports/${reportId}`);
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(
    html,
    /Appendix A:\s*<a class="govuk-link" href="#appendix-A">Draft learning plan<\/a>/,
  );
  assert.doesNotMatch(html, /Draft learning plan \(not yet published\)/);
  assert.match(html, /<h3[^>]*>Appendix A: Draft learning plan<\/h3>/);
  assert.match(html, /Programme\s*<\/dt>\s*<dd[^>]*>\s*Members’ Learning Plan 2027\/28/);
  assert.match(html, /Period\s*<\/dt>\s*<dd[^>]*>\s*1 May 2027 to 30 April 2028/);
  assert.match(html, /Status\s*<\/dt>\s*<dd[^>]*>\s*Draft, not yet approved/);
  assert.deepEqual(programmeTable(html), EXPECTED_ROWS);
  // the administrators' programme page is not linked from the public page
  assert.doesNotMatch(html, /\/admin\/programmes/);

  const print = await get(`/reports/${reportId}/print`);
  assert.equal(print.statusCode, 200);
  assert.deepEqual(programmeTable(print.body), EXPECTED_ROWS);
});

test('once the programme is approved, the public page says so', async () => {
  await t.db
    .updateTable('programmes')
    .set({ status: 'approved', approved_on: '2027-03-10', approval_reference: 'MO decision 7' })
    .where('id', '=', programmeId)
    .execute();
  await dataChanged(t.db);
  const html = (await get(`/reports/${reportId}`)).body;
  assert.match(html, /Status\s*<\/dt>\s*<dd[^>]*>\s*Approved\s*</);
  assert.match(html, /Approved\s*<\/dt>\s*<dd[^>]*>\s*On 10 March 2027, reference MO decision 7/);
});

test('the Word document has the programme as an appendix with its table', async () => {
  const response = await get(`/reports/${reportId}/word`);
  assert.equal(response.statusCode, 200);
  const { value: html } = await mammoth.convertToHtml({ buffer: response.rawPayload });
  assert.match(html, /<h2>Appendix A: Draft learning plan<\/h2>/);
  const tables = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);
  const table = tables.find((x) => x.includes('Who it is for'));
  assert.ok(table, 'the programme’s table in Word');
  const rows = [...table.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) =>
    [...m[0].matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
      c[1]!
        .replace(/<\/p><p>/g, ' / ')
        .replace(/<[^>]+>/g, '')
        .trim(),
    ),
  );
  assert.deepEqual(rows, [
    ['Course', 'Who it is for', 'Purposes', 'Sessions'],
    [
      'Declaring interests with confidence / Workshop, 1 hour 30 minutes',
      'Each political group, in a session of its own',
      'Spot an interest before the meeting / Know when to leave the room',
      'Tuesday 16 November 2027, 6:00pm to 7:30pm / Green Group: date to be agreed',
    ],
    [
      'Planning committee refresher / Briefing, 45 minutes',
      'Members of Standards Committee',
      'None given',
      'No sessions arranged yet',
    ],
  ]);
  const { value: text } = await mammoth.extractRawText({ buffer: response.rawPayload });
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  assert.ok(lines.includes('Appendix A: Draft learning plan'));
  assert.ok(lines.includes('Programme:\tMembers’ Learning Plan 2027/28'));
  assert.ok(lines.includes('Period:\t1 May 2027 to 30 April 2028'));
  assert.ok(lines.some((line) => line.startsWith('Status:\tApproved')));
});

test('the administrators’ print page and Word export carry the programme too', async () => {
  const admin = await t.signInAs(['democratic-services'], { authorityId: councilId });
  const print = await get(`/admin/reports/${reportId}/print`, admin.cookie);
  assert.equal(print.statusCode, 200);
  assert.deepEqual(programmeTable(print.body)[0], [
    'Course',
    'Who it is for',
    'Purposes',
    'Sessions',
  ]);
  const word = await get(`/admin/reports/${reportId}/word`, admin.cookie);
  assert.equal(word.statusCode, 200);
  const { value } = await mammoth.extractRawText({ buffer: word.rawPayload });
  assert.match(value, /Appendix A: Draft learning plan/);
  assert.match(value, /Declaring interests with confidence/);
});
