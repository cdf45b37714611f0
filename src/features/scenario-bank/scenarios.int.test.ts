import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { listItems } from '../code-of-conduct/index.js';
import {
  authorityIdOf,
  createAuthority,
  createCodeVersion,
  sampleItems,
} from '../code-of-conduct/testing.js';
import { createScenario, createScenarioSet } from '../learning/testing.js';
import { scenariosNeedingReview } from './index.js';

let t: TestApp;
let mo: { cookie: string; personId: number };
let authorityId: number;
let codeId: number;

before(async () => {
  t = await buildTestApp();
  mo = await t.signInAs(['monitoring-officer']);
  authorityId = await authorityIdOf(t.db, 'test-council');
  codeId = (await createCodeVersion(t.db, { authorityId, status: 'in-force' })).id;
});
after(() => t.close());

const page = (url: string, cookie = mo.cookie) => t.app.inject({ url, headers: { cookie } });
async function submit(url: string, fields: Record<string, string | string[]>) {
  const form = await getForm(t.app, url, mo.cookie);
  return postForm(t.app, url, fields, form);
}

const scenarioFields = {
  title: 'Sorting out a case',
  situation: 'A councillor tells a housing officer to sort out a constituent’s repair by Friday.',
  topics: ['officer-impartiality', 'use-of-position'],
  acceptable: 'no',
  anchors: ['para-1-1', 'para-1-2'],
  nextStepKind: 'choice',
  choice1Text: 'Ask the officer what the process is and how long it takes',
  choice1Correct: 'yes',
  choice1Feedback: 'It respects the officer’s judgement.',
  choice2Text: 'Insist on Friday',
  choice2Feedback: 'That is pressure on an officer.',
  modelAnswer: 'Not acceptable: officers must be free to work impartially.',
  explanation: 'Members may raise a case but not direct its outcome.',
  status: 'published',
};

test('an administrator adds a scenario with topics, paragraphs and choices, and changes it', async () => {
  const response = await submit('/admin/scenarios/new', scenarioFields);
  assert.equal(response.statusCode, 303);
  const url = String(response.headers.location);
  const id = Number(url.split('/').pop());
  const shown = await page(url);
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /Officer impartiality, Use of position/);
  assert.match(shown.body, /href="\/code\/test-council\/1#para-1-2">Paragraph 1\.2<\/a>/);
  assert.match(shown.body, /That is pressure on an officer\./);
  const edit = await page(`${url}/edit`);
  assert.match(edit.body, /value="para-1-2" checked/);
  assert.match(edit.body, /name="choice2Text"[^>]*value="Insist on Friday"/);

  const changed = await submit(`${url}/edit`, {
    ...scenarioFields,
    anchors: ['para-1-1'],
    choice2Text: '',
    choice2Feedback: '',
    choice3Text: 'Leave it with the officer',
    choice3Correct: 'yes',
  });
  assert.equal(changed.statusCode, 303);
  const choices = await t.db
    .selectFrom('scenario_choices')
    .select(['text', 'position', 'correct'])
    .where('scenario_id', '=', id)
    .orderBy('position')
    .execute();
  assert.deepEqual(
    choices.map((c) => [c.position, c.text, c.correct]),
    [
      [0, 'Ask the officer what the process is and how long it takes', true],
      [1, 'Leave it with the officer', true],
    ],
  );
  const links = await t.db
    .selectFrom('scenario_paragraphs')
    .select('anchor')
    .where('scenario_id', '=', id)
    .execute();
  assert.deepEqual(links, [{ anchor: 'para-1-1' }]);
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'scenario')
    .where('entity_id', '=', String(id))
    .execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['created', 'updated']);
});

test('a scenario form with problems comes back with the error summary and the values typed', async () => {
  const response = await submit('/admin/scenarios/new', {
    ...scenarioFields,
    title: '',
    topics: [],
    choice1Correct: '',
    anchors: ['para-1-1'],
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /govuk-error-summary/);
  assert.match(response.body, /Enter the title of the scenario/);
  assert.match(response.body, /Select at least one topic/);
  assert.match(response.body, /Mark at least one choice as right/);
  assert.match(response.body, /value="para-1-1" checked/);
  const unknown = await submit('/admin/scenarios/new', {
    ...scenarioFields,
    anchors: ['para-9-9'],
  });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Choose paragraphs of the code in force/);
});

test('a scenario whose paragraph changed in a new code version is flagged, and marking it reviewed clears the flag', async () => {
  const flagged = await createScenario(t.db, authorityId, {
    values: { title: 'Flagged by the new code' },
    anchors: ['para-1-2', 'para-1-1'],
  });
  const steady = await createScenario(t.db, authorityId, {
    values: { title: 'Steady under the new code' },
    anchors: ['para-1-1'],
  });
  const old = await listItems(t.db, codeId);
  const drafts = sampleItems().map((d, k) => ({ ...d, lineage: old[k]!.lineage }));
  drafts[2] = { ...drafts[2]!, body: 'Challenge ideas as hard as you like, never the person.' };
  await t.db
    .updateTable('code_versions')
    .set({ status: 'superseded', superseded_on: '2026-05-01' })
    .where('id', '=', codeId)
    .execute();
  await createCodeVersion(t.db, {
    authorityId,
    status: 'in-force',
    items: drafts,
    inForceFrom: '2026-05-01',
  });

  assert.deepEqual(
    (await scenariosNeedingReview(t.db, authorityId)).map((s) => s.title),
    ['Flagged by the new code'],
  );
  const list = await page('/admin/scenarios?review=yes');
  assert.match(list.body, /Flagged by the new code/);
  assert.doesNotMatch(list.body, /Steady under the new code/);
  const shown = await page(`/admin/scenarios/${flagged}`);
  assert.match(shown.body, /Changed since linked/);
  assert.match(shown.body, /Mark as reviewed/);
  assert.doesNotMatch((await page(`/admin/scenarios/${steady}`)).body, /Mark as reviewed/);

  const form = await getForm(t.app, `/admin/scenarios/${flagged}`, mo.cookie);
  const reviewed = await postForm(
    t.app,
    `/admin/scenarios/${flagged}/review`,
    { anchors: ['para-1-2'] },
    form,
  );
  assert.equal(reviewed.statusCode, 303);
  const after = await page(`/admin/scenarios/${flagged}`);
  assert.doesNotMatch(after.body, /Changed since linked/);
  assert.doesNotMatch(after.body, /Paragraph 1\.1/, 'the unticked paragraph is dropped');
  assert.doesNotMatch((await page('/admin/scenarios?review=yes')).body, /Flagged by the new code/);
  assert.deepEqual(await scenariosNeedingReview(t.db, authorityId), []);
});

test('the answers page shows totals only, never names, and the free text in alphabetical order', async () => {
  const scenarioId = await createScenario(t.db, authorityId, {
    values: { title: 'Counted', next_step_kind: 'text' },
    choices: [],
    anchors: ['para-1-1'],
  });
  const setId = await createScenarioSet(t.db, authorityId, [scenarioId]);
  const people = [];
  for (const [k, text] of ['Zebra reply', 'Apple reply', 'Mango reply'].entries()) {
    const person = await t.db
      .insertInto('people')
      .values({
        authority_id: authorityId,
        kind: 'member',
        given_name: `Answerer${k}`,
        family_name: `Surname${k}`,
        email: `answerer${k}@example.test`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    people.push(person.id);
    await t.db
      .insertInto('self_study_answers')
      .values({
        set_id: setId,
        scenario_id: scenarioId,
        person_id: person.id,
        acceptable: k === 0,
        anchors: k === 2 ? [] : ['para-1-1'],
        next_step_text: text,
      })
      .execute();
  }
  const response = await page(`/admin/scenarios/${scenarioId}/answers`);
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /3 members have answered/);
  assert.match(response.body, /Apple reply[\s\S]*Mango reply[\s\S]*Zebra reply/);
  assert.doesNotMatch(response.body, /Answerer|Surname|answerer\d@/);
  for (const id of people) assert.doesNotMatch(response.body, new RegExp(`/people/${id}\\b`));
  assert.match(response.body, /Not acceptable[\s\S]*?>\s*2\s*<[\s\S]*?67%/);
});

test('scenarios of another council are not found, and members cannot use the bank', async () => {
  const elsewhere = await createAuthority(t.db, 'elsewhere-bank');
  const theirs = await createScenario(t.db, elsewhere);
  for (const url of [
    `/admin/scenarios/${theirs}`,
    `/admin/scenarios/${theirs}/edit`,
    `/admin/scenarios/${theirs}/answers`,
    '/admin/scenarios/0',
  ])
    assert.equal((await page(url)).statusCode, 404, url);
  const member = await t.signInAs(['member']);
  assert.equal((await page('/admin/scenarios', member.cookie)).statusCode, 403);
});
