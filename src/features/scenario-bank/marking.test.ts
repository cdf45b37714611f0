import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markAnswer, type ScenarioKey } from './marking.js';

const key: ScenarioKey = {
  acceptable: false,
  anchors: ['p-3-1', 'p-3-2'],
  nextStepKind: 'choice',
  correctChoiceIds: [11],
};

test('an answer matching the model answer is right in every part', () => {
  const m = markAnswer(key, { acceptable: false, anchors: ['p-3-2', 'p-3-1'], choiceId: 11 });
  assert.deepEqual(m, {
    acceptable: true,
    paragraphs: { right: true, missed: [], extra: [] },
    nextStep: true,
    allRight: true,
  });
});

test('marking says which parts are wrong, and which paragraphs were missed or wrongly chosen', () => {
  const m = markAnswer(key, { acceptable: true, anchors: ['p-3-1', 'p-9-9'], choiceId: 12 });
  assert.equal(m.acceptable, false);
  assert.deepEqual(m.paragraphs, { right: false, missed: ['p-3-2'], extra: ['p-9-9'] });
  assert.equal(m.nextStep, false);
  assert.equal(m.allRight, false);
});

test('no choice is a wrong next step', () => {
  const m = markAnswer(key, { acceptable: false, anchors: key.anchors, choiceId: null });
  assert.equal(m.nextStep, false);
});

test('a next step given in words is not marked', () => {
  const m = markAnswer(
    { ...key, nextStepKind: 'text', correctChoiceIds: [] },
    { acceptable: false, anchors: key.anchors, choiceId: null, nextStepText: 'Apologise' },
  );
  assert.equal(m.nextStep, null);
  assert.equal(m.allRight, true);
});
