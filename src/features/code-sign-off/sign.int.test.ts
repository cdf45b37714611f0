import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, mergeCookies, postForm, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import { todayInEngland } from '../../db/current.js';
import { createSession, SESSION_COOKIE } from '../../platform/session.js';
import { listSigners } from '../code-of-conduct/index.js';
import { codeInForce, personByEmail } from './test-support.js';

let t: TestApp;
let city: { id: number; number: number };
before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
  city = await codeInForce(t.db, 'demo-city', { title: 'Demo City Members’ Code' });
});
after(() => t.close());

async function cookieFor(personId: number): Promise<string> {
  const token = await createSession(t.db, personId, { idleMinutes: 30, absoluteHours: 1 });
  return `${SESSION_COOKIE}=${token}`;
}

const page = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

/** Sign through the form on /my/code; `tick` false sends it with the box left empty. */
async function sign(cookie: string, versionId: number, tick = true) {
  const form = await getForm(t.app, '/my/code', cookie);
  const response = await postForm(
    t.app,
    `/my/code/${versionId}/sign`,
    tick ? { confirm: 'yes' } : {},
    form,
  );
  return { response, cookie: mergeCookies(form.cookie, response) };
}

/** A person's sign-offs of the versions these tests bring into force (not the demo's own). */
const signOffsOf = (personId: number) =>
  t.db
    .selectFrom('code_sign_offs')
    .selectAll()
    .where('person_id', '=', personId)
    .where('version_id', '>=', city.id)
    .orderBy('id')
    .execute();

test('a councillor reads what to sign, is refused without the box ticked, then signs once', async () => {
  const personId = await personByEmail(t.db, 'councillor@demo-city.example');
  const cookie = await cookieFor(personId);
  const mine = await page('/my/code', cookie);
  assert.equal(mine.statusCode, 200);
  assert.match(mine.body, /<h2 class="govuk-heading-m" id="code-\d+">Demo City Council<\/h2>/);
  assert.match(
    mine.body,
    new RegExp(
      `href="/code/demo-city/${city.number}">Demo City Members’ Code \\(version ${city.number}\\)`,
    ),
  );
  assert.match(mine.body, /Not signed/);
  assert.match(mine.body, new RegExp(`action="/my/code/${city.id}/sign"`));
  assert.match(mine.body, /I have read this code and I will observe it/);

  const unticked = await sign(cookie, city.id, false);
  assert.equal(unticked.response.statusCode, 400);
  assert.match(unticked.response.body, /govuk-error-summary/);
  assert.match(
    unticked.response.body,
    new RegExp(`href="#confirm-${city.id}">Tick the box to confirm`),
  );
  assert.deepEqual(await signOffsOf(personId), []);

  const signed = await sign(cookie, city.id);
  assert.equal(signed.response.statusCode, 303);
  assert.equal(signed.response.headers.location, '/my/code');
  const after = await page('/my/code', signed.cookie);
  assert.match(after.body, /You have signed Demo City Council’s code of conduct/);
  assert.match(after.body, /You signed it online on/);
  assert.doesNotMatch(after.body, new RegExp(`action="/my/code/${city.id}/sign"`));
  const [row] = await signOffsOf(personId);
  assert.ok(row);
  assert.equal(row.version_id, city.id);
  assert.equal(row.signed_on, todayInEngland());
  assert.equal(row.method, 'online');
  assert.equal(row.recorded_by, personId);
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['actor_person_id', 'action', 'changes'])
    .where('entity', '=', 'code_sign_off')
    .where('entity_id', '=', String(row.id))
    .execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]?.action, 'signed');
  assert.equal(audit[0]?.actor_person_id, personId);
  assert.deepEqual(audit[0]?.changes.method, { after: 'online' });

  // The form may still be open in another tab: signing again changes nothing.
  const again = await postForm(
    t.app,
    `/my/code/${city.id}/sign`,
    { confirm: 'yes' },
    await getForm(t.app, '/dashboard', cookie),
  );
  assert.equal(again.statusCode, 303);
  const told = await page('/my/code', mergeCookies(cookie, again));
  assert.match(told.body, /You had already signed Demo City Council’s code of conduct/);
  assert.equal((await signOffsOf(personId)).length, 1);
  assert.equal(
    (
      await t.db
        .selectFrom('audit_events')
        .select('id')
        .where('entity', '=', 'code_sign_off')
        .where('actor_person_id', '=', personId)
        .execute()
    ).length,
    1,
  );
});

test('someone who need not sign sees nothing to sign, and a sign-off they post is not found', async () => {
  const mo = await personByEmail(t.db, 'mo@demo-city.example');
  const cookie = await cookieFor(mo);
  const mine = await page('/my/code', cookie);
  assert.equal(mine.statusCode, 200);
  assert.match(mine.body, /There is no code of conduct for you to sign/);
  const form = await getForm(t.app, '/dashboard', cookie);
  const posted = await postForm(t.app, `/my/code/${city.id}/sign`, { confirm: 'yes' }, form);
  assert.equal(posted.statusCode, 404);
  assert.equal((await postForm(t.app, '/my/code/999999/sign', {}, form)).statusCode, 404);
  assert.equal((await postForm(t.app, '/my/code/abc/sign', {}, form)).statusCode, 404);
  assert.deepEqual(await signOffsOf(mo), []);
  const anonymous = await t.app.inject({ method: 'GET', url: '/my/code' });
  assert.equal(anonymous.statusCode, 303, 'signed out: sent to sign in');
});

test('co-opted members: those with a vote sign, those without only when the version says so', async () => {
  const coOpted = await t.db
    .selectFrom('people')
    .select(['id', 'co_opted_voting'])
    .where('kind', '=', 'co-opted-member')
    .execute();
  const voting = coOpted.find((p) => p.co_opted_voting === true);
  const nonVoting = coOpted.find((p) => p.co_opted_voting === false);
  assert.ok(voting && nonVoting);
  // A voting co-opted member may hold an account without the councillor role: they sign all the same.
  await t.db
    .deleteFrom('person_roles')
    .where('person_id', '=', voting.id)
    .where('role', '=', 'member')
    .execute();
  const votingCookie = await cookieFor(voting.id);
  assert.match((await page('/my/code', votingCookie)).body, /Demo City Council<\/h2>/);
  assert.equal((await sign(votingCookie, city.id)).response.statusCode, 303);
  assert.equal((await signOffsOf(voting.id)).length, 1);

  const nonVotingCookie = await cookieFor(nonVoting.id);
  assert.match(
    (await page('/my/code', nonVotingCookie)).body,
    /There is no code of conduct for you to sign/,
  );
  const form = await getForm(t.app, '/dashboard', nonVotingCookie);
  assert.equal(
    (await postForm(t.app, `/my/code/${city.id}/sign`, { confirm: 'yes' }, form)).statusCode,
    404,
  );

  // Elderby's code asks co-opted members without a vote to sign too; the demo has none there,
  // so the non-voting member of the city's committee is co-opted onto a parish committee.
  const elderby = await t.db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'elderby-on-wend')
    .executeTakeFirstOrThrow();
  const committee = await t.db
    .insertInto('organisations')
    .values({
      authority_id: elderby.id,
      name: 'Elderby Allotments Committee',
      classification: 'committee',
      parent_id: null,
      committee_type: 'other',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('memberships')
    .values({
      person_id: nonVoting.id,
      organisation_id: committee.id,
      voting: false,
      start_date: '2025-06-01',
    })
    .execute();
  const parish = await codeInForce(t.db, 'elderby-on-wend', { nonVotingCoOptedSign: true });
  const now = await page('/my/code', nonVotingCookie);
  assert.match(now.body, /Elderby-on-Wend Parish Council<\/h2>/);
  assert.doesNotMatch(now.body, /Demo City Council<\/h2>/);
  assert.equal((await sign(nonVotingCookie, parish.id)).response.statusCode, 303);
  assert.deepEqual(
    (await signOffsOf(nonVoting.id)).map((s) => s.version_id),
    [parish.id],
  );
});

test('a parish councillor signs their parish’s code, not the city’s', async () => {
  const hollinbrook = await codeInForce(t.db, 'hollinbrook');
  const councillor = await t.db
    .selectFrom('people as p')
    .innerJoin('authorities as a', 'a.id', 'p.authority_id')
    .select('p.id')
    .where('a.slug', '=', 'hollinbrook')
    .where('p.kind', '=', 'member')
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  const cookie = await cookieFor(councillor.id);
  const mine = await page('/my/code', cookie);
  assert.match(mine.body, /Hollinbrook Parish Council<\/h2>/);
  assert.doesNotMatch(mine.body, /Demo City Council<\/h2>/);
  const form = await getForm(t.app, '/my/code', cookie);
  assert.equal(
    (await postForm(t.app, `/my/code/${city.id}/sign`, { confirm: 'yes' }, form)).statusCode,
    404,
    'the city’s code is not theirs to sign',
  );
  assert.equal((await sign(cookie, hollinbrook.id)).response.statusCode, 303);
  assert.deepEqual(
    (await signOffsOf(councillor.id)).map((s) => [s.version_id, s.method]),
    [[hollinbrook.id, 'online']],
  );
});

test('a new version in force leaves everyone outstanding again, and reminds those with an email', async () => {
  const marstow = await t.db
    .selectFrom('authorities')
    .select(['id', 'name'])
    .where('slug', '=', 'marstow')
    .executeTakeFirstOrThrow();
  const first = await codeInForce(t.db, 'marstow', { inForceFrom: '2025-05-01' });
  const signers = await listSigners(t.db, marstow.id, todayInEngland(), false);
  assert.ok(signers.length >= 3);
  const [signer, withoutEmail] = signers;
  assert.ok(signer && withoutEmail);
  const cookie = await cookieFor(signer.personId);
  assert.equal((await sign(cookie, first.id)).response.statusCode, 303);
  assert.match((await page('/my/code', cookie)).body, /You signed it online/);

  await t.db
    .updateTable('people')
    .set({ email: null })
    .where('id', '=', withoutEmail.personId)
    .execute();
  const outboxBefore = await t.db.selectFrom('outbox').select('id').execute();
  const second = await codeInForce(t.db, 'marstow', { inForceFrom: '2026-09-01' });

  const mine = await page('/my/code', cookie);
  assert.match(mine.body, new RegExp(`\\(version ${second.number}\\)`));
  assert.match(mine.body, /Not signed/);
  assert.match(mine.body, new RegExp(`action="/my/code/${second.id}/sign"`));
  const form = await getForm(t.app, '/my/code', cookie);
  assert.equal(
    (await postForm(t.app, `/my/code/${first.id}/sign`, { confirm: 'yes' }, form)).statusCode,
    404,
    'the superseded version can no longer be signed',
  );
  assert.deepEqual(
    (await signOffsOf(signer.personId)).map((s) => s.version_id),
    [first.id],
    'the old sign-off is kept, for the version it was made for',
  );

  const reminders = await t.db
    .selectFrom('outbox')
    .select(['to_address', 'subject', 'body_text'])
    .where(
      'id',
      'not in',
      outboxBefore.map((o) => o.id),
    )
    .execute();
  const expected = signers
    .filter((s) => s.personId !== withoutEmail.personId)
    .map((s) => s.email)
    .sort();
  assert.deepEqual(reminders.map((r) => r.to_address).sort(), expected);
  assert.ok(reminders.every((r) => r.subject.includes(marstow.name)));
  assert.ok(
    reminders.every((r) =>
      r.body_text.includes(`http://probity.test/code/marstow/${second.number}`),
    ),
  );
});
