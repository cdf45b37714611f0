import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPerson } from '../../testing/app.js';
import { createCourse, createTrainingSession } from '../member-development/testing.js';
import { dispatchInvitations } from '../training-invitations/index.js';
import { errorSummary, type ProgrammeTest } from './int-test-support.js';
import { sessionTestApp, type SessionTest } from './session-test-support.js';

/**
 * Confirming a session that is not a political group's: from its own page, which invites its
 * audience in the same transaction; the dispatcher then sends each an invitation with an .ics.
 */
let s: ProgrammeTest;
let f: SessionTest;
const members: { id: number; email: string }[] = [];
const DAY = 24 * 60 * 60 * 1000;
const future = (days: number) =>
  new Date(Math.ceil((Date.now() + days * DAY) / DAY) * DAY + 18 * 3_600_000);

before(async () => {
  f = await sessionTestApp();
  s = f.s;
  // three councillors with seats on the council; one of them also sits on the committee
  for (let i = 0; i < 3; i += 1) {
    const email = `confirm-member-${i}-${Date.now()}@test.example`;
    const id = await createPerson(s.t.db, { kind: 'member', roles: ['member'], email });
    await s.t.db
      .insertInto('memberships')
      .values({ person_id: id, organisation_id: s.council, start_date: '2024-05-01' })
      .execute();
    members.push({ id, email });
  }
  await s.t.db
    .insertInto('memberships')
    .values({ person_id: members[0]!.id, organisation_id: s.committee, start_date: '2024-05-01' })
    .execute();
});
after(() => s.t.close());

const planned = (courseId: number, startsAt: Date | null, extra: Record<string, unknown> = {}) =>
  createTrainingSession(s.t.db, courseId, {
    starts_at: startsAt,
    ends_at: startsAt ? new Date(startsAt.getTime() + 2 * 3_600_000) : null,
    venue: 'Council Chamber',
    ...extra,
  });

const invitations = (sessionId: number) =>
  s.t.db
    .selectFrom('session_invitations')
    .select(['person_id', 'sent_sequence'])
    .where('session_id', '=', sessionId)
    .orderBy('person_id')
    .execute();

test('a planned all-members session is confirmed from its page; the dispatcher sends each member an invitation with an .ics', async () => {
  const id = await planned(f.allCourse, future(10));
  const page = await s.page(`/admin/sessions/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`href="/admin/sessions/${id}/confirm"`));
  assert.match(page.body, /Confirm the session and send invitations/);
  assert.doesNotMatch(
    page.body,
    new RegExp(`/admin/sessions/${id}/dates`),
    'no whip to agree with',
  );
  assert.equal((await s.page(`/admin/sessions/${id}/dates`)).statusCode, 404);

  const confirmPage = await s.page(`/admin/sessions/${id}/confirm`);
  assert.equal(confirmPage.statusCode, 200);
  assert.match(confirmPage.body, /invites 3 people/);
  assert.match(confirmPage.body, /All members of the council/);
  assert.match(confirmPage.body, /name="_csrf"/);

  const confirmed = await s.submit(`/admin/sessions/${id}/confirm`, {});
  assert.equal(confirmed.statusCode, 303);
  assert.equal(confirmed.headers.location, `/admin/sessions/${id}`);
  const shown = await s.follow(confirmed);
  assert.match(shown.body, /Session confirmed/);
  assert.match(shown.body, /3 people will be invited/);
  assert.doesNotMatch(shown.body, new RegExp(`href="/admin/sessions/${id}/confirm"`));

  const row = await f.session(id);
  assert.equal(row.status, 'confirmed');
  assert.equal(row.confirmed_by, s.admin.personId);
  assert.ok(row.confirmed_at);
  assert.deepEqual(
    (await invitations(id)).map((i) => i.person_id),
    members.map((m) => m.id).sort((a, b) => a - b),
  );
  const audit = await s.audits('training-session', id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['confirmed'],
  );
  assert.equal(audit[0]!.actor_person_id, s.admin.personId);

  const sent = await dispatchInvitations(s.t.db, new Date(), { baseUrl: s.t.config.baseUrl });
  assert.ok(sent.invitations >= 3);
  for (const m of members) {
    const emails = await s.t.db
      .selectFrom('outbox as o')
      .innerJoin('outbox_attachments as a', 'a.outbox_id', 'o.id')
      .select(['o.subject', 'a.file_name', 'a.content_type', 'a.content'])
      .where('o.to_address', '=', m.email)
      .where('o.subject', 'like', '%Local decision making%')
      .execute();
    assert.equal(emails.length, 1, `one invitation for ${m.email}`);
    assert.equal(emails[0]!.file_name, 'invitation.ics');
    assert.match(emails[0]!.content_type, /^text\/calendar;.*method=REQUEST$/);
    const ics = emails[0]!.content.toString('utf8');
    assert.match(ics, /BEGIN:VEVENT/);
    assert.match(ics, /METHOD:REQUEST/);
  }
  assert.ok((await invitations(id)).every((i) => i.sent_sequence !== null));

  const again = await s.submit(`/admin/sessions/${id}`, {}, `/admin/sessions/${id}/confirm`);
  assert.equal(again.statusCode, 400);
  assert.deepEqual(errorSummary(again.body), ['This session is already confirmed']);
  assert.equal((await s.audits('training-session', id)).length, 1);
});

test('a committee’s session invites only the committee’s members', async () => {
  const course = await createCourse(s.t.db, f.programmeId, {
    title: 'Planning law refresher',
    audience: 'committee',
    audience_organisation_id: s.committee,
  });
  const id = await planned(course, future(12));
  const confirmPage = await s.page(`/admin/sessions/${id}/confirm`);
  assert.match(confirmPage.body, /Members of Planning Committee/);
  assert.match(confirmPage.body, /invites 1 person/);
  const confirmed = await s.submit(`/admin/sessions/${id}/confirm`, {});
  assert.equal(confirmed.statusCode, 303);
  assert.match((await s.follow(confirmed)).body, /1 person will be invited/);
  assert.deepEqual(
    (await invitations(id)).map((i) => i.person_id),
    [members[0]!.id],
  );
});

test('refused with an error summary: no date, a date passed, cancelled; nothing changes', async () => {
  const cases: [number, string][] = [
    [
      await planned(f.allCourse, null),
      'Add the date and times of the session before confirming it',
    ],
    [
      await planned(f.allCourse, new Date(Date.now() - DAY)),
      'The session’s date has passed: change it to a date still to come before confirming it',
    ],
    [
      await planned(f.allCourse, future(20), { status: 'cancelled' }),
      'This session is cancelled, so it cannot be confirmed',
    ],
  ];
  for (const [id, message] of cases) {
    const page = await s.page(`/admin/sessions/${id}/confirm`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<button[^>]*>\s*Confirm the session/);
    const refused = await s.submit(`/admin/sessions/${id}`, {}, `/admin/sessions/${id}/confirm`);
    assert.equal(refused.statusCode, 400, message);
    assert.deepEqual(errorSummary(refused.body), [message]);
    assert.match(refused.body, /href="#confirm"/);
    const row = await f.session(id);
    assert.notEqual(row.status, 'confirmed');
    assert.deepEqual(await invitations(id), []);
    assert.deepEqual(await s.audits('training-session', id), []);
  }
  const undated = await s.page(`/admin/sessions/${cases[0]![0]}`);
  assert.match(undated.body, /Add the date and times of the session before confirming it/);
  assert.doesNotMatch(undated.body, /href="[^"]*\/confirm"/);
});

test('a group’s session is confirmed on its dates page only; another council’s session is a 404', async () => {
  const group = await planned(f.groupCourse, future(8), { group_id: s.groupA });
  const page = await s.page(`/admin/sessions/${group}`);
  assert.match(page.body, new RegExp(`href="/admin/sessions/${group}/dates"`));
  assert.doesNotMatch(page.body, new RegExp(`/admin/sessions/${group}/confirm`));
  assert.equal((await s.page(`/admin/sessions/${group}/confirm`)).statusCode, 404);
  const post = await s.submit(`/admin/sessions/${group}`, {}, `/admin/sessions/${group}/confirm`);
  assert.equal(post.statusCode, 404);
  assert.equal((await f.session(group)).status, 'planned');

  const other = s.other.session;
  assert.equal((await s.page(`/admin/sessions/${other}/confirm`)).statusCode, 404);
  const foreign = await s.submit(
    `/admin/sessions/${group}`,
    {},
    `/admin/sessions/${other}/confirm`,
  );
  assert.equal(foreign.statusCode, 404);
});

test('without the CSRF token nothing is confirmed', async () => {
  const id = await planned(f.allCourse, future(15));
  const response = await s.t.app.inject({
    method: 'POST',
    url: `/admin/sessions/${id}/confirm`,
    headers: { cookie: s.admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  assert.equal(response.statusCode, 403);
  assert.equal((await f.session(id)).status, 'planned');
});
