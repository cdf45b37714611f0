import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildTestApp,
  getForm,
  postForm,
  readUntilCached,
  type TestApp,
} from '../../testing/app.js';
import { createDatabase } from '../../db/database.js';
import { authorityIdOf, createAuthority, createCodeVersion } from '../code-of-conduct/testing.js';
import { createScenario, createScenarioSet } from '../learning/testing.js';
import { completedSetsCountingTowards, scenarioSetProgress } from './index.js';

let t: TestApp;
let member: { cookie: string; personId: number };
let authorityId: number;

before(async () => {
  t = await buildTestApp();
  member = await t.signInAs(['member']);
  authorityId = await authorityIdOf(t.db, 'test-council');
  await createCodeVersion(t.db, { authorityId, status: 'in-force' });
});
after(() => t.close());

const page = (url: string, cookie = member.cookie) => t.app.inject({ url, headers: { cookie } });

async function choiceIds(scenarioId: number) {
  const rows = await t.db
    .selectFrom('scenario_choices')
    .select(['id', 'correct'])
    .where('scenario_id', '=', scenarioId)
    .orderBy('position')
    .execute();
  return {
    right: String(rows.find((r) => r.correct)!.id),
    wrong: String(rows.find((r) => !r.correct)!.id),
  };
}

async function answer(
  setId: number,
  scenarioId: number,
  fields: Record<string, string | string[]>,
) {
  const url = `/my/scenarios/${setId}/${scenarioId}`;
  const form = await getForm(t.app, url, member.cookie);
  return postForm(t.app, url, fields, form);
}

test('a right answer gets "Right" for each question, with the model answer and links to the paragraphs', async () => {
  const scenarioId = await createScenario(t.db, authorityId, {
    values: {
      title: 'A post about an officer',
      explanation: 'Officers cannot answer back in public.',
    },
    anchors: ['para-1-1'],
  });
  const setId = await createScenarioSet(t.db, authorityId, [scenarioId], { title: 'Right set' });
  const { right } = await choiceIds(scenarioId);
  const response = await answer(setId, scenarioId, {
    acceptable: 'no',
    anchors: ['para-1-1'],
    choiceId: right,
  });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `/my/scenarios/${setId}/${scenarioId}/feedback`);
  const feedback = await page(String(response.headers.location));
  assert.equal(feedback.statusCode, 200);
  assert.equal((feedback.body.match(/govuk-tag--green">\s*Right\s*</g) ?? []).length, 3);
  assert.doesNotMatch(feedback.body, /Not quite/);
  assert.match(feedback.body, /Officers cannot answer back in public\./);
  assert.match(feedback.body, /href="\/code\/test-council\/1#para-1-1">Paragraph 1\.1<\/a>/);
});

test('a wrong answer says which parts are wrong and shows the better choice and its feedback', async () => {
  const scenarioId = await createScenario(t.db, authorityId, {
    choices: [
      { text: 'Apologise and take the post down', correct: true, feedback: 'It repairs the harm.' },
      { text: 'Leave it up', correct: false, feedback: 'The officer is still exposed.' },
    ],
    anchors: ['para-1-1'],
  });
  const setId = await createScenarioSet(t.db, authorityId, [scenarioId], { title: 'Wrong set' });
  const { wrong } = await choiceIds(scenarioId);
  const response = await answer(setId, scenarioId, {
    acceptable: 'yes',
    anchors: ['para-2-2'],
    choiceId: wrong,
  });
  const feedback = await page(String(response.headers.location));
  assert.equal((feedback.body.match(/Not quite/g) ?? []).length, 3);
  assert.match(feedback.body, /You said: Acceptable\. The model answer: Not acceptable\./);
  assert.match(feedback.body, /\(you missed it\)/);
  assert.match(feedback.body, /You also chose 2\.2, which this scenario does not engage\./);
  assert.match(feedback.body, /The officer is still exposed\./);
  assert.match(feedback.body, /Apologise and take the post down – It repairs the harm\./);
});

test('an incomplete answer is refused with the error summary and nothing is stored', async () => {
  const scenarioId = await createScenario(t.db, authorityId);
  const setId = await createScenarioSet(t.db, authorityId, [scenarioId], { title: 'Refused set' });
  const response = await answer(setId, scenarioId, { anchors: ['para-1-1'] });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /govuk-error-summary/);
  assert.match(response.body, /Say whether the conduct is acceptable/);
  assert.match(response.body, /value="para-1-1" checked/);
  const stored = await t.db
    .selectFrom('self_study_answers')
    .select('set_id')
    .where('set_id', '=', setId)
    .execute();
  assert.equal(stored.length, 0);
  const unknownChoice = await answer(setId, scenarioId, { acceptable: 'no', choiceId: '999999' });
  assert.equal(unknownChoice.statusCode, 400);
  assert.match(unknownChoice.body, /Choose what the member should do now/);
});

test('answering the last scenario records the completion once, and progress shows it', async () => {
  const programme = await t.db
    .insertInto('programmes')
    .values({
      authority_id: authorityId,
      title: 'Programme 2026',
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const course = await t.db
    .insertInto('courses')
    .values({
      programme_id: programme.id,
      position: 1,
      title: 'Code of conduct essentials',
      format: 'e-learning',
      duration_minutes: 60,
      audience: 'all-members',
      topic: 'code-of-conduct',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const first = await createScenario(t.db, authorityId, { values: { title: 'First one' } });
  const second = await createScenario(t.db, authorityId, {
    values: { title: 'Second one', next_step_kind: 'text' },
    choices: [],
  });
  const draft = await createScenario(t.db, authorityId, {
    values: { title: 'Draft', status: 'draft' },
  });
  const setId = await createScenarioSet(t.db, authorityId, [first, draft, second], {
    title: 'Completion set',
    countsTowardsCourseId: course.id,
  });

  let list = await page('/my/scenarios');
  assert.match(list.body, /Completion set<\/a>[\s\S]*?0 of 2 answered[\s\S]*?Not started/);
  const { right } = await choiceIds(first);
  await answer(setId, first, { acceptable: 'no', choiceId: right });
  list = await page('/my/scenarios');
  assert.match(list.body, /Completion set<\/a>[\s\S]*?1 of 2 answered[\s\S]*?In progress/);
  const setPage = await page(`/my/scenarios/${setId}`);
  assert.match(setPage.body, /Continue/);
  assert.match(setPage.body, new RegExp(`href="/my/scenarios/${setId}/${second}"`));
  assert.doesNotMatch(setPage.body, /Draft/, 'a draft scenario is not shown to members');
  assert.equal((await page(`/my/scenarios/${setId}/${draft}`)).statusCode, 404);

  const blank = await answer(setId, second, { acceptable: 'no' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /Say what the member should do now/);
  const last = await answer(setId, second, { acceptable: 'no', nextStepText: 'Ask the officer' });
  const feedback = await page(String(last.headers.location));
  assert.match(feedback.body, /Set completed/);
  assert.match(feedback.body, /You wrote: Ask the officer/);
  await answer(setId, second, { acceptable: 'yes', nextStepText: 'Changed my mind' });
  const completions = await t.db
    .selectFrom('scenario_set_completions')
    .select('person_id')
    .where('set_id', '=', setId)
    .execute();
  assert.deepEqual(completions, [{ person_id: member.personId }]);
  list = await page('/my/scenarios');
  assert.match(list.body, /Completion set<\/a>[\s\S]*?2 of 2 answered[\s\S]*?Completed/);
  const progress = (await scenarioSetProgress(t.db, authorityId, member.personId)).find(
    (p) => p.title === 'Completion set',
  );
  assert.equal(progress?.answered, 2);
  assert.equal(progress?.total, 2);
  assert.ok(progress?.completedAt instanceof Date);
  const counted = await completedSetsCountingTowards(t.db, member.personId);
  assert.deepEqual(
    counted.map((c) => [c.setTitle, c.courseTitle, c.courseTopic]),
    [['Completion set', 'Code of conduct essentials', 'code-of-conduct']],
  );
});

test('sets that are unpublished or of another council are not found', async () => {
  const scenarioId = await createScenario(t.db, authorityId);
  const hidden = await createScenarioSet(t.db, authorityId, [scenarioId], { published: false });
  const elsewhere = await createAuthority(t.db, 'elsewhere-scenarios');
  const theirs = await createScenario(t.db, elsewhere);
  const theirSet = await createScenarioSet(t.db, elsewhere, [theirs]);
  for (const url of [
    `/my/scenarios/${hidden}`,
    `/my/scenarios/${hidden}/${scenarioId}`,
    `/my/scenarios/${theirSet}`,
    `/my/scenarios/${theirSet}/${theirs}`,
    `/my/scenarios/${theirSet}/${theirs}/feedback`,
    '/my/scenarios/abc',
  ])
    assert.equal((await page(url)).statusCode, 404, url);
  assert.equal((await t.app.inject({ url: '/my/scenarios' })).statusCode, 303);
});

test('retiring the one scenario a member had not answered completes the set for them', async () => {
  const done = await createScenario(t.db, authorityId, { values: { title: 'Answered one' } });
  const left = await createScenario(t.db, authorityId, { values: { title: 'Left one' } });
  const setId = await createScenarioSet(t.db, authorityId, [done, left], { title: 'Retiring set' });
  const { right } = await choiceIds(done);
  await answer(setId, done, { acceptable: 'no', choiceId: right });
  const completed = () =>
    t.db
      .selectFrom('scenario_set_completions')
      .select('person_id')
      .where('set_id', '=', setId)
      .execute();
  assert.deepEqual(await completed(), []);
  const admin = await t.signInAs(['monitoring-officer']);
  const url = `/admin/scenarios/${left}/edit`;
  const form = await getForm(t.app, url, admin.cookie);
  const retired = await postForm(
    t.app,
    url,
    {
      title: 'Left one',
      situation: 'Something happened.',
      topics: ['respect'],
      acceptable: 'no',
      nextStepKind: 'choice',
      choice1Text: 'One',
      choice1Correct: 'yes',
      choice2Text: 'Two',
      modelAnswer: 'Not acceptable.',
      status: 'retired',
    },
    form,
  );
  assert.equal(retired.statusCode, 303);
  assert.deepEqual(await completed(), [{ person_id: member.personId }]);
});

test('study pages are kept for the member, and an answer saved by another process shows at once', async () => {
  const scenarioId = await createScenario(t.db, authorityId, {
    values: { title: 'A gift from a developer' },
    anchors: ['para-1-1'],
  });
  const other = await createScenario(t.db, authorityId, { values: { title: 'A second one' } });
  const setId = await createScenarioSet(t.db, authorityId, [scenarioId, other], {
    title: 'Kept set',
  });
  const { right } = await choiceIds(scenarioId);
  await answer(setId, scenarioId, { acceptable: 'no', anchors: ['para-1-1'], choiceId: right });
  const feedbackUrl = `/my/scenarios/${setId}/${scenarioId}/feedback`;
  for (const url of [
    `/my/scenarios/${setId}`,
    `/my/scenarios/${setId}/${scenarioId}`,
    feedbackUrl,
  ]) {
    const kept = await readUntilCached(() => page(url), url);
    assert.equal(kept.statusCode, 200);
  }
  assert.match((await page(feedbackUrl)).body, /Not acceptable/);

  // Answers are not audited: another process saving one sends no notice, so the pages are
  // keyed by the member's answers themselves.
  const handle = createDatabase(t.url, { max: 1 });
  try {
    await handle.db
      .insertInto('self_study_answers')
      .values({
        set_id: setId,
        scenario_id: other,
        person_id: member.personId,
        acceptable: true,
        anchors: [],
        choice_id: Number((await choiceIds(other)).wrong),
      })
      .execute();
  } finally {
    await handle.close();
  }
  const setPage = await page(`/my/scenarios/${setId}`);
  assert.equal(setPage.headers['x-probity-cache'], 'miss');
  assert.match(setPage.body, /Go through them again/);
});
