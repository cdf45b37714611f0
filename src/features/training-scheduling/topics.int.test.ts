import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { createCourse, createProgramme } from '../member-development/testing.js';
import { groupOfWhip, testAuthorityId } from './test-support.js';

let t: TestApp;
let admin: { cookie: string; personId: number };
let whip: { cookie: string; personId: number };
let otherWhip: { cookie: string; personId: number };
let member: { cookie: string; personId: number };
let loner: { cookie: string; personId: number };
let group: number;
let otherGroup: number;
let programmeId: number;
let otherProgrammeId: number;
let courseId: number;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['democratic-services']);
  whip = await t.signInAs(['group-whip']);
  otherWhip = await t.signInAs(['group-whip']);
  member = await t.signInAs(['member']);
  loner = await t.signInAs(['member']);
  group = await groupOfWhip(t.db, whip.personId);
  otherGroup = await groupOfWhip(t.db, otherWhip.personId);
  await t.db
    .insertInto('memberships')
    .values({ person_id: member.personId, organisation_id: group, start_date: '2024-05-01' })
    .execute();
  const authorityId = await testAuthorityId(t.db);
  otherProgrammeId = await createProgramme(t.db, authorityId, { title: 'Last year' });
  programmeId = await createProgramme(t.db, authorityId, {
    status: 'running',
    approved_on: '2026-05-01',
    approval_reference: 'MO decision 2026/2',
    starts_on: '2026-05-20',
    ends_on: `${new Date().getFullYear() + 1}-05-19`,
  });
  courseId = await createCourse(t.db, programmeId, { title: 'Standards and social media' });
});
after(() => t.close());

const propose = async (who: { cookie: string }, fields: Record<string, string>) => {
  const form = await getForm(t.app, '/group-training/topics', who.cookie);
  return postForm(t.app, '/group-training/topics', fields, form);
};
const decide = async (
  proposalId: number,
  fields: Record<string, string>,
  programme = programmeId,
) => {
  const form = await getForm(
    t.app,
    `/admin/programmes/${programmeId}/topics/${proposalId}`,
    admin.cookie,
  );
  return postForm(t.app, `/admin/programmes/${programme}/topics/${proposalId}`, fields, form);
};
const latest = () =>
  t.db.selectFrom('topic_proposals').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
const page = (who: { cookie: string }, url = '/group-training/topics') =>
  t.app.inject({ url, headers: { cookie: who.cookie } });

test('a group member proposes a topic for the programme in force; the group sees it, other groups do not', async () => {
  const proposed = await propose(member, {
    groupId: String(group),
    topic: 'Handling abuse online',
    reason: 'Several of us have been targeted since the election',
  });
  assert.equal(proposed.statusCode, 303);
  const row = await latest();
  assert.equal(row.programme_id, programmeId);
  assert.equal(row.group_id, group);
  assert.equal(row.proposed_by, member.personId);
  assert.equal(row.status, 'open');
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'topic_proposal')
    .where('entity_id', '=', String(row.id))
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['propose'],
  );
  assert.match((await page(whip)).body, /Handling abuse online/);
  assert.match((await page(member)).body, /Waiting for a reply/);
  assert.doesNotMatch((await page(otherWhip)).body, /Handling abuse online/);
});

test('proposals are refused without a topic or reason, or for a group that is not yours', async () => {
  const empty = await propose(whip, { groupId: String(group), topic: ' ', reason: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /govuk-error-summary/);
  assert.match(empty.body, /Enter the topic/);
  assert.match(empty.body, /Enter why the group wants this topic/);
  const notMine = await propose(whip, { groupId: String(otherGroup), topic: 'X', reason: 'Y' });
  assert.equal(notMine.statusCode, 400);
  assert.match(notMine.body, /Choose one of your groups/);
  const lonely = await page(loner);
  assert.match(lonely.body, /not a member of a political group/);
  assert.doesNotMatch(lonely.body, /Propose the topic/);
});

test('administrators merge a proposal into a course, with a reply the group sees', async () => {
  await propose(whip, { groupId: String(group), topic: 'Social media', reason: 'Needed' });
  const { id } = await latest();
  const list = await page(admin, `/admin/programmes/${programmeId}/topics`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Social media/);
  const noReply = await decide(id, { decision: 'merge' });
  assert.equal(noReply.statusCode, 400);
  assert.match(noReply.body, /Choose the course to merge the topic into/);
  assert.match(noReply.body, /Enter a reply to the group/);
  const merged = await decide(id, {
    decision: 'merge',
    courseId: String(courseId),
    reply: 'We will cover it in the social media session',
  });
  assert.equal(merged.statusCode, 303);
  const row = await latest();
  assert.equal(row.status, 'merged');
  assert.equal(row.course_id, courseId);
  assert.equal(row.decided_by, admin.personId);
  const seen = (await page(member)).body;
  assert.match(seen, /Merged into a course/);
  assert.match(seen, /We will cover it in the social media session/);
  assert.match(seen, /Standards and social media/);
  const again = await decide(id, { decision: 'decline', reply: 'Changed our minds' });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /already been answered/);
});

test('accepting as a new course adds a course; declining keeps the reply; another programme is a 404', async () => {
  await propose(whip, {
    groupId: String(group),
    topic: 'Planning committee basics',
    reason: 'New members',
  });
  const { id: acceptId } = await latest();
  const accepted = await decide(acceptId, { decision: 'accept', newCourse: 'yes', reply: 'Added' });
  assert.equal(accepted.statusCode, 303);
  const acceptedRow = await latest();
  assert.equal(acceptedRow.status, 'accepted');
  const course = await t.db
    .selectFrom('courses')
    .selectAll()
    .where('id', '=', acceptedRow.course_id!)
    .executeTakeFirstOrThrow();
  assert.equal(course.programme_id, programmeId);
  assert.equal(course.title, 'Planning committee basics');

  await propose(whip, { groupId: String(group), topic: 'Golf', reason: 'Fun' });
  const { id: declineId } = await latest();
  const wrong = await decide(declineId, { decision: 'decline', reply: 'No' }, otherProgrammeId);
  assert.equal(wrong.statusCode, 404);
  const declined = await decide(declineId, { decision: 'decline', reply: 'Not a standards topic' });
  assert.equal(declined.statusCode, 303);
  assert.equal((await latest()).status, 'declined');
  assert.match((await page(whip)).body, /Not a standards topic/);
  assert.notEqual((await page(whip, `/admin/programmes/${programmeId}/topics`)).statusCode, 200);
});
