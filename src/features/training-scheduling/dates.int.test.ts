import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { createTrainingSession } from '../member-development/testing.js';
import {
  addGroupMember,
  dateFields,
  dateHelpers,
  groupOfWhip,
  groupSessions,
  nextYear,
  testAuthorityId,
} from './test-support.js';

let t: TestApp;
let admin: { cookie: string; personId: number };
let whip: { cookie: string; personId: number };
let otherWhip: { cookie: string; personId: number };
let group: number;
let otherGroup: number;
let authorityId: number;
let courseId: number;
let h: ReturnType<typeof dateHelpers>;
const members: number[] = [];

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['monitoring-officer']);
  whip = await t.signInAs(['group-whip']);
  otherWhip = await t.signInAs(['group-whip']);
  authorityId = await testAuthorityId(t.db);
  group = await groupOfWhip(t.db, whip.personId);
  otherGroup = await groupOfWhip(t.db, otherWhip.personId);
  members.push(await addGroupMember(t.db, group), await addGroupMember(t.db, group));
  await addGroupMember(t.db, otherGroup);
  ({ courseId } = await groupSessions(t.db, authorityId, []));
  h = dateHelpers(t, admin);
});
after(() => t.close());

const newSession = (groupId = group) =>
  createTrainingSession(t.db, courseId, { group_id: groupId });
const adminPropose = (id: number, fields: Record<string, string>) => h.adminPropose(id, fields);
const adminConfirm = (id: number, fields: Record<string, string>) => h.adminConfirm(id, fields);
const proposals = (id: number) => h.proposals(id);
const session = (id: number) => h.session(id);
const audits = (entity: string, id: number) => h.audits(entity, id);
const whipForm = (who: { cookie: string }, id: number) => h.whipForm(who, id);

test('a date the whip has not agreed cannot be confirmed without a reason; once accepted it can', async () => {
  const id = await newSession();
  const proposed = await adminPropose(id, dateFields('18:00', '19:30', 'After full council'));
  assert.equal(proposed.statusCode, 303);
  const [first] = await proposals(id);
  assert.equal(first!.by_whip, false);
  assert.equal(first!.status, 'open');
  assert.equal(first!.starts_at.toISOString(), `${nextYear()}-03-16T18:00:00.000Z`);
  assert.equal((await audits('session_date_proposal', first!.id))[0]!.action, 'propose');

  const refused = await adminConfirm(id, { proposalId: String(first!.id) });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /govuk-error-summary/);
  assert.match(refused.body, /whip has not agreed this date/);
  assert.equal((await session(id)).status, 'planned');
  assert.equal(
    (
      await t.db
        .selectFrom('session_invitations')
        .select('person_id')
        .where('session_id', '=', id)
        .execute()
    ).length,
    0,
  );

  const page = await whipForm(whip, id);
  assert.match(page.body, /Waiting for the whip/);
  const accepted = await postForm(
    t.app,
    `/group-training/sessions/${id}/dates/${first!.id}/accept`,
    { [`note-${first!.id}`]: 'Suits us' },
    page,
  );
  assert.equal(accepted.statusCode, 303);
  const [afterAccept] = await proposals(id);
  assert.equal(afterAccept!.status, 'accepted');
  assert.equal(afterAccept!.decided_by, whip.personId);
  assert.equal(afterAccept!.decision_note, 'Suits us');

  const confirmed = await adminConfirm(id, { proposalId: String(first!.id) });
  assert.equal(confirmed.statusCode, 303);
  const s = await session(id);
  assert.equal(s.status, 'confirmed');
  assert.equal(s.starts_at!.toISOString(), `${nextYear()}-03-16T18:00:00.000Z`);
  assert.equal(s.ends_at!.toISOString(), `${nextYear()}-03-16T19:30:00.000Z`);
  assert.equal(s.confirmed_by, admin.personId);
  assert.ok(s.confirmed_at);
  assert.equal(s.override_reason, null);
  const invited = await t.db
    .selectFrom('session_invitations')
    .select(['person_id', 'required'])
    .where('session_id', '=', id)
    .orderBy('person_id')
    .execute();
  assert.deepEqual(
    invited.map((i) => i.person_id),
    [whip.personId, ...members].sort((a, b) => a - b),
    'the group members (the whip is one), not the other group',
  );
  assert.ok(invited.every((i) => i.required));
  assert.equal((await audits('training_session', id)).at(-1)!.action, 'confirm');

  const shown = await t.app.inject({
    url: `/admin/sessions/${id}/dates`,
    headers: { cookie: admin.cookie },
  });
  assert.match(shown.body, /Confirmed by/);
  assert.equal(confirmed.headers.location, `/admin/sessions/${id}/dates`);
  assert.match(String(confirmed.headers['set-cookie']), /probity_flash/);
  assert.doesNotMatch(shown.body, /Propose this date/);
});

test('a date the whip proposed is agreed; confirming it withdraws the other open dates', async () => {
  const id = await newSession();
  await adminPropose(id, dateFields('10:00', '11:30'));
  const page = await whipForm(whip, id);
  const missingNote = await postForm(
    t.app,
    `/group-training/sessions/${id}/dates`,
    dateFields('18:30', '20:00', '', '17'),
    page,
  );
  assert.equal(missingNote.statusCode, 400);
  assert.match(missingNote.body, /Enter a note for the officers/);
  const byWhip = await postForm(
    t.app,
    `/group-training/sessions/${id}/dates`,
    dateFields('18:30', '20:00', 'Our members work in the day', '17'),
    page,
  );
  assert.equal(byWhip.statusCode, 303);
  const [officers, whips] = await proposals(id);
  assert.equal(whips!.by_whip, true);
  assert.equal(whips!.proposed_by, whip.personId);
  const listed = await t.app.inject({
    url: `/admin/sessions/${id}/dates`,
    headers: { cookie: admin.cookie },
  });
  assert.match(listed.body, /Our members work in the day/);
  assert.match(listed.body, /Agreed by the whip/);

  const confirmed = await adminConfirm(id, { proposalId: String(whips!.id) });
  assert.equal(confirmed.statusCode, 303);
  assert.equal((await session(id)).status, 'confirmed');
  const [o, w] = await proposals(id);
  assert.equal(o!.id, officers!.id);
  assert.equal(o!.status, 'withdrawn');
  assert.equal(w!.status, 'accepted');
});

test('an override confirms without agreement and keeps the reason', async () => {
  const id = await newSession();
  await adminPropose(id, dateFields('14:00', '15:30'));
  const [p] = await proposals(id);
  const confirmed = await adminConfirm(id, {
    proposalId: String(p!.id),
    overrideReason:
      'The trainer is only available that day and the whip has not replied in a month',
  });
  assert.equal(confirmed.statusCode, 303);
  const s = await session(id);
  assert.equal(s.status, 'confirmed');
  assert.match(s.override_reason!, /trainer is only available/);
  const audit = (await audits('training_session', id)).at(-1)!;
  assert.equal(audit.action, 'confirm-override');
  assert.match(JSON.stringify(audit.changes), /trainer is only available/);
  const seen = await t.app.inject({
    url: `/group-training/sessions/${id}`,
    headers: { cookie: whip.cookie },
  });
  assert.match(seen.body, /Confirmed without the whip(&#39;|')s agreement because/);
});

test('bad dates and times are refused with the error summary and the values typed', async () => {
  const id = await newSession();
  const missing = await adminPropose(id, {
    'date-day': '31',
    'date-month': '2',
    'date-year': '2027',
    startTime: 'soon',
    endTime: '',
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /govuk-error-summary/);
  assert.match(missing.body, /The date must be a real date/);
  assert.match(missing.body, /Enter a time like 18:30 or 6:30pm/);
  assert.match(missing.body, /Enter the end time/);
  assert.match(missing.body, /value="soon"/);
  const backwards = await adminPropose(id, dateFields('19:00', '18:00'));
  assert.equal(backwards.statusCode, 400);
  assert.match(backwards.body, /The end time must be after the start time/);
  const past = await adminPropose(id, { ...dateFields('19:00', '20:00'), 'date-year': '2020' });
  assert.equal(past.statusCode, 400);
  assert.match(past.body, /The date must be in the future/);
  const noChoice = await adminConfirm(id, {});
  assert.equal(noChoice.statusCode, 400);
  assert.match(noChoice.body, /Choose the date to confirm/);
  assert.equal((await proposals(id)).length, 0);
});

test('once confirmed, the whip can no longer accept or propose, and the officer cannot confirm again', async () => {
  const id = await newSession();
  await adminPropose(id, dateFields('18:00', '19:30'));
  await adminPropose(id, dateFields('18:00', '19:30', '', '18'));
  const [a, b] = await proposals(id);
  const page = await whipForm(whip, id);
  await postForm(t.app, `/group-training/sessions/${id}/dates/${a!.id}/accept`, {}, page);
  assert.equal((await adminConfirm(id, { proposalId: String(a!.id) })).statusCode, 303);
  const late = await postForm(
    t.app,
    `/group-training/sessions/${id}/dates/${b!.id}/accept`,
    {},
    page,
  );
  assert.equal(late.statusCode, 400);
  assert.equal((await proposals(id))[1]!.status, 'withdrawn');
  const again = await postForm(
    t.app,
    `/admin/sessions/${id}/dates/confirm`,
    { proposalId: String(b!.id), overrideReason: 'x' },
    await getForm(t.app, `/admin/sessions/${id}/dates`, admin.cookie),
  );
  assert.equal(again.statusCode, 400);
  assert.equal((await session(id)).starts_at!.toISOString(), a!.starts_at.toISOString());
});

test('an officer declines a whip’s date with a note the whip sees; it can then not be confirmed', async () => {
  const id = await newSession();
  const page = await whipForm(whip, id);
  await postForm(
    t.app,
    `/group-training/sessions/${id}/dates`,
    dateFields('07:00', '08:00', 'Early'),
    page,
  );
  const [p] = await proposals(id);
  const form = await getForm(t.app, `/admin/sessions/${id}/dates`, admin.cookie);
  const noNote = await postForm(
    t.app,
    `/admin/sessions/${id}/dates/close`,
    { closeProposalId: String(p!.id) },
    form,
  );
  assert.equal(noNote.statusCode, 400);
  assert.match(noNote.body, /Enter a note for the whip saying why/);
  const closed = await postForm(
    t.app,
    `/admin/sessions/${id}/dates/close`,
    { closeProposalId: String(p!.id), closeNote: 'The trainer cannot start before nine' },
    form,
  );
  assert.equal(closed.statusCode, 303);
  const [after] = await proposals(id);
  assert.equal(after!.status, 'declined');
  assert.equal(after!.decided_by, admin.personId);
  assert.equal((await audits('session_date_proposal', p!.id)).at(-1)!.action, 'decline');
  const seen = await t.app.inject({
    url: `/group-training/sessions/${id}`,
    headers: { cookie: whip.cookie },
  });
  assert.match(seen.body, /The trainer cannot start before nine/);
  const confirm = await adminConfirm(id, { proposalId: String(p!.id), overrideReason: 'Anyway' });
  assert.equal(confirm.statusCode, 400);
  assert.equal((await session(id)).status, 'planned');
});
