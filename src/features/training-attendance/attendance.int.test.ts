import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, createPerson, getForm, postForm, type TestApp } from '../../testing/app.js';
import { createTrainingSession } from '../member-development/testing.js';
import { confirmedSession } from './test-support.js';

let t: TestApp;
let admin: { cookie: string; personId: number };
let authorityId: number;
let officers: number[];
let session: number;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['democratic-services']);
  officers = [];
  for (let i = 0; i < 3; i += 1) officers.push(await createPerson(t.db, { roles: ['officer'] }));
  const row = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', admin.personId)
    .executeTakeFirstOrThrow();
  authorityId = row.authority_id;
  session = await confirmedSession(t.db, authorityId, { mandatory: true });
});
after(() => t.close());

const url = (id: number) => `/admin/sessions/${id}/attendance`;
const page = (path: string, cookie = admin.cookie) =>
  t.app.inject({ url: path, headers: { cookie } });

async function submit(id: number, fields: Record<string, string>, cookie = admin.cookie) {
  const form = await getForm(t.app, url(id), cookie);
  return postForm(t.app, url(id), fields, form);
}

const attendanceOf = (id: number) =>
  t.db
    .selectFrom('attendance')
    .select(['person_id', 'status', 'self_registered', 'recorded_by'])
    .where('session_id', '=', id)
    .orderBy('person_id')
    .execute();

const auditsOf = (id: number) =>
  t.db
    .selectFrom('audit_events')
    .select(['entity_id', 'action', 'changes'])
    .where('entity', '=', 'attendance')
    .where('entity_id', 'like', `${id}:%`)
    .orderBy('id')
    .execute();

test('administrators of the council and the session’s facilitators may take attendance; anyone else gets 404', async () => {
  const shown = await page(url(session));
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /<h1 class="govuk-heading-l">Attendance<\/h1>/);
  for (const id of officers) assert.match(shown.body, new RegExp(`name="status-${id}"`));
  assert.match(shown.body, /Required/);

  const facilitator = await t.signInAs(['facilitator']);
  const stranger = await t.signInAs(['facilitator']);
  await t.db
    .insertInto('session_facilitators')
    .values({ session_id: session, person_id: facilitator.personId, role: 'member peer' })
    .execute();
  assert.equal((await page(url(session), facilitator.cookie)).statusCode, 200);
  assert.equal((await page(url(session), stranger.cookie)).statusCode, 404);
  assert.equal((await page(url(999999))).statusCode, 404);
  assert.equal((await page('/admin/sessions/abc/attendance')).statusCode, 404);

  const elsewhere = await t.db
    .insertInto('authorities')
    .values({ slug: 'elsewhere', name: 'Elsewhere Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const theirs = await confirmedSession(t.db, elsewhere.id);
  assert.equal((await page(url(theirs))).statusCode, 404, 'another council’s session');

  const mine = await page('/facilitating', facilitator.cookie);
  assert.equal(mine.statusCode, 200);
  assert.match(mine.body, new RegExp(`href="${url(session)}"`));
  assert.match(mine.body, /member peer/);
  const none = await page('/facilitating', stranger.cookie);
  assert.match(none.body, /You are not a facilitator of any training session/);
});

test('attendance is recorded, and each correction is audited with its before and after', async () => {
  const [a, b, c] = officers as [number, number, number];
  const first = await submit(session, { [`status-${a}`]: 'attended', [`status-${b}`]: 'late' });
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, url(session));
  assert.deepEqual(
    (await attendanceOf(session)).map((r) => [r.person_id, r.status, r.recorded_by]),
    [
      [a, 'attended', admin.personId],
      [b, 'late', admin.personId],
    ],
  );

  const second = await submit(session, {
    [`status-${a}`]: 'attended',
    [`status-${b}`]: 'left-early',
    [`status-${c}`]: 'apologies',
  });
  assert.equal(second.statusCode, 303);
  const audits = await auditsOf(session);
  assert.deepEqual(
    audits.map((e) => [e.entity_id, e.action]),
    [
      [`${session}:${a}`, 'recorded'],
      [`${session}:${b}`, 'recorded'],
      [`${session}:${b}`, 'corrected'],
      [`${session}:${c}`, 'recorded'],
    ],
    'only changes are audited',
  );
  const correction = audits[2]!.changes as Record<string, { before?: unknown; after?: unknown }>;
  assert.deepEqual(correction.status, { before: 'late', after: 'left-early' });

  const shown = await page(url(session), `${admin.cookie}; ${second.headers['set-cookie']}`);
  assert.match(shown.body, new RegExp(`value="left-early" checked`));
});

test('everyone not marked yet can be recorded as absent in the same save', async () => {
  const [a, b, c] = officers as [number, number, number];
  const other = await confirmedSession(t.db, authorityId);
  await submit(other, { [`status-${a}`]: 'late' });
  const filtered = await page(`${url(other)}?show=unmarked`);
  assert.match(filtered.body, /Showing the 2 not marked yet/);
  assert.doesNotMatch(filtered.body, new RegExp(`name="status-${a}"`));
  assert.match(filtered.body, new RegExp(`name="status-${b}"`));
  const saved = await submit(other, { [`status-${b}`]: 'attended', restAbsent: 'yes' });
  assert.equal(saved.statusCode, 303);
  const rows = new Map((await attendanceOf(other)).map((r) => [r.person_id, r.status]));
  assert.equal(rows.get(a), 'late', 'what was marked before stands');
  assert.equal(rows.get(b), 'attended');
  assert.equal(rows.get(c), 'absent');
});

test('attendance cannot be taken for a session with no date, or for someone not on the register', async () => {
  const [a] = officers as [number];
  const planned = await confirmedSession(t.db, authorityId);
  await t.db
    .updateTable('training_sessions')
    .set({ status: 'planned', starts_at: null, ends_at: null, confirmed_at: null })
    .where('id', '=', planned)
    .execute();
  const early = await submit(planned, { [`status-${a}`]: 'attended' });
  assert.equal(early.statusCode, 400);
  assert.match(
    early.body,
    /href="#attendance">Attendance can be taken once the session is confirmed/,
  );
  assert.match(early.body, /id="attendance"/, 'the summary’s link has somewhere to go');
  const readOnly = await page(url(planned));
  assert.doesNotMatch(readOnly.body, new RegExp(`name="status-${a}"`), 'no form until it opens');
  assert.match(readOnly.body, /Not marked/);

  const future = await confirmedSession(t.db, authorityId, { startsInMinutes: 24 * 60 });
  const tooSoon = await submit(future, { [`status-${a}`]: 'attended' });
  assert.equal(tooSoon.statusCode, 400);
  assert.match(
    tooSoon.body,
    /Attendance can be taken from .*half an hour before the session starts/,
  );

  const outsider = await submit(session, { [`status-${admin.personId}`]: 'attended' });
  assert.equal(outsider.statusCode, 400);
  assert.match(
    outsider.body,
    /href="#attendance">Only people on this session’s register can be marked/,
  );
});

test('someone not invited can be added to the register, once, with a clear error when the form is incomplete', async () => {
  const guest = await createPerson(t.db, { kind: 'member' });
  const form = await getForm(t.app, url(session), admin.cookie);
  const add = `${url(session)}/add`;
  const empty = await postForm(t.app, add, {}, form);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#personId">Choose the person to add/);
  assert.match(empty.body, /href="#addStatus">Choose how they attended/);

  assert.match(form.body, new RegExp(`<option value="${guest}">`));
  const added = await postForm(t.app, add, { personId: String(guest), addStatus: 'late' }, form);
  assert.equal(added.statusCode, 303);
  const row = (await attendanceOf(session)).find((r) => r.person_id === guest);
  assert.equal(row?.status, 'late');
  const audit = (await auditsOf(session)).at(-1)!;
  assert.deepEqual([audit.entity_id, audit.action], [`${session}:${guest}`, 'added']);

  const parish = await t.db
    .insertInto('authorities')
    .values({
      slug: 'little-parish',
      name: 'Little Parish Council',
      kind: 'parish',
      parent_id: authorityId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const outsider = await t.db
    .insertInto('authorities')
    .values({ slug: 'far-off', name: 'Far Off Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const person = (authority: number, family: string) =>
    t.db
      .insertInto('people')
      .values({
        authority_id: authority,
        given_name: 'Pat',
        family_name: family,
        kind: 'member',
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const parishioner = await person(parish.id, 'Parishioner');
  const foreigner = await person(outsider.id, 'Foreigner');
  const refused = await postForm(
    t.app,
    add,
    { personId: String(foreigner.id), addStatus: 'attended' },
    form,
  );
  assert.equal(refused.statusCode, 400);
  assert.match(
    refused.body,
    /href="#personId">Choose someone of this council or one of its parishes/,
  );
  assert.match(refused.body, /value="attended" checked/, 'the status chosen is kept');
  const fromParish = await postForm(
    t.app,
    add,
    { personId: String(parishioner.id), addStatus: 'attended' },
    form,
  );
  assert.equal(fromParish.statusCode, 303);

  const again = await postForm(t.app, add, { personId: String(guest), addStatus: 'late' }, form);
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /already on the register/);
  const shown = await page(url(session));
  assert.match(shown.body, new RegExp(`name="status-${guest}"`));
  assert.match(shown.body, /Not invited/);
});

test('the attendance code is made, shown and regenerated, and each change audited', async () => {
  const fresh = await createTrainingSession(
    t.db,
    (
      await t.db
        .selectFrom('training_sessions')
        .select('course_id')
        .where('id', '=', session)
        .executeTakeFirstOrThrow()
    ).course_id,
    {},
  );
  const before = await page(url(fresh));
  assert.match(before.body, /This session has no attendance code yet/);
  const form = await getForm(t.app, url(fresh), admin.cookie);
  const made = await postForm(t.app, `${url(fresh)}/code`, {}, form);
  assert.equal(made.statusCode, 303);
  const { attendance_code: first } = await t.db
    .selectFrom('training_sessions')
    .select('attendance_code')
    .where('id', '=', fresh)
    .executeTakeFirstOrThrow();
  assert.match(first ?? '', /^[A-Z0-9]{6}$/);
  assert.match((await page(url(fresh))).body, new RegExp(`id="attendance-code">${first}<`));
  await postForm(t.app, `${url(fresh)}/code`, {}, form);
  const { attendance_code: second } = await t.db
    .selectFrom('training_sessions')
    .select('attendance_code')
    .where('id', '=', fresh)
    .executeTakeFirstOrThrow();
  assert.notEqual(second, first);
  const audits = await t.db
    .selectFrom('audit_events')
    .select(['action', 'changes'])
    .where('entity', '=', 'training_session')
    .where('entity_id', '=', String(fresh))
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audits.map((a) => a.action),
    ['attendance-code-created', 'attendance-code-regenerated'],
  );
  assert.deepEqual((audits[1]!.changes as Record<string, unknown>).attendance_code, {
    before: first,
    after: second,
  });
});
