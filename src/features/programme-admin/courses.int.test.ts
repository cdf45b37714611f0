import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import { errorSummary, idFrom, programmeTestApp, type ProgrammeTest } from './int-test-support.js';

let s: ProgrammeTest;
let programmeId: number;
before(async () => {
  s = await programmeTestApp();
  programmeId = await createProgramme(s.t.db, s.authorityId);
});
after(() => s.t.close());

const course = (id: number) =>
  s.t.db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const valid = {
  title: 'Planning for councillors',
  purposes: 'Know the planning code\n\nDeclare interests properly ',
  format: 'briefing',
  durationMinutes: '120',
  provider: 'In-house',
  audience: 'committee',
  audienceOrganisationId: '',
  mandatory: 'yes',
  topic: 'Planning',
  codeParagraphs: '3.1, 6.2(a), A.1, 3.1',
};

test('a course for a committee is added with its purposes, topic and code paragraphs, and changed', async () => {
  const created = await s.submit(`/admin/programmes/${programmeId}/courses/new`, {
    ...valid,
    audienceOrganisationId: String(s.committee),
  });
  assert.equal(created.statusCode, 303);
  const id = idFrom(created.headers.location, 'courses');
  const row = await course(id);
  assert.equal(row.programme_id, programmeId);
  assert.equal(row.audience, 'committee');
  assert.equal(row.audience_organisation_id, s.committee);
  assert.equal(row.topic, 'planning');
  assert.equal(row.mandatory, true);
  assert.equal(row.duration_minutes, 120);
  assert.deepEqual(row.code_paragraphs, ['3.1', '6.2(a)', 'A.1']);
  const shown = await s.follow(created);
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /Course added/);
  assert.match(shown.body, /Members of Planning Committee/);
  assert.match(shown.body, /2 hours/);
  assert.match(shown.body, /<li>Declare interests properly<\/li>/);
  assert.match((await s.page(`/admin/programmes/${programmeId}`)).body, /Planning for councillors/);

  const edit = await s.page(`/admin/courses/${id}/edit`);
  assert.match(edit.body, /value="3\.1, 6\.2\(a\), A\.1"/);
  const changed = await s.submit(`/admin/courses/${id}/edit`, {
    ...valid,
    audience: 'all-members',
    audienceOrganisationId: String(s.committee),
    mandatory: 'no',
    topic: '',
    codeParagraphs: '',
  });
  assert.equal(changed.statusCode, 303);
  const after = await course(id);
  assert.equal(after.audience, 'all-members');
  assert.equal(after.audience_organisation_id, null);
  assert.equal(after.topic, null);
  assert.equal(after.mandatory, false);
  assert.deepEqual(after.code_paragraphs, []);
  assert.deepEqual(
    (await s.audits('course', id)).map((a) => a.action),
    ['created', 'updated'],
  );
});

test('the course form refuses what is missing or wrong with a 400, keeping what was typed', async () => {
  const empty = await s.submit(`/admin/programmes/${programmeId}/courses/new`, {});
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(errorSummary(empty.body), [
    'Enter the title of the course',
    'Select the format of the course',
    'Enter how long the course lasts, in minutes',
    'Select who the course is for',
    'Select whether the course is mandatory',
  ]);
  const wrong = await s.submit(`/admin/programmes/${programmeId}/courses/new`, {
    ...valid,
    durationMinutes: '600',
    topic: 'Code of conduct!',
    codeParagraphs: '3.1, para four',
  });
  assert.equal(wrong.statusCode, 400);
  assert.deepEqual(errorSummary(wrong.body), [
    'The duration must be between 15 and 480 minutes',
    'The topic key must be lower-case words joined by hyphens, like code-of-conduct',
    '"para four" is not a paragraph number: use numbers like 3.1 or 2.1(a), separated by commas',
  ]);
  assert.match(wrong.body, /value="Planning for councillors"/);
  const noCommittee = await s.submit(`/admin/programmes/${programmeId}/courses/new`, valid);
  assert.equal(noCommittee.statusCode, 400);
  assert.deepEqual(errorSummary(noCommittee.body), ['Select the committee the course is for']);
  // a committee of another council is refused
  const otherCommittee = (
    await s.t.db
      .insertInto('organisations')
      .values({
        authority_id: s.other.authority,
        name: 'Their Licensing Committee',
        classification: 'committee',
        parent_id: null,
        committee_type: 'licensing',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const foreign = await s.submit(`/admin/programmes/${programmeId}/courses/new`, {
    ...valid,
    audienceOrganisationId: String(otherCommittee),
  });
  assert.equal(foreign.statusCode, 400);
  assert.deepEqual(errorSummary(foreign.body), ['Select one of the council’s committees']);
});

test('who a course is for cannot change while it has sessions; a closed programme’s courses are fixed', async () => {
  const id = await createCourse(s.t.db, programmeId, { audience: 'political-group' });
  await createTrainingSession(s.t.db, id, { group_id: s.groupA });
  const refused = await s.submit(`/admin/courses/${id}/edit`, {
    ...valid,
    audience: 'all-members',
  });
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(errorSummary(refused.body), [
    'The course has sessions, so who it is for cannot change: cancel them first',
  ]);
  assert.equal((await course(id)).audience, 'political-group');

  const closed = await createProgramme(s.t.db, s.authorityId, {
    status: 'closed',
    approved_on: '2025-05-01',
    approval_reference: 'Minute 1',
  });
  const add = await s.submit(`/admin/programmes/${closed}/courses/new`, {
    ...valid,
    audience: 'officers',
  });
  assert.equal(add.statusCode, 400);
  assert.deepEqual(errorSummary(add.body), ['This programme is closed, so no course can be added']);
});

test('another council’s course is a page that does not exist', async () => {
  const id = s.other.course;
  for (const url of [
    `/admin/courses/${id}`,
    `/admin/courses/${id}/edit`,
    `/admin/courses/${id}/sessions/new`,
    `/admin/programmes/${s.other.programme}/courses/new`,
    '/admin/courses/0',
  ])
    assert.equal((await s.page(url)).statusCode, 404, url);
  const own = await createCourse(s.t.db, programmeId);
  const posted = await s.submit(`/admin/courses/${own}/edit`, valid, `/admin/courses/${id}/edit`);
  assert.equal(posted.statusCode, 404);
  const added = await s.submit(
    `/admin/programmes/${programmeId}/courses/new`,
    valid,
    `/admin/programmes/${s.other.programme}/courses/new`,
  );
  assert.equal(added.statusCode, 404);
  assert.equal((await course(id)).title, 'The code of conduct in practice');
});
