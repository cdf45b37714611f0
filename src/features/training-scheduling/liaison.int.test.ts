import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildTestApp,
  createPerson,
  getForm,
  postForm,
  readUntilCached,
  type TestApp,
} from '../../testing/app.js';
import { groupOfWhip } from './test-support.js';

let t: TestApp;
let admin: { cookie: string; personId: number };
let whip: { cookie: string; personId: number };
let leader: number;
let bystander: number;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['monitoring-officer']);
  whip = await t.signInAs(['group-whip']);
  const group = await groupOfWhip(t.db, whip.personId);
  leader = await createPerson(t.db, { kind: 'member' });
  bystander = await createPerson(t.db, { kind: 'member' });
  await t.db
    .insertInto('memberships')
    .values([
      { person_id: leader, organisation_id: group, role: 'leader', start_date: '2024-05-01' },
      { person_id: bystander, organisation_id: group, role: 'member', start_date: '2024-05-01' },
    ])
    .execute();
});
after(() => t.close());

const record = async (fields: Record<string, string | string[]>) => {
  const form = await getForm(t.app, '/admin/liaison-meetings/new', admin.cookie);
  return postForm(t.app, '/admin/liaison-meetings/new', fields, form);
};

test('an officer records a meeting with the whip and leader; it is listed, shown and audited', async () => {
  const form = await t.app.inject({
    url: '/admin/liaison-meetings/new',
    headers: { cookie: admin.cookie },
  });
  assert.match(form.body, new RegExp(`value="${leader}"`));
  assert.match(form.body, new RegExp(`value="${whip.personId}"`));
  assert.doesNotMatch(form.body, new RegExp(`value="${bystander}"`), 'only whips and leaders');
  const recorded = await record({
    'heldOn-day': '3',
    'heldOn-month': '11',
    'heldOn-year': '2026',
    attendees: [String(whip.personId), String(leader)],
    notes: 'Talked about social media.\nAgreed a session in March.',
  });
  assert.equal(recorded.statusCode, 303);
  const id = Number(
    /\/admin\/liaison-meetings\/(\d+)$/.exec(String(recorded.headers.location))![1],
  );
  const attendees = await t.db
    .selectFrom('liaison_meeting_attendees')
    .select('person_id')
    .where('meeting_id', '=', id)
    .orderBy('person_id')
    .execute();
  assert.deepEqual(
    attendees.map((a) => a.person_id),
    [whip.personId, leader].sort((a, b) => a - b),
  );
  const page = await t.app.inject({
    url: `/admin/liaison-meetings/${id}`,
    headers: { cookie: admin.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Standards meeting on 3 November 2026/);
  assert.match(page.body, /Agreed a session in March/);
  const list = await t.app.inject({
    url: '/admin/liaison-meetings',
    headers: { cookie: admin.cookie },
  });
  assert.match(list.body, /3 November 2026/);
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'liaison_meeting')
    .where('entity_id', '=', String(id))
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['record'],
  );
});

test('a meeting needs a real past date and attendees from the whips and leaders', async () => {
  const before = await t.db.selectFrom('liaison_meetings').select('id').execute();
  const empty = await record({ notes: 'x' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /govuk-error-summary/);
  assert.match(empty.body, /Enter the date of the meeting/);
  assert.match(empty.body, /Choose who attended/);
  const future = await record({
    'heldOn-day': '1',
    'heldOn-month': '1',
    'heldOn-year': String(new Date().getFullYear() + 2),
    attendees: String(leader),
  });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /today or in the past/);
  const outsider = await record({
    'heldOn-day': '1',
    'heldOn-month': '10',
    'heldOn-year': '2026',
    attendees: String(bystander),
  });
  assert.equal(outsider.statusCode, 400);
  assert.match(outsider.body, /whips and leaders/);
  assert.equal(
    (await t.db.selectFrom('liaison_meetings').select('id').execute()).length,
    before.length,
  );
});

test('only administrators see the meetings; an unknown meeting is a 404', async () => {
  const byWhip = await t.app.inject({
    url: '/admin/liaison-meetings',
    headers: { cookie: whip.cookie },
  });
  assert.notEqual(byWhip.statusCode, 200);
  const none = await t.app.inject({
    url: '/admin/liaison-meetings/999999',
    headers: { cookie: admin.cookie },
  });
  assert.equal(none.statusCode, 404);
  const junk = await t.app.inject({
    url: '/admin/liaison-meetings/abc',
    headers: { cookie: admin.cookie },
  });
  assert.equal(junk.statusCode, 404);
});

test('the list and the form are kept until a meeting is recorded; a kept form still works', async () => {
  const kept = await readUntilCached(
    () => t.app.inject({ url: '/admin/liaison-meetings', headers: { cookie: admin.cookie } }),
    'the list of meetings',
  );
  assert.doesNotMatch(kept.body, /5 October 2026/);
  await readUntilCached(
    () => t.app.inject({ url: '/admin/liaison-meetings/new', headers: { cookie: admin.cookie } }),
    'the form',
  );
  const recorded = await record({
    'heldOn-day': '5',
    'heldOn-month': '10',
    'heldOn-year': '2026',
    attendees: String(leader),
  });
  assert.equal(recorded.statusCode, 303);
  const list = await t.app.inject({
    url: '/admin/liaison-meetings',
    headers: { cookie: admin.cookie },
  });
  assert.notEqual(list.headers['x-probity-cache'], 'hit');
  assert.match(list.body, /5 October 2026/);
});
