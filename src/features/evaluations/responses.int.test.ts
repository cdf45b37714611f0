import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildTestApp,
  getForm,
  mergeCookies,
  postForm,
  readUntilCached,
  type TestApp,
} from '../../testing/app.js';
import { createDatabase } from '../../db/database.js';
import { pendingEvaluations } from './index.js';
import { attend, authorityOf, evaluatedSession } from './test-support.js';

let t: TestApp;
let member: { cookie: string; personId: number };
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  member = await t.signInAs(['member']);
  authorityId = await authorityOf(t.db, member.personId);
});
after(() => t.close());

const page = (url: string, cookie = member.cookie) => t.app.inject({ url, headers: { cookie } });

async function answer(url: string, fields: Record<string, string>, cookie = member.cookie) {
  const form = await getForm(t.app, url, cookie);
  return postForm(t.app, url, fields, form);
}

test('an attendee answers one question per screen, each answer kept, then sends once', async () => {
  const { sessionId } = await evaluatedSession(t.db, authorityId);
  await attend(t.db, sessionId, member.personId, 'late');

  const pending = await pendingEvaluations(t.db, member.personId);
  assert.deepEqual(
    pending.map((p) => [p.sessionId, p.started]),
    [[sessionId, false]],
  );
  const list = await page('/my/evaluations');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`href="/my/evaluations/${sessionId}">Evaluate Standards`));

  const start = await page(`/my/evaluations/${sessionId}`);
  assert.equal(start.statusCode, 200);
  assert.match(start.body, /There are 5 questions, one on each screen/);

  const base = `/my/evaluations/${sessionId}`;
  const blank = await answer(`${base}/1`, {});
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /href="#answer">Select a rating from 1 to 5/);
  const bad = await answer(`${base}/1`, { answer: '9' });
  assert.equal(bad.statusCode, 400);

  const first = await answer(`${base}/1`, { answer: '4' });
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, `${base}/2`);
  assert.equal((await pendingEvaluations(t.db, member.personId))[0]?.started, true);

  // Leaving and coming back: the saved answer is still chosen.
  const again = await page(`${base}/1`);
  assert.match(again.body, /value="4" checked/);
  const resume = await page(base);
  assert.match(resume.body, new RegExp(`href="${base}/2"[^>]*>\\s*Continue`));

  assert.equal((await answer(`${base}/2`, { answer: '5' })).statusCode, 303);
  assert.equal((await answer(`${base}/3`, {})).headers.location, `${base}/4`, 'optional');
  assert.equal(
    (await answer(`${base}/4`, { answer: 'The case studies on gifts' })).statusCode,
    303,
  );
  const last = await answer(`${base}/5`, { answer: '' });
  assert.equal(last.headers.location, `${base}/check`);
  const text = await page(`${base}/4`);
  assert.match(text.body, />The case studies on gifts<\/textarea>/);

  const check = await page(`${base}/check`);
  assert.equal(check.statusCode, 200);
  assert.match(check.body, /4 – Very good/);
  assert.match(check.body, /The case studies on gifts/);

  // Change an answer from the check page: back to the check page after saving.
  const change = await getForm(t.app, `${base}/2?from=check`, member.cookie);
  assert.match(change.body, /name="from" value="check"/);
  const changed = await postForm(t.app, `${base}/2`, { answer: '3', from: 'check' }, change);
  assert.equal(changed.headers.location, `${base}/check`);

  const send = await answer(`${base}/check`, {});
  assert.equal(send.statusCode, 303);
  assert.equal(send.headers.location, '/my/evaluations');
  const stored = await t.db
    .selectFrom('evaluation_responses as r')
    .innerJoin('evaluation_answers as a', 'a.response_id', 'r.id')
    .select(['a.rating', 'a.text', 'r.submitted_at'])
    .where('r.session_id', '=', sessionId)
    .where('r.person_id', '=', member.personId)
    .execute();
  assert.equal(stored.length, 3);
  assert.ok(stored.every((s) => s.submitted_at !== null));
  assert.deepEqual(
    stored.map((s) => s.rating ?? s.text).sort(),
    [3, 4, 'The case studies on gifts'].sort(),
  );

  // Sent once: no more changes, the start page says so, and it is no longer pending.
  assert.deepEqual(await pendingEvaluations(t.db, member.personId), []);
  const after = await page(base, mergeCookies(member.cookie, send));
  assert.match(after.body, /You sent your evaluation of this session on/);
  assert.equal((await page(`${base}/1`)).headers.location, base);
  const form = await getForm(t.app, '/my/evaluations', member.cookie);
  const late = await postForm(t.app, `${base}/1`, { answer: '1' }, form);
  assert.equal(late.statusCode, 303);
  assert.equal(late.headers.location, base);
  const resend = await postForm(t.app, `${base}/check`, {}, form);
  assert.equal(resend.headers.location, base);
  const rating = await t.db
    .selectFrom('evaluation_answers as a')
    .innerJoin('evaluation_responses as r', 'r.id', 'a.response_id')
    .select('a.rating')
    .where('r.session_id', '=', sessionId)
    .where('a.rating', '=', 1)
    .execute();
  assert.deepEqual(rating, [], 'the late answer was not saved');
  const count = await t.db
    .selectFrom('evaluation_responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 1);
  const sentList = await page('/my/evaluations');
  assert.match(sentList.body, /Sent on/);
});

test('sending with a required answer missing points at the question', async () => {
  const { sessionId } = await evaluatedSession(t.db, authorityId);
  await attend(t.db, sessionId, member.personId);
  const base = `/my/evaluations/${sessionId}`;
  await answer(`${base}/1`, { answer: '2' });
  const send = await answer(`${base}/check`, {});
  assert.equal(send.statusCode, 400);
  assert.match(send.body, /href="#question-2">Answer question 2: it is required/);
  assert.match(send.body, /id="question-2"/);
});

test('only people who were there may evaluate, and only after the session ends', async () => {
  const other = await t.signInAs(['member']);
  const { sessionId } = await evaluatedSession(t.db, authorityId);
  await attend(t.db, sessionId, member.personId);
  const base = `/my/evaluations/${sessionId}`;
  for (const url of [base, `${base}/1`, `${base}/check`]) {
    assert.equal((await page(url, other.cookie)).statusCode, 404, `${url} for someone else`);
  }
  const form = await getForm(t.app, '/my/evaluations', other.cookie);
  assert.equal((await postForm(t.app, `${base}/1`, { answer: '5' }, form)).statusCode, 404);

  const absent = await evaluatedSession(t.db, authorityId);
  await attend(t.db, absent.sessionId, other.personId, 'apologies');
  assert.equal((await page(`/my/evaluations/${absent.sessionId}`, other.cookie)).statusCode, 404);

  const running = await evaluatedSession(t.db, authorityId, { endedMinutesAgo: -30 });
  await attend(t.db, running.sessionId, member.personId);
  assert.equal((await page(`/my/evaluations/${running.sessionId}`)).statusCode, 404);

  const noQuestions = await evaluatedSession(t.db, authorityId, { questions: false });
  await attend(t.db, noQuestions.sessionId, member.personId);
  assert.equal((await page(`/my/evaluations/${noQuestions.sessionId}`)).statusCode, 404);
  assert.equal((await page(`${base}/6`)).statusCode, 404, 'no sixth question');
  assert.equal((await page(`${base}/0`)).statusCode, 404);
  assert.equal((await page('/my/evaluations/abc')).statusCode, 404);
  assert.equal((await t.app.inject({ url: base })).statusCode, 303, 'signed in only');

  const pendingIds = (await pendingEvaluations(t.db, member.personId)).map((p) => p.sessionId);
  assert.ok(pendingIds.includes(sessionId));
  assert.ok(!pendingIds.includes(running.sessionId) && !pendingIds.includes(noQuestions.sessionId));
});

test('a question’s words are shown as text, never as markup', async () => {
  const { sessionId, courseId } = await evaluatedSession(t.db, authorityId);
  await attend(t.db, sessionId, member.personId);
  await t.db
    .updateTable('evaluation_questions')
    .set({ prompt: 'Was the <b>venue</b> & room "right"?' })
    .where('course_id', '=', courseId)
    .where('position', '=', 0)
    .execute();
  const response = await page(`/my/evaluations/${sessionId}/1`);
  assert.equal(response.statusCode, 200);
  assert.match(
    response.body,
    /<h1 class="govuk-fieldset__heading">Was the &lt;b&gt;venue&lt;\/b&gt; &amp; room &quot;right&quot;\?<\/h1>/,
  );
  assert.doesNotMatch(response.body, /<b>venue<\/b>/);
});

test('the evaluation pages are kept for the attendee, and an answer saved by another process shows at once', async () => {
  const { sessionId } = await evaluatedSession(t.db, authorityId);
  const someone = await t.signInAs(['member'], { authorityId });
  await attend(t.db, sessionId, someone.personId, 'attended');
  const base = `/my/evaluations/${sessionId}`;
  assert.equal((await answer(`${base}/1`, { answer: '4' }, someone.cookie)).statusCode, 303);

  for (const url of [base, `${base}/1`, `${base}/check`]) {
    const kept = await readUntilCached(() => page(url, someone.cookie), url);
    assert.equal(kept.statusCode, 200);
  }
  const kept = await page(`${base}/check`, someone.cookie);
  assert.match(kept.body, /4 – Very good/);

  // Answers are not audited: another process saving one sends no notice, so the pages are
  // keyed by the answers themselves.
  const other = createDatabase(t.url, { max: 1 });
  try {
    await other.db
      .updateTable('evaluation_answers')
      .set({ rating: 2 })
      .where('response_id', 'in', (eb) =>
        eb
          .selectFrom('evaluation_responses')
          .select('id')
          .where('session_id', '=', sessionId)
          .where('person_id', '=', someone.personId),
      )
      .execute();
  } finally {
    await other.close();
  }
  const check = await page(`${base}/check`, someone.cookie);
  assert.equal(check.headers['x-probity-cache'], 'miss');
  assert.match(check.body, /2 – Fair/);
  assert.match((await page(`${base}/1`, someone.cookie)).body, /value="2" checked/);
});
