import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { createTrainingSession } from '../member-development/testing.js';
import { confirmedSession, groupCourse, groupWithMembers } from './test-support.js';

/** /admin/sessions/<id>/invitations: who is invited, required, replies, numbers. */
let t: TestApp;
let world: Awaited<ReturnType<typeof groupWithMembers>>;
let session = 0;
let empty = 0;
let admin: { cookie: string };
before(async () => {
  t = await buildTestApp();
  world = await groupWithMembers(t.db, 4);
  const course = await groupCourse(t.db, world.programmeId, 'Code of conduct workshop');
  session = await confirmedSession(t.db, course, world.groupId, new Date('2027-03-30T17:00Z'), {
    capacity: 3,
    minimum_numbers: 3,
  });
  empty = await createTrainingSession(t.db, course, { group_id: world.groupId });
  const replies = ['attending', 'tentative', 'not-attending'] as const;
  for (const [index, response] of replies.entries()) {
    await t.db
      .updateTable('session_invitations')
      .set({
        response,
        response_reason: response === 'not-attending' ? 'On holiday' : '',
        responded_at: new Date(),
      })
      .where('session_id', '=', session)
      .where('person_id', '=', world.members[index]!.personId)
      .execute();
  }
  admin = await t.signInAs(['democratic-services']);
});
after(() => t.close());

const page = (id: number, cookie: string) =>
  t.app.inject({ url: `/admin/sessions/${id}/invitations`, headers: { cookie } });

test('administrators see who is invited, the replies and the numbers against the minimum', async () => {
  const response = await page(session, admin.cookie);
  assert.equal(response.statusCode, 200);
  const body = response.body;
  assert.match(body, /<h1 class="govuk-heading-l">Code of conduct workshop \(Training Group/);
  assert.match(body, /Tuesday 30 March 2027, 6pm to 7:30pm/);
  assert.match(body, /4 \(required of 4\)/);
  assert.match(body, /1 of 3 places/);
  assert.match(body, /Not attending<\/strong> On holiday/);
  assert.match(body, /Tentative \(maybe\)/);
  assert.match(body, /No reply yet/);
  assert.match(
    body,
    /1 attending so far: 2 more needed to reach the minimum of 3\./,
    'the tentative reply does not make up the shortfall',
  );
  assert.match(body, /Invitation email not sent yet/);
  assert.match(body, new RegExp(`href="/admin/sessions/${session}"`));
  const rows = body.match(/<tr class="govuk-table__row">/g) ?? [];
  assert.equal(rows.length, 5, 'a header row and one row per member');
});

test('the list narrows to one kind of reply; an unknown filter shows everyone', async () => {
  const url = `/admin/sessions/${session}/invitations`;
  const read = (query: string) =>
    t.app.inject({ url: `${url}${query}`, headers: { cookie: admin.cookie } });
  const all = await read('');
  assert.match(all.body, /<strong>Everyone \(4\)<\/strong>/);
  assert.match(all.body, new RegExp(`href="${url}\\?reply=none">No reply yet \\(1\\)`));
  const declined = await read('?reply=not-attending');
  assert.equal(declined.statusCode, 200);
  assert.match(declined.body, /<strong>Not attending \(1\)<\/strong>/);
  assert.match(declined.body, /Who is invited: not attending/);
  assert.equal((declined.body.match(/<tr class="govuk-table__row">/g) ?? []).length, 2);
  const odd = await read('?reply=%3Cscript%3E');
  assert.equal(odd.statusCode, 200);
  assert.equal((odd.body.match(/<tr class="govuk-table__row">/g) ?? []).length, 5);
});

test('a session nobody is invited to says so; others are refused or not found', async () => {
  const none = await page(empty, admin.cookie);
  assert.equal(none.statusCode, 200);
  assert.match(none.body, /Nobody is invited yet/);
  assert.equal((await page(999999, admin.cookie)).statusCode, 404);
  assert.equal(
    (
      await t.app.inject({
        url: '/admin/sessions/abc/invitations',
        headers: { cookie: admin.cookie },
      })
    ).statusCode,
    404,
  );
  const member = world.members[0]!;
  assert.equal((await page(session, member.cookie)).statusCode, 403);
});
