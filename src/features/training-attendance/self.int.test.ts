import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, createPerson, getForm, postForm, type TestApp } from '../../testing/app.js';
import { createSession, SESSION_COOKIE } from '../../platform/session.js';
import { confirmedSession } from './test-support.js';

let t: TestApp;
let officer: { cookie: string; personId: number };
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  officer = await t.signInAs(['officer']);
  const row = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', officer.personId)
    .executeTakeFirstOrThrow();
  authorityId = row.authority_id;
});
after(() => t.close());

const page = (url: string, cookie = officer.cookie) => t.app.inject({ url, headers: { cookie } });

async function withCode(sessionId: number, code: string) {
  await t.db
    .updateTable('training_sessions')
    .set({ attendance_code: code })
    .where('id', '=', sessionId)
    .execute();
}

async function enter(code: string, cookie = officer.cookie) {
  const form = await getForm(t.app, '/attend', cookie);
  return postForm(t.app, '/attend', { code }, form);
}

test('a code entered during the session registers the person themselves, once', async () => {
  const session = await confirmedSession(t.db, authorityId, { courseTitle: 'Standards now' });
  await withCode(session, 'K7P2QX');
  const done = await enter(' k7p2qx ');
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/my/training/record');
  const row = await t.db
    .selectFrom('attendance')
    .select(['status', 'self_registered', 'recorded_by'])
    .where('session_id', '=', session)
    .where('person_id', '=', officer.personId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, {
    status: 'attended',
    self_registered: true,
    recorded_by: officer.personId,
  });
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'attendance')
    .where('entity_id', '=', `${session}:${officer.personId}`)
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['self-registered'],
  );

  const again = await enter('K7P2QX');
  assert.equal(again.statusCode, 303);
  const record = await page(
    '/my/training/record',
    `${officer.cookie}; ${again.headers['set-cookie']}`,
  );
  assert.match(record.body, /already recorded as attended/);
});

test('a wrong code, or a code outside the session’s time, gets an error summary', async () => {
  const blank = await enter('');
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /href="#code">Enter the attendance code/);
  const short = await enter('AB12');
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /href="#code">The attendance code is 6 letters and numbers/);
  assert.match(short.body, /value="AB12"/, 'what was typed is kept');
  const wrong = await enter('ZZZZZZ');
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /href="#code">That code does not match a session/);

  const tomorrow = await confirmedSession(t.db, authorityId, { startsInMinutes: 24 * 60 });
  await withCode(tomorrow, 'TMRW22');
  const early = await enter('TMRW22');
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /That code works only from half an hour before the session starts/);
  const past = await confirmedSession(t.db, authorityId, { startsInMinutes: -180 });
  await withCode(past, 'PAST33');
  const late = await enter('PAST33');
  assert.equal(late.statusCode, 400);
  assert.match(late.body, /That code works only from half an hour/);
  const soon = await confirmedSession(t.db, authorityId, { startsInMinutes: 25 });
  await withCode(soon, 'SOON44');
  assert.equal((await enter('SOON44')).statusCode, 303, 'half an hour before counts');
  const cancelled = await confirmedSession(t.db, authorityId);
  await withCode(cancelled, 'GONE55');
  await t.db
    .updateTable('training_sessions')
    .set({ status: 'cancelled' })
    .where('id', '=', cancelled)
    .execute();
  assert.equal((await enter('GONE55')).statusCode, 400);
  assert.equal((await t.app.inject({ url: '/attend' })).statusCode, 303, 'signed in only');
});

test('what a facilitator recorded stands when the person then enters the code', async () => {
  const session = await confirmedSession(t.db, authorityId);
  await withCode(session, 'FACT66');
  await t.db
    .insertInto('attendance')
    .values({ session_id: session, person_id: officer.personId, status: 'late' })
    .execute();
  const response = await enter('FACT66');
  assert.equal(response.statusCode, 303);
  const row = await t.db
    .selectFrom('attendance')
    .select(['status', 'self_registered'])
    .where('session_id', '=', session)
    .where('person_id', '=', officer.personId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'late', self_registered: false });
});

test('a training record keeps required, invited and attended apart, for the person and for administrators', async () => {
  const person = await createPerson(t.db, { roles: ['officer'] });
  const settings = { idleMinutes: 60, absoluteHours: 12 };
  const cookie = `${SESSION_COOKIE}=${await createSession(t.db, person, settings)}`;
  const required = await confirmedSession(t.db, authorityId, {
    mandatory: true,
    courseTitle: 'Required course',
  });
  const optional = await confirmedSession(t.db, authorityId, { courseTitle: 'Optional course' });
  const walkIn = await confirmedSession(t.db, authorityId, {
    audience: 'all-members',
    courseTitle: 'Walk-in course',
  });
  await t.db
    .insertInto('attendance')
    .values([
      { session_id: optional, person_id: person, status: 'attended' },
      { session_id: walkIn, person_id: person, status: 'left-early' },
      { session_id: required, person_id: person, status: 'apologies' },
    ])
    .execute();

  const mine = await page('/my/training/record', cookie);
  assert.equal(mine.statusCode, 200);
  const section = (caption: string) => {
    const start = mine.body.indexOf(caption);
    assert.ok(start > 0, `${caption} is shown`);
    return mine.body.slice(start, mine.body.indexOf('</table>', start));
  };
  const req = section('Training required');
  assert.match(req, /Required course/);
  assert.match(req, /Absent with apologies/);
  assert.doesNotMatch(req, /Optional course|Walk-in course/);
  const inv = section('Other invitations');
  assert.match(inv, /Optional course/);
  assert.doesNotMatch(inv, /Required course|Walk-in course/);
  const att = section('Sessions attended');
  assert.match(att, /Optional course/);
  assert.match(att, /Walk-in course[\s\S]*Not invited[\s\S]*Left early/);
  assert.doesNotMatch(att, /Required course/);
  assert.match(
    mine.body,
    /Required: 1 \(0 attended\)\. Invited \(not required\): 1\. Attended in all: 2\./,
  );

  const cancelled = await confirmedSession(t.db, authorityId, {
    mandatory: true,
    courseTitle: 'Cancelled course',
  });
  await t.db
    .updateTable('training_sessions')
    .set({ status: 'cancelled' })
    .where('id', '=', cancelled)
    .execute();
  const later = await page('/my/training/record', cookie);
  assert.match(later.body, /Cancelled course/);
  assert.match(later.body, /\(cancelled\)/);
  assert.match(later.body, /Required: 1 \(0 attended\)/, 'a cancelled session is not counted');

  const admin = await t.signInAs(['monitoring-officer']);
  const empty = await page('/my/training/record', admin.cookie);
  assert.match(empty.body, /No training has been required so far/);
  assert.match(empty.body, /No attendance recorded so far/);
  const theirs = await page(`/admin/people/${person}/training`, admin.cookie);
  assert.equal(theirs.statusCode, 200);
  assert.match(theirs.body, /Training record: Test Person/);
  assert.match(theirs.body, /Walk-in course/);
  assert.equal((await page(`/admin/people/${person}/training`)).statusCode, 403);
  const elsewhere = await t.db
    .insertInto('authorities')
    .values({ slug: 'far-away', name: 'Far Away Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stranger = await t.db
    .insertInto('people')
    .values({
      authority_id: elsewhere.id,
      given_name: 'Far',
      family_name: 'Away',
      kind: 'member',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.equal((await page(`/admin/people/${stranger.id}/training`, admin.cookie)).statusCode, 404);
  assert.equal((await page('/admin/people/nope/training', admin.cookie)).statusCode, 404);
});

test('after ten wrong codes a person must wait before trying again', async () => {
  const guesser = await t.signInAs(['officer']);
  for (let i = 0; i < 10; i += 1) {
    const wrong = await enter(`GUES${String(i).padStart(2, '0')}`.slice(0, 6), guesser.cookie);
    assert.match(wrong.body, /That code does not match a session/);
  }
  const held = await enter('GUESS9', guesser.cookie);
  assert.equal(held.statusCode, 400);
  assert.match(
    held.body,
    /href="#code">You have typed too many wrong codes\. Try again in 15 minutes/,
  );
  assert.match((await enter('ZZZZZ2')).body, /does not match/, 'others may still try');
});
