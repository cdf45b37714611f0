import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, mergeCookies, postForm, type TestApp } from '../../testing/app.js';
import { changeSession, confirmedSession, groupCourse, groupWithMembers } from './test-support.js';

/** /my/training: a person's invitations and their replies, each audited. */
let t: TestApp;
let world: Awaited<ReturnType<typeof groupWithMembers>>;
let required = 0;
let optional = 0;
let cancelled = 0;
let past = 0;
before(async () => {
  t = await buildTestApp();
  world = await groupWithMembers(t.db, 2);
  const mandatory = await groupCourse(t.db, world.programmeId, 'Code of conduct workshop');
  const open = await groupCourse(t.db, world.programmeId, 'Chairing skills', false);
  required = await confirmedSession(t.db, mandatory, world.groupId, new Date('2027-03-30T17:00Z'), {
    online_url: 'https://meet.example/abc',
  });
  optional = await confirmedSession(t.db, open, world.groupId, new Date('2027-04-02T09:00Z'));
  cancelled = await confirmedSession(t.db, open, world.groupId, new Date('2027-05-02T09:00Z'));
  await changeSession(t.db, cancelled, { status: 'cancelled' });
  past = await confirmedSession(t.db, open, world.groupId, new Date('2026-06-02T09:00Z'));
});
after(() => t.close());

const invitation = (sessionId: number, personId: number) =>
  t.db
    .selectFrom('session_invitations')
    .select(['response', 'response_reason', 'responded_at'])
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();

test('the page lists my invitations, required or not, with a form for each open one', async () => {
  const me = world.members[0]!;
  const page = await t.app.inject({ url: '/my/training', headers: { cookie: me.cookie } });
  assert.equal(page.statusCode, 200);
  const body = page.body;
  for (const href of ['/my/training/calendar', '/my/training/record', '/attend']) {
    assert.match(body, new RegExp(`href="${href}"`), `links to ${href}`);
  }
  assert.match(body, /<h1 class="govuk-heading-l">Your training<\/h1>/);
  assert.match(body, /Code of conduct workshop \(Training Group/);
  assert.match(body, /Tuesday 30 March 2027, 6pm to 7:30pm/, 'British Summer Time');
  assert.match(body, /Friday 2 April 2027, 10am to 11:30am/);
  assert.match(body, />Required<\/strong>/);
  assert.match(body, />Not required<\/strong>/);
  assert.match(body, /href="https:\/\/meet\.example\/abc"/);
  assert.match(body, new RegExp(`action="/my/training/${required}/reply"`));
  assert.match(body, new RegExp(`action="/my/training/${optional}/reply"`));
  assert.doesNotMatch(body, new RegExp(`action="/my/training/${cancelled}/reply"`));
  assert.doesNotMatch(body, new RegExp(`action="/my/training/${past}/reply"`));
  assert.match(body, />Cancelled<\/strong>/);
  assert.match(body, /Past sessions/);
  assert.match(body, /Tuesday 2 June 2026, 10am to 11:30am/);
  assert.match(body, /href="\/my\/training\/calendar"/);
});

test('a reply is validated, saved, audited and can be changed', async () => {
  const me = world.members[0]!;
  const form = await getForm(t.app, '/my/training', me.cookie);
  const url = `/my/training/${required}/reply`;

  const empty = await postForm(t.app, url, {}, form);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /govuk-error-summary/);
  assert.match(
    empty.body,
    new RegExp(`href="#response-${required}">Select whether you will attend`),
  );

  const noReason = await postForm(t.app, url, { response: 'not-attending', reason: '  ' }, form);
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, new RegExp(`href="#reason-${required}">Say why you cannot attend`));
  assert.match(noReason.body, /value="not-attending" checked/);
  assert.equal((await invitation(required, me.personId)).response, null);

  const no = await postForm(
    t.app,
    url,
    { response: 'not-attending', reason: 'Planning Committee <that evening>' },
    form,
  );
  assert.equal(no.statusCode, 303);
  assert.equal(no.headers.location, '/my/training');
  const saved = await invitation(required, me.personId);
  assert.equal(saved.response, 'not-attending');
  assert.equal(saved.response_reason, 'Planning Committee <that evening>');
  assert.ok(saved.responded_at);
  const after = await t.app.inject({
    url: '/my/training',
    headers: { cookie: mergeCookies(form.cookie, no) },
  });
  assert.match(after.body, /Reply sent/);
  assert.match(after.body, /Not attending<\/strong> Planning Committee &lt;that evening&gt;/);

  const yes = await postForm(t.app, url, { response: 'attending' }, form);
  assert.equal(yes.statusCode, 303);
  assert.equal((await invitation(required, me.personId)).response, 'attending');
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'changes', 'actor_person_id'])
    .where('entity', '=', 'session_invitation')
    .where('entity_id', '=', `${required}:${me.personId}`)
    .orderBy('id')
    .execute();
  assert.equal(audit.length, 2);
  assert.ok(audit.every((a) => a.action === 'reply' && a.actor_person_id === me.personId));
  assert.deepEqual((audit[1]!.changes as Record<string, unknown>).response, {
    before: 'not-attending',
    after: 'attending',
  });

  const maybe = await postForm(
    t.app,
    `/my/training/${optional}/reply`,
    { response: 'tentative' },
    form,
  );
  assert.equal(maybe.statusCode, 303);
  assert.equal((await invitation(optional, me.personId)).response, 'tentative');
});

test('no reply to a cancelled or past session, nor to one I am not invited to', async () => {
  const me = world.members[1]!;
  const form = await getForm(t.app, '/my/training', me.cookie);
  const gone = await postForm(
    t.app,
    `/my/training/${cancelled}/reply`,
    { response: 'attending' },
    form,
  );
  assert.equal(gone.statusCode, 400);
  assert.match(gone.body, /This session has been cancelled/);
  const over = await postForm(t.app, `/my/training/${past}/reply`, { response: 'attending' }, form);
  assert.equal(over.statusCode, 400);
  assert.match(over.body, /already started/);
  assert.equal((await invitation(past, me.personId)).response, null);

  const stranger = await t.signInAs(['member']);
  const strangerForm = await getForm(t.app, '/my/training', stranger.cookie);
  const refused = await postForm(
    t.app,
    `/my/training/${required}/reply`,
    { response: 'attending' },
    strangerForm,
  );
  assert.equal(refused.statusCode, 404);
  const empty = await t.app.inject({ url: '/my/training', headers: { cookie: stranger.cookie } });
  assert.match(empty.body, /You have no training sessions coming up/);
  assert.equal((await t.app.inject({ url: '/my/training' })).statusCode, 303);
});
