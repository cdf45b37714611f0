import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClearanceSnapshot } from '../reports/index.js';
import { snapshotChanges, wordDiffHtml } from './changes.js';

const snapshot = (
  summary: string,
  statement: string,
  body = ['INTRODUCTION', 'Text one.'],
): ClearanceSnapshot => ({
  substance: {
    title: 'Code of conduct',
    summary,
    category: 'open',
    exemptParagraph: null,
    recommendations: ['Agree the code.'],
    body: body.map((text, k) => ({ number: k === 0 ? '1.0' : `1.${k}`, text })),
  },
  implication: { key: 'legal', label: 'Legal implications', answer: 'yes', statement },
});

test('the same snapshot has no changes', () => {
  assert.deepEqual(snapshotChanges(snapshot('S', 'T'), snapshot('S', 'T')), []);
});

test('changed summary, statement and an added paragraph are listed with word-level marks', () => {
  const changes = snapshotChanges(
    snapshot('To give members the code.', 'The council may adopt a code.'),
    snapshot('To give all members the code.', 'The council must adopt a code.', [
      'INTRODUCTION',
      'Text one.',
      'Text two.',
    ]),
  );
  assert.deepEqual(
    changes.map((c) => c.label),
    ['Summary', 'Paragraph 1.2', 'Legal implications: statement'],
  );
  assert.match(
    changes[0]!.html,
    /<ins class="probity-diff__ins"><span class="govuk-visually-hidden">\[added: <\/span>all/,
  );
  assert.match(changes[2]!.html, /<del class="probity-diff__del">.*may/);
});

test('words from the report are escaped', () => {
  assert.equal(wordDiffHtml('a <b>', 'a <b>'), 'a &lt;b&gt;');
  assert.doesNotMatch(wordDiffHtml('x', '<script>'), /<script>/);
});
