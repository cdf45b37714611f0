import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerpt, ownAnswerView, sortedTexts, tallyView } from './view-model.js';

const paragraphs = [
  { anchor: 'para-1-1', number: '1.1', section: '1 Respect', text: 'Be courteous.' },
  { anchor: 'para-1-2', number: '1.2', section: '1 Respect', text: 'Challenge ideas, not people.' },
  { anchor: 'para-2-1', number: '2.1', section: '2 Gifts', text: 'Register gifts.' },
];
const choices = [
  { id: 7, text: 'Apologise', correct: true, feedback: 'Yes.' },
  { id: 8, text: 'Ignore it', correct: false, feedback: 'No.' },
];
const tally = {
  answers: 4,
  acceptable: 1,
  notAcceptable: 3,
  anchors: [
    { anchor: 'para-1-2', count: 1 },
    { anchor: 'para-1-1', count: 3 },
  ],
  choices: [{ choiceId: 8, count: 1 }],
  texts: [],
};

test('the tally counts in the code’s order and says what is right only once the model answer is shown', () => {
  const live = { acceptable: false, nextStepKind: 'choice' as const };
  const shown = tallyView(tally, { ...live, stage: 'tally' }, choices, paragraphs, ['para-2-1']);
  assert.deepEqual(
    shown.paragraphs.map((p) => [p.number, p.count, p.percent, p.engaged]),
    [
      ['1.1', 3, 75, false],
      ['1.2', 1, 25, false],
    ],
  );
  assert.deepEqual(
    shown.acceptable.map((a) => [a.text, a.count, a.right]),
    [
      ['Acceptable', 1, false],
      ['Not acceptable', 3, false],
    ],
  );
  assert.deepEqual(
    shown.choices.map((c) => [c.text, c.count, c.right]),
    [
      ['Apologise', 0, false],
      ['Ignore it', 1, false],
    ],
  );
  const model = tallyView(tally, { ...live, stage: 'model-answer' }, choices, paragraphs, [
    'para-2-1',
  ]);
  assert.deepEqual(
    model.paragraphs.map((p) => [p.number, p.count, p.engaged]),
    [
      ['1.1', 3, false],
      ['1.2', 1, false],
      ['2.1', 0, true],
    ],
    'an engaged paragraph nobody chose is listed once the model answer is shown',
  );
  assert.deepEqual(
    model.choices.map((c) => c.right),
    [true, false],
  );
  assert.equal(model.acceptable[1]!.right, true);
});

test('text answers are sorted alphabetically, whatever order they came in', () => {
  assert.deepEqual(sortedTexts(['zebra', 'Apple', 'mango', 'apple']), [
    'Apple',
    'apple',
    'mango',
    'zebra',
  ]);
  const view = tallyView(
    { ...tally, texts: ['Tell the chair', 'ask the MO', 'Do nothing'] },
    { acceptable: false, nextStepKind: 'text', stage: 'tally' },
    [],
    paragraphs,
    [],
  );
  assert.deepEqual(view.texts, ['ask the MO', 'Do nothing', 'Tell the chair']);
  assert.deepEqual(view.choices, []);
});

test('a person’s own answer is marked only once the model answer is shown', () => {
  const own = {
    liveScenarioId: 1,
    acceptable: false,
    anchors: ['para-1-1'],
    choiceId: 8,
    nextStepText: '',
  };
  const live = { acceptable: false, nextStepKind: 'choice' as const };
  const before = ownAnswerView(own, live, choices, paragraphs, ['para-1-1'], false)!;
  assert.equal(before.acceptable.right, null);
  assert.equal(before.nextStep.feedback, '');
  const after = ownAnswerView(own, live, choices, paragraphs, ['para-1-1'], true)!;
  assert.deepEqual(
    [after.acceptable.right, after.paragraphs.right, after.nextStep.right],
    [true, true, false],
  );
  assert.equal(after.paragraphs.text, '1.1');
  assert.equal(after.nextStep.feedback, 'No.');
});

test('long paragraphs are cut at a word for a label', () => {
  assert.equal(excerpt('Short.'), 'Short.');
  const long = excerpt(`${'word '.repeat(40)}end`, 50);
  assert.ok(long.endsWith('…') && long.length <= 51);
});
