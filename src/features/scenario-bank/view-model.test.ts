import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paragraphsOf, paragraphView, progressView, shorten, topicsText } from './view-model.js';

test('progress says how many are answered, and whether the set is done', () => {
  assert.deepEqual(progressView(0, 3, false), {
    text: '0 of 3 answered',
    tag: { text: 'Not started', classes: 'govuk-tag--grey' },
  });
  assert.equal(progressView(2, 3, false).tag.text, 'In progress');
  assert.equal(progressView(3, 3, true).tag.text, 'Completed');
  assert.equal(progressView(5, 3, true).text, '3 of 3 answered', 'never more than the total');
});

test('a linked paragraph links to the code in force under its anchor there, and is flagged when changed or gone', () => {
  const code = { slug: 'demo-city', number: 3 };
  const moved = paragraphView(
    {
      anchor: 'para-6-1',
      lineage: 'l',
      linkedNumber: '6.1',
      current: { number: '7.1', anchor: 'para-7-1', text: 'Words' },
      state: 'changed',
    },
    code,
  );
  assert.equal(moved.href, '/code/demo-city/3#para-7-1');
  assert.equal(moved.number, '7.1');
  assert.equal(moved.renumbered, true);
  assert.equal(moved.needsReview, true);
  const gone = paragraphView(
    { anchor: 'para-2-2', lineage: 'l', linkedNumber: '2.2', current: null, state: 'removed' },
    code,
  );
  assert.equal(gone.href, null);
  assert.equal(gone.number, '2.2');
  assert.equal(gone.tag?.text, 'No longer in the code');
});

test('texts are split into paragraphs, shortened and topics named', () => {
  assert.deepEqual(paragraphsOf('One.\n\n  Two.\n \nThree.\n'), ['One.', 'Two.', 'Three.']);
  assert.deepEqual(paragraphsOf(''), []);
  assert.equal(shorten('abcdef', 4), 'abc…');
  assert.equal(shorten('abc', 4), 'abc');
  assert.equal(topicsText(['gifts', 'social-media']), 'Gifts and hospitality, Social media');
});
