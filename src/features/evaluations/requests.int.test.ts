import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { requestEvaluations } from './index.js';
import { attend, authorityOf, evaluatedSession } from './test-support.js';

let t: TestApp;
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  const mo = await t.signInAs(['monitoring-officer']);
  authorityId = await authorityOf(t.db, mo.personId);
});
after(() => t.close());

const outboxTo = async (personId: number) => {
  const { email } = await t.db
    .selectFrom('people')
    .select('email')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return t.db
    .selectFrom('outbox')
    .select(['subject', 'body_text'])
    .where('to_address', '=', email!)
    .execute();
};

test('attendees of a session that has ended are asked once, by email', async () => {
  const { sessionId } = await evaluatedSession(t.db, authorityId, {
    courseTitle: 'Planning probity',
  });
  const there = await t.signInAs(['member']);
  const late = await t.signInAs(['member']);
  const away = await t.signInAs(['member']);
  const done = await t.signInAs(['member']);
  await attend(t.db, sessionId, there.personId);
  await attend(t.db, sessionId, late.personId, 'late');
  await attend(t.db, sessionId, away.personId, 'apologies');
  await attend(t.db, sessionId, done.personId);
  await t.db
    .insertInto('evaluation_responses')
    .values({ session_id: sessionId, person_id: done.personId, submitted_at: new Date() })
    .execute();
  const old = await evaluatedSession(t.db, authorityId, { endedMinutesAgo: 15 * 24 * 60 });
  await attend(t.db, old.sessionId, there.personId);
  const silent = await evaluatedSession(t.db, authorityId, { questions: false });
  await attend(t.db, silent.sessionId, there.personId);
  const running = await evaluatedSession(t.db, authorityId, { endedMinutesAgo: -20 });
  await attend(t.db, running.sessionId, there.personId);

  const queued = await requestEvaluations(t.db, 'http://probity.test');
  assert.equal(queued, 2);
  const mail = await outboxTo(there.personId);
  assert.equal(mail.length, 1);
  assert.match(mail[0]!.subject, /How was Planning probity\?/);
  assert.match(mail[0]!.body_text, new RegExp(`http://probity\\.test/my/evaluations/${sessionId}`));
  assert.equal((await outboxTo(late.personId)).length, 1);
  assert.equal((await outboxTo(away.personId)).length, 0);
  assert.equal((await outboxTo(done.personId)).length, 0);

  const marked = await t.db
    .selectFrom('attendance')
    .select(['person_id', 'evaluation_requested_at'])
    .where('session_id', '=', sessionId)
    .execute();
  assert.deepEqual(
    marked
      .filter((m) => m.evaluation_requested_at !== null)
      .map((m) => m.person_id)
      .sort(),
    [there.personId, late.personId].sort(),
  );

  assert.equal(await requestEvaluations(t.db, 'http://probity.test'), 0, 'asked only once');
  // The running session is asked about once it has ended.
  const later = new Date(Date.now() + 30 * 60_000);
  assert.equal(await requestEvaluations(t.db, 'http://probity.test', later), 1);
});
