import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTrainingSession } from '../member-development/testing.js';
import { dateFields, errorSummary, idFrom, type ProgrammeTest } from './int-test-support.js';
import { blankSession as blank, sessionTestApp, type SessionTest } from './session-test-support.js';

/** Adding sessions: a group's, all members', officers'; another council's is out of reach. */
let s: ProgrammeTest;
let groupCourse: number;
let allCourse: number;
let officersCourse: number;
let session: SessionTest['session'];
let confirmed: SessionTest['confirmed'];
let close: () => Promise<void>;
before(async () => {
  const f = await sessionTestApp();
  ({ s, groupCourse, allCourse, officersCourse, session, confirmed } = f);
  close = () => f.s.t.close();
});
after(() => close());

test('a group’s session is added for a chosen group without a date; one session per group', async () => {
  const url = `/admin/courses/${groupCourse}/sessions/new`;
  const form = await s.page(url);
  assert.match(form.body, /Blue Group/);
  assert.match(form.body, /Date of the session \(optional\)/);
  const created = await s.submit(url, { ...blank, groupId: String(s.groupA), capacity: '30' });
  assert.equal(created.statusCode, 303);
  const id = idFrom(created.headers.location, 'sessions');
  const row = await session(id);
  assert.equal(row.group_id, s.groupA);
  assert.equal(row.starts_at, null);
  assert.equal(row.status, 'planned');
  assert.equal(row.capacity, 30);
  const shown = await s.follow(created);
  assert.match(shown.body, /Session added/);
  assert.match(shown.body, /Date to be agreed/);
  assert.match(shown.body, new RegExp(`/admin/sessions/${id}/dates`));
  assert.match(shown.body, new RegExp(`/admin/sessions/${id}/invitations`));
  assert.match(shown.body, new RegExp(`/admin/sessions/${id}/attendance`));

  const again = await s.submit(url, { ...blank, groupId: String(s.groupA) });
  assert.equal(again.statusCode, 400);
  assert.deepEqual(errorSummary(again.body), ['This group already has a session of this course']);
  const none = await s.submit(url, blank);
  assert.equal(none.statusCode, 400);
  assert.deepEqual(errorSummary(none.body), ['Select the political group the session is for']);
  const timeOnly = await s.submit(url, { ...blank, groupId: String(s.groupB), startTime: '18:00' });
  assert.equal(timeOnly.statusCode, 400);
  assert.deepEqual(errorSummary(timeOnly.body), ['Enter the date, or leave the times blank']);
  const otherGroup = (
    await s.t.db
      .insertInto('organisations')
      .values({
        authority_id: s.other.authority,
        name: 'Their Group',
        classification: 'political-group',
        parent_id: null,
        committee_type: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const foreign = await s.submit(url, { ...blank, groupId: String(otherGroup) });
  assert.equal(foreign.statusCode, 400);
  // a cancelled session frees the group for a new one
  await s.t.db
    .updateTable('training_sessions')
    .set({ status: 'cancelled' })
    .where('id', '=', id)
    .execute();
  assert.equal((await s.submit(url, { ...blank, groupId: String(s.groupA) })).statusCode, 303);
  assert.deepEqual(
    (await s.audits('training-session', id)).map((a) => a.action),
    ['created'],
  );
});

test('a session for all members needs a date; its times are England’s and its end defaults to the course length', async () => {
  const url = `/admin/courses/${allCourse}/sessions/new`;
  const undated = await s.submit(url, { ...blank, venue: 'Council Chamber' });
  assert.equal(undated.statusCode, 400);
  assert.deepEqual(errorSummary(undated.body), ['Enter the date of the session']);
  assert.match(undated.body, /value="Council Chamber"/);

  const wrong = await s.submit(url, {
    ...blank,
    ...dateFields('sessionDate', '2026-10-14'),
    startTime: 'teatime',
    onlineUrl: 'teams meeting',
    capacity: 'forty',
  });
  assert.equal(wrong.statusCode, 400);
  assert.deepEqual(errorSummary(wrong.body), [
    'Enter the online link starting with https://',
    'Enter the capacity as a whole number, like 40',
  ]);
  const badTime = await s.submit(url, {
    ...blank,
    ...dateFields('sessionDate', '2026-10-14'),
    startTime: 'teatime',
  });
  assert.deepEqual(errorSummary(badTime.body), ['Enter a time like 18:30 or 6:30pm']);
  const tooFew = await s.submit(url, {
    ...blank,
    ...dateFields('sessionDate', '2026-10-14'),
    startTime: '18:00',
    capacity: '10',
    minimumNumbers: '20',
  });
  assert.equal(tooFew.statusCode, 400);
  assert.deepEqual(errorSummary(tooFew.body), [
    'The minimum numbers cannot be more than the capacity',
  ]);

  const summer = await s.submit(url, {
    ...blank,
    ...dateFields('sessionDate', '2026-10-14'),
    startTime: '6pm',
    venue: 'Council Chamber',
    onlineUrl: 'https://meet.example/local-decisions',
    capacity: '60',
    minimumNumbers: '20',
  });
  assert.equal(summer.statusCode, 303);
  const row = await session(idFrom(summer.headers.location, 'sessions'));
  assert.equal(row.starts_at?.toISOString(), '2026-10-14T17:00:00.000Z');
  assert.equal(row.ends_at?.toISOString(), '2026-10-14T19:00:00.000Z');
  assert.equal(row.online_url, 'https://meet.example/local-decisions');
  const winter = await s.submit(url, {
    ...blank,
    ...dateFields('sessionDate', '2026-11-04'),
    startTime: '18:00',
    endTime: '19:30',
  });
  const winterRow = await session(idFrom(winter.headers.location, 'sessions'));
  assert.equal(winterRow.starts_at?.toISOString(), '2026-11-04T18:00:00.000Z');
  assert.equal(winterRow.ends_at?.toISOString(), '2026-11-04T19:30:00.000Z');
  const page = await s.page(`/admin/sessions/${winterRow.id}`);
  assert.match(page.body, /Wednesday,? 4 November 2026, 6:00pm to 7:30pm/);
});

test('an officers’ session may complement a members’ session of the same council', async () => {
  const members = await confirmed(allCourse);
  const url = `/admin/courses/${officersCourse}/sessions/new`;
  const form = await s.page(url);
  assert.match(form.body, /Members’ session it complements/);
  assert.doesNotMatch(form.body, new RegExp(`value="${s.other.session}"`));
  const fields = { ...blank, ...dateFields('sessionDate', '2026-10-20'), startTime: '10:00' };
  const foreign = await s.submit(url, { ...fields, complementsSessionId: String(s.other.session) });
  assert.equal(foreign.statusCode, 400);
  assert.deepEqual(errorSummary(foreign.body), ['Select one of the members’ sessions, or none']);
  const created = await s.submit(url, { ...fields, complementsSessionId: String(members) });
  assert.equal(created.statusCode, 303);
  const id = idFrom(created.headers.location, 'sessions');
  assert.equal((await session(id)).complements_session_id, members);
  assert.match(
    (await s.page(`/admin/sessions/${members}`)).body,
    new RegExp(`Officers’ sessions alongside[\\s\\S]*href="/admin/sessions/${id}"`),
  );
  assert.match(
    (await s.page(`/admin/sessions/${id}`)).body,
    new RegExp(`href="/admin/sessions/${members}"`),
  );
});

test('another council’s session is a page that does not exist', async () => {
  const id = s.other.session;
  for (const url of [
    `/admin/sessions/${id}`,
    `/admin/sessions/${id}/edit`,
    `/admin/sessions/${id}/cancel`,
    '/admin/sessions/x',
  ])
    assert.equal((await s.page(url)).statusCode, 404, url);
  const own = await createTrainingSession(s.t.db, allCourse);
  const ownPage = `/admin/sessions/${own}`;
  for (const action of [
    `/admin/sessions/${id}/edit`,
    `/admin/sessions/${id}/cancel`,
    `/admin/sessions/${id}/facilitators`,
    `/admin/sessions/${id}/facilitators/${s.admin.personId}/remove`,
    `/admin/courses/${s.other.course}/sessions/new`,
  ])
    assert.equal(
      (await s.submit(ownPage, { ...blank, personId: String(s.admin.personId) }, action))
        .statusCode,
      404,
      action,
    );
  assert.equal((await session(id)).status, 'planned');
});
