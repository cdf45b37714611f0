import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildTestApp,
  getForm,
  postForm,
  readUntilCached,
  type TestApp,
} from '../../testing/app.js';
import { createAuthority, createCodeVersion } from '../code-of-conduct/testing.js';
import { createScenario } from '../learning/testing.js';
import { attending, runningSession } from './test-support.js';

let t: TestApp;
let mo: { cookie: string; personId: number };
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  mo = await t.signInAs(['monitoring-officer']);
  const row = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', mo.personId)
    .executeTakeFirstOrThrow();
  authorityId = row.authority_id;
  await createCodeVersion(t.db, { authorityId, status: 'in-force' });
});
after(() => t.close());

const page = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

/** A signed-in person with a name of their own (to look for it where it must not be). */
async function person(familyName: string) {
  const who = await t.signInAs(['member']);
  await t.db
    .updateTable('people')
    .set({ given_name: 'Zephyrine', family_name: familyName })
    .where('id', '=', who.personId)
    .execute();
  return who;
}

async function open(sessionId: number, scenarioId: number, cookie = mo.cookie) {
  const form = await getForm(t.app, `/admin/sessions/${sessionId}/live`, cookie);
  return postForm(
    t.app,
    `/admin/sessions/${sessionId}/live`,
    { scenarioId: String(scenarioId) },
    form,
  );
}

async function moveTo(sessionId: number, liveId: number, stage: string, cookie = mo.cookie) {
  const form = await getForm(t.app, `/admin/sessions/${sessionId}/live/${liveId}`, cookie);
  return postForm(t.app, `/admin/sessions/${sessionId}/live/${liveId}/stage`, { stage }, form);
}

async function answerAs(
  cookie: string,
  sessionId: number,
  fields: Record<string, string | string[]>,
) {
  const form = await getForm(t.app, `/live/${sessionId}`, cookie);
  return postForm(t.app, `/live/${sessionId}/answer`, fields, form);
}

async function choiceIds(scenarioId: number) {
  return (
    await t.db
      .selectFrom('scenario_choices')
      .select(['id', 'correct'])
      .where('scenario_id', '=', scenarioId)
      .orderBy('position')
      .execute()
  ).map((c) => c.id);
}

const liveIdOf = (location: unknown) => Number(/\/live\/(\d+)$/.exec(String(location))?.[1]);

test('a scenario run live without JavaScript: join with the code, answer, change it, tally, model answer, close', async () => {
  const session = await runningSession(t.db, authorityId, { code: 'LIVE22' });
  const scenario = await createScenario(t.db, authorityId, { anchors: ['para-1-1'] });
  const [right, wrong] = await choiceIds(scenario);

  const start = await page(`/admin/sessions/${session}/live`, mo.cookie);
  assert.equal(start.statusCode, 200);
  assert.match(start.body, /A post about an officer/);
  assert.match(start.body, /LIVE22/);
  const opened = await open(session, scenario);
  assert.equal(opened.statusCode, 303);
  const liveId = liveIdOf(opened.headers.location);
  assert.ok(liveId > 0);

  // Two attendees join with the code: joining records their attendance.
  const ann = await person('Quillfeather');
  const ben = await person('Brackenbury');
  for (const who of [ann, ben]) {
    const join = await getForm(t.app, '/live', who.cookie);
    const joined = await postForm(t.app, '/live', { code: ' live-22 ' }, join);
    assert.equal(joined.statusCode, 303);
    assert.equal(joined.headers.location, `/live/${session}`);
  }
  const recorded = await t.db
    .selectFrom('attendance')
    .select(['person_id', 'status', 'self_registered'])
    .where('session_id', '=', session)
    .orderBy('person_id')
    .execute();
  assert.deepEqual(
    recorded.map((r) => [r.person_id, r.status, r.self_registered]),
    [
      [ann.personId, 'attended', true],
      [ben.personId, 'attended', true],
    ],
  );

  const form = await page(`/live/${session}`, ann.cookie);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Is this acceptable or not\?/);
  assert.match(form.body, /name="anchors" type="checkbox" value="para-1-1"/);
  assert.match(form.body, /Send my answer/);

  // Nothing chosen: the errors, on the same page.
  const blank = await answerAs(ann.cookie, session, { liveId: String(liveId) });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /href="#acceptable">Say whether it is acceptable or not/);
  const noChoice = await answerAs(ann.cookie, session, {
    liveId: String(liveId),
    acceptable: 'no',
  });
  assert.equal(noChoice.statusCode, 400);
  assert.match(noChoice.body, /href="#choiceId">Choose what the member should do now/);
  assert.match(noChoice.body, /value="no" checked/, 'what was chosen is kept');

  // The projector page is kept in the facilitator's page cache; answers are quiet writes that
  // do not move the data version, so the page is keyed by them and still counts each one.
  const empty = await page(`/admin/sessions/${session}/live/${liveId}`, mo.cookie);
  assert.match(empty.body, /0 answers<\/span> so far/);
  const cached = await page(`/admin/sessions/${session}/live/${liveId}`, mo.cookie);
  assert.equal(cached.headers['x-probity-cache'], 'hit');

  const first = await answerAs(ann.cookie, session, {
    liveId: String(liveId),
    acceptable: 'yes',
    anchors: ['para-1-2'],
    choiceId: String(wrong),
  });
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, `/live/${session}`);
  const changed = await answerAs(ann.cookie, session, {
    liveId: String(liveId),
    acceptable: 'no',
    anchors: ['para-1-1'],
    choiceId: String(right),
  });
  assert.equal(changed.statusCode, 303);
  const again = await page(`/live/${session}`, ann.cookie);
  assert.match(again.body, /Your answer is saved/);
  assert.match(again.body, /Change my answer/);
  assert.match(again.body, /value="no" checked/);
  // The attendee's page is kept for them too, and keyed by their own answers (quiet writes).
  const keptPage = await readUntilCached(() => page(`/live/${session}`, ann.cookie));
  assert.match(keptPage.body, /value="no" checked/);
  await answerAs(ann.cookie, session, {
    liveId: String(liveId),
    acceptable: 'yes',
    anchors: ['para-1-1'],
    choiceId: String(right),
  });
  const remade = await page(`/live/${session}`, ann.cookie);
  assert.equal(remade.headers['x-probity-cache'], 'miss');
  assert.match(remade.body, /value="yes" checked/);
  await answerAs(ann.cookie, session, {
    liveId: String(liveId),
    acceptable: 'no',
    anchors: ['para-1-1'],
    choiceId: String(right),
  });
  assert.equal(
    (
      await answerAs(ben.cookie, session, {
        liveId: String(liveId),
        acceptable: 'yes',
        anchors: ['para-1-1', 'para-2-2'],
        choiceId: String(wrong),
      })
    ).statusCode,
    303,
  );
  const stored = await t.db
    .selectFrom('live_answers')
    .select(['person_id', 'acceptable', 'anchors', 'choice_id'])
    .where('live_scenario_id', '=', liveId)
    .orderBy('person_id')
    .execute();
  assert.deepEqual(stored, [
    { person_id: ann.personId, acceptable: false, anchors: ['para-1-1'], choice_id: right },
    {
      person_id: ben.personId,
      acceptable: true,
      anchors: ['para-1-1', 'para-2-2'],
      choice_id: wrong,
    },
  ]);

  let projector = await page(`/admin/sessions/${session}/live/${liveId}`, mo.cookie);
  assert.equal(projector.statusCode, 200);
  assert.equal(projector.headers['x-probity-cache'], 'miss', 'made again after the answers');
  assert.match(projector.body, /2 answers<\/span> so far/);
  assert.doesNotMatch(projector.body, /Tally:/, 'no tally before it is shown');
  assert.match(projector.body, /Show the tally/);

  assert.equal((await moveTo(session, liveId, 'tally')).statusCode, 303);
  projector = await page(`/admin/sessions/${session}/live/${liveId}`, mo.cookie);
  assert.match(projector.body, /Tally: 2 answers/);
  const cells = (label: string) =>
    new RegExp(
      `${label}</th>\\s*<td class="govuk-table__cell govuk-table__cell--numeric">(\\d+)</td>`,
    ).exec(projector.body)?.[1];
  assert.equal(cells('Acceptable'), '1');
  assert.equal(cells('Not acceptable'), '1');
  assert.doesNotMatch(projector.body, /Model answer/);
  assert.match(projector.body, /Show the model answer/);

  // Too late to change: answers are closed once the tally is shown.
  const late = await answerAs(ann.cookie, session, {
    liveId: String(liveId),
    acceptable: 'yes',
    choiceId: String(wrong),
  });
  assert.equal(late.statusCode, 400);
  assert.match(late.body, /href="#live-now">Your answer was not saved/);
  const closed = await page(`/live/${session}`, ann.cookie);
  assert.match(closed.body, /Answers are closed/);
  assert.doesNotMatch(closed.body, /Send my answer|Change my answer/);
  const kept = await t.db
    .selectFrom('live_answers')
    .select('acceptable')
    .where('live_scenario_id', '=', liveId)
    .where('person_id', '=', ann.personId)
    .executeTakeFirstOrThrow();
  assert.equal(kept.acceptable, false, 'the answer stands as it was');

  assert.equal((await moveTo(session, liveId, 'model-answer')).statusCode, 303);
  projector = await page(`/admin/sessions/${session}/live/${liveId}`, mo.cookie);
  assert.match(projector.body, /Model answer/);
  assert.match(projector.body, /href="\/code\/test-council\/1#para-1-1">Paragraph 1.1<\/a>/);
  const mine = await page(`/live/${session}`, ann.cookie);
  assert.match(mine.body, /Not acceptable: it attacks an officer/);
  assert.match(mine.body, /Your answer/);
  assert.doesNotMatch(mine.body, /Not right/, 'every part of Ann’s changed answer is right');
  const bens = await page(`/live/${session}`, ben.cookie);
  assert.equal((bens.body.match(/Not right/g) ?? []).length, 3);

  const done = await moveTo(session, liveId, 'closed');
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/admin/sessions/${session}/live`);
  const list = await page(`/admin/sessions/${session}/live`, mo.cookie);
  assert.match(list.body, /Scenarios run in this session/);
  assert.match(list.body, /Tally: 2 answers/);
  assert.match(list.body, /No scenario is open/);
  const later = await page(`/live/${session}`, ann.cookie);
  assert.match(later.body, /Earlier in this session/);
  assert.match(later.body, /No scenario is open/);
  const join = await page('/live', ann.cookie);
  assert.match(
    join.body,
    new RegExp(`href="/live/${session}"`),
    'back to one’s answers from /live',
  );

  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'actor_person_id'])
    .where('entity', '=', 'live_scenario')
    .where('entity_id', '=', String(liveId))
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['opened', 'tally-shown', 'model-answer-shown', 'closed'],
  );
  const answerAudits = await t.db
    .selectFrom('audit_events')
    .select('id')
    .where('entity', 'like', '%answer%')
    .execute();
  assert.equal(answerAudits.length, 0, 'answers are not audited one by one');
});

test('the facilitator’s pages never name who answered; text answers are listed alphabetically', async () => {
  const session = await runningSession(t.db, authorityId);
  const scenario = await createScenario(t.db, authorityId, {
    values: {
      title: 'Papers shared with a group',
      next_step_kind: 'text',
      topics: ['confidentiality'],
    },
    choices: [],
  });
  const liveId = liveIdOf((await open(session, scenario)).headers.location);
  const people = [
    await person('Xanthopoulos'),
    await person('Umberleigh'),
    await person('Ravenscroft'),
  ];
  await attending(
    t.db,
    session,
    people.map((p) => p.personId),
  );
  const texts = [
    'Zip it and tell the Monitoring Officer',
    'apologise to the group',
    'Mention it to the chair',
  ];
  for (const [k, who] of people.entries())
    assert.equal(
      (
        await answerAs(who.cookie, session, {
          liveId: String(liveId),
          acceptable: k === 0 ? 'yes' : 'no',
          nextStepText: texts[k]!,
        })
      ).statusCode,
      303,
    );
  await moveTo(session, liveId, 'tally');
  await moveTo(session, liveId, 'model-answer');
  const projector = await page(`/admin/sessions/${session}/live/${liveId}`, mo.cookie);
  const list = await page(`/admin/sessions/${session}/live`, mo.cookie);
  for (const body of [projector.body, list.body]) {
    for (const name of ['Zephyrine', 'Xanthopoulos', 'Umberleigh', 'Ravenscroft'])
      assert.ok(!body.includes(name), `${name} is not on the facilitator’s page`);
    for (const p of people) assert.ok(!body.includes(`/people/${p.personId}`));
  }
  const listed = /<ul class="govuk-list govuk-list--bullet" id="tally-texts">([\s\S]*?)<\/ul>/.exec(
    projector.body,
  )?.[1];
  assert.deepEqual(
    [...(listed ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]),
    ['apologise to the group', 'Mention it to the chair', 'Zip it and tell the Monitoring Officer'],
  );
});

test('only the session’s facilitators and its council’s administrators run it; only people present answer', async () => {
  const session = await runningSession(t.db, authorityId, { code: 'ACCS33' });
  const scenario = await createScenario(t.db, authorityId);
  const liveId = liveIdOf((await open(session, scenario)).headers.location);
  const urls = [
    `/admin/sessions/${session}/live`,
    `/admin/sessions/${session}/live/${liveId}`,
    `/admin/sessions/${session}/live/${liveId}/events`,
  ];

  const otherCouncil = await createAuthority(t.db, 'elsewhere-live');
  const outsider = await t.signInAs(['monitoring-officer']);
  await t.db
    .updateTable('people')
    .set({ authority_id: otherCouncil })
    .where('id', '=', outsider.personId)
    .execute();
  const officer = await t.signInAs(['officer', 'facilitator']);
  for (const cookie of [outsider.cookie, officer.cookie])
    for (const url of urls) assert.equal((await page(url, cookie)).statusCode, 404, url);
  assert.equal((await t.app.inject({ url: urls[0]! })).statusCode, 303, 'signed in only');

  // A facilitator of the session runs it.
  await t.db
    .insertInto('session_facilitators')
    .values({ session_id: session, person_id: officer.personId, role: 'Member peer' })
    .execute();
  assert.equal((await page(urls[0]!, officer.cookie)).statusCode, 200);
  assert.equal((await page(urls[1]!, officer.cookie)).statusCode, 200);
  assert.equal((await moveTo(session, liveId, 'tally', officer.cookie)).statusCode, 303);

  // Someone not recorded at the session, or recorded absent, cannot see it or answer.
  const stranger = await person('Strangeways');
  const absent = await person('Absalom');
  await attending(t.db, session, [absent.personId], 'absent');
  for (const who of [stranger, absent]) {
    assert.equal((await page(`/live/${session}`, who.cookie)).statusCode, 404);
    const form = await getForm(t.app, '/live', who.cookie);
    const posted = await postForm(
      t.app,
      `/live/${session}/answer`,
      { liveId: String(liveId), acceptable: 'yes' },
      form,
    );
    assert.equal(posted.statusCode, 404);
  }
  const joined = await postForm(
    t.app,
    '/live',
    { code: 'ACCS33' },
    await getForm(t.app, '/live', absent.cookie),
  );
  assert.equal(joined.statusCode, 400);
  assert.match(joined.body, /You are recorded as absent from this session/);
  const count = await t.db
    .selectFrom('live_answers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('live_scenario_id', '=', liveId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 0);
});

test('opening: only a published scenario of the council, only while the session is on; opening another moves on', async () => {
  const tomorrow = await runningSession(t.db, authorityId, { startsInMinutes: 24 * 60 });
  const scenario = await createScenario(t.db, authorityId);
  const early = await open(tomorrow, scenario);
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /Scenarios can be run live only while the session is on/);

  const session = await runningSession(t.db, authorityId);
  const draft = await createScenario(t.db, authorityId, {
    values: { status: 'draft', title: 'Unfinished' },
  });
  const elsewhere = await createAuthority(t.db, 'elsewhere-scenarios');
  const theirs = await createScenario(t.db, elsewhere);
  const start = await page(`/admin/sessions/${session}/live`, mo.cookie);
  assert.doesNotMatch(start.body, /Unfinished/, 'drafts are not offered');
  for (const id of [draft, theirs]) {
    const refused = await open(session, id);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /href="#scenarioId">Choose one of the published scenarios listed/);
  }
  const none = await postForm(
    t.app,
    `/admin/sessions/${session}/live`,
    {},
    await getForm(t.app, `/admin/sessions/${session}/live`, mo.cookie),
  );
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Choose a scenario to open/);

  const firstLive = liveIdOf((await open(session, scenario)).headers.location);
  const second = await createScenario(t.db, authorityId, {
    values: { title: 'A gift before a decision', topics: ['gifts'] },
  });
  const filtered = await page(`/admin/sessions/${session}/live?topic=gifts`, mo.cookie);
  assert.match(filtered.body, /A gift before a decision/);
  assert.doesNotMatch(filtered.body, /value="\d+"[^>]*>\s*<label[^>]*>\s*A post about an officer/);
  const secondLive = liveIdOf((await open(session, second)).headers.location);
  const stages = await t.db
    .selectFrom('live_scenarios')
    .select(['id', 'stage'])
    .where('session_id', '=', session)
    .orderBy('id')
    .execute();
  assert.deepEqual(stages, [
    { id: firstLive, stage: 'closed' },
    { id: secondLive, stage: 'answering' },
  ]);
});

test('the projector’s event stream says how many have answered as answers come', async () => {
  const session = await runningSession(t.db, authorityId);
  const scenario = await createScenario(t.db, authorityId);
  const [right] = await choiceIds(scenario);
  const liveId = liveIdOf((await open(session, scenario)).headers.location);
  const attendee = await person('Streamwell');
  await attending(t.db, session, [attendee.personId]);

  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const controller = new AbortController();
  const response = await fetch(`${address}/admin/sessions/${session}/live/${liveId}/events`, {
    headers: { cookie: mo.cookie },
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  const until = async (pattern: RegExp) => {
    const deadline = Date.now() + 5_000;
    while (!pattern.test(received)) {
      if (Date.now() > deadline) throw new Error(`No ${pattern} in ${received}`);
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
  };
  await until(/"answers":0,"stage":"answering"/);
  assert.equal(
    (
      await answerAs(attendee.cookie, session, {
        liveId: String(liveId),
        acceptable: 'no',
        choiceId: String(right),
      })
    ).statusCode,
    303,
  );
  await until(/"answers":1,"stage":"answering"/);
  await moveTo(session, liveId, 'closed');
  await until(/"stage":"closed"/);
  controller.abort();
});
