import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createGroup } from '../../testing/app.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import { checklistTestApp, createAuthority, createReport } from './test-support.js';

/**
 * A development programme appended to a committee report (kind 'programme', migration 0014):
 * the appendix form, its refusals, the report page showing the programme in full, and the
 * database's own rule that a programme appendix names a programme and nothing else.
 */
let s: Awaited<ReturnType<typeof checklistTestApp>>;
let reportId: number;
let programmeId: number;
before(async () => {
  s = await checklistTestApp();
  reportId = await createReport(s.t.db, s.authorityId, 'Members’ training for next year');
  programmeId = await createProgramme(s.t.db, s.authorityId, {
    title: 'Member Development Programme 2027/28',
    starts_on: '2027-04-01',
    ends_on: '2028-03-31',
  });
  const reds = await createGroup(s.t.db, 'Red Group');
  const blues = await createGroup(s.t.db, 'Blue Group');
  const groupCourse = await createCourse(s.t.db, programmeId, {
    title: 'Living the code in your group',
    audience: 'political-group',
    purposes: 'Know the duties of the code\nApply them to real cases',
    mandatory: true,
    duration_minutes: 120,
  });
  await createTrainingSession(s.t.db, groupCourse, { group_id: reds });
  await createTrainingSession(s.t.db, groupCourse, {
    group_id: blues,
    starts_at: new Date('2027-07-06T17:30:00Z'),
    ends_at: new Date('2027-07-06T19:00:00Z'),
  });
  const allCourse = await createCourse(s.t.db, programmeId, {
    title: 'Social media and the councillor',
    audience: 'all-members',
    format: 'briefing',
    duration_minutes: 60,
  });
  await createTrainingSession(s.t.db, allCourse, {
    starts_at: new Date('2027-09-14T17:00:00Z'),
    ends_at: new Date('2027-09-14T18:00:00Z'),
    status: 'confirmed',
    confirmed_at: new Date('2027-01-10T10:00:00Z'),
  });
  await createTrainingSession(s.t.db, allCourse, {
    starts_at: new Date('2027-10-01T17:00:00Z'),
    status: 'cancelled',
  });
});
after(() => s.t.close());

const base = () => `/admin/reports/${reportId}/appendices`;

test('the form offers the council’s programmes and appends one, linked to its page', async () => {
  const form = (await s.page(base())).body;
  assert.match(form, /Append a development programme/);
  assert.match(
    form,
    new RegExp(
      `<option value="${programmeId}">Member Development Programme 2027/28 \\(1 April 2027 to 31 March 2028, draft\\)</option>`,
    ),
  );
  const added = await s.submit(base(), `${base()}/programme`, {
    title: 'Draft development programme',
    programmeId: String(programmeId),
  });
  assert.equal(added.statusCode, 303);
  const rows = await s.t.db
    .selectFrom('report_appendices')
    .selectAll()
    .where('report_id', '=', reportId)
    .execute();
  assert.deepEqual(
    rows.map((r) => [r.position, r.kind, r.title, r.programme_id, r.code_version_id, r.file_id]),
    [[1, 'programme', 'Draft development programme', programmeId, null, null]],
  );
  const audit = await s.t.db
    .selectFrom('audit_events')
    .select(['action'])
    .where('entity', '=', 'report-appendix')
    .where('entity_id', '=', String(rows[0]!.id))
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['added'],
  );
  const page = (await s.page(base())).body;
  assert.match(
    page,
    new RegExp(`href="/admin/programmes/${programmeId}">Draft development programme</a>`),
  );
  assert.match(page, /Development programme \(draft\), shown in full with the report/);
});

test('another council’s programme is refused with a clear message; nothing is added', async () => {
  const elsewhere = await createAuthority(s.t.db, 'programmes-elsewhere');
  const foreign = await createProgramme(s.t.db, elsewhere, { title: 'Their programme' });
  const before = await s.t.db
    .selectFrom('report_appendices')
    .select('id')
    .where('report_id', '=', reportId)
    .execute();
  const response = await s.submit(base(), `${base()}/programme`, {
    title: 'Someone else’s',
    programmeId: String(foreign),
  });
  assert.equal(response.statusCode, 400);
  assert.match(
    response.body,
    /That programme belongs to another council: select one of Test Council(&#39;|')s programmes/,
  );
  assert.match(response.body, /href="#programmeId"/);
  assert.match(response.body, /value="Someone else’s"/);
  assert.doesNotMatch(response.body, /Their programme/);

  const none = await s.submit(base(), `${base()}/programme`, { title: 'No programme' });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Select a development programme/);
  const untitled = await s.submit(base(), `${base()}/programme`, {
    title: '',
    programmeId: String(programmeId),
  });
  assert.equal(untitled.statusCode, 400);
  assert.match(untitled.body, /href="#programmeTitle"/);
  const after = await s.t.db
    .selectFrom('report_appendices')
    .select('id')
    .where('report_id', '=', reportId)
    .execute();
  assert.equal(after.length, before.length);
});

test('the report page shows the programme in full: facts, courses, audiences and sessions', async () => {
  const html = (await s.page(`/admin/reports/${reportId}`)).body;
  assert.match(html, /href="#appendix-A">Draft development programme<\/a>/);
  assert.match(html, /<h3[^>]*>Appendix A: Draft development programme<\/h3>/);
  const table =
    /<table class="govuk-table">\s*<caption[^>]*>Courses and sessions[\s\S]*?<\/table>/.exec(
      html,
    )?.[0];
  assert.ok(table, 'the programme’s table');
  const cells = [...table.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) =>
    [...m[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      c[1]!
        .replace(/<br>/g, ' | ')
        .replace(/<\/li>\s*<li>/g, ' / ')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
  assert.deepEqual(cells, [
    ['Course', 'Who it is for', 'Purposes', 'Sessions'],
    [
      'Living the code in your group | Workshop, 2 hours, mandatory',
      'Each political group, in a session of its own',
      'Know the duties of the code / Apply them to real cases',
      'Blue Group: Tuesday 6 July 2027, 6:30pm to 8:00pm (not yet confirmed) / Red Group: date to be agreed',
    ],
    [
      'Social media and the councillor | Briefing, 1 hour',
      'All members of the council',
      'None given',
      'Tuesday 14 September 2027, 6:00pm to 7:00pm',
    ],
  ]);
  assert.match(html, /Period\s*<\/dt>\s*<dd[^>]*>\s*1 April 2027 to 31 March 2028/);
  assert.match(html, /Status\s*<\/dt>\s*<dd[^>]*>\s*Draft, not yet approved/);
});

test('the database refuses a programme appendix without a programme, or another kind with one', async () => {
  const insert = (values: {
    kind: 'programme' | 'file';
    programme_id: number | null;
    position: number;
  }) =>
    s.t.db
      .insertInto('report_appendices')
      .values({ report_id: reportId, title: 'Broken', ...values })
      .execute();
  await assert.rejects(insert({ kind: 'programme', programme_id: null, position: 20 }), /check/);
  await assert.rejects(insert({ kind: 'file', programme_id: programmeId, position: 21 }), /check/);
});
