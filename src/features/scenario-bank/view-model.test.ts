import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  paragraphSections,
  paragraphsOf,
  paragraphView,
  progressView,
  shorten,
  topicsText,
} from './view-model.js';

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

test('paragraphs are grouped by section, a section open when one of its paragraphs is chosen', () => {
  const p = (anchor: string, number: string, section: string) => ({
    anchor,
    number,
    section,
    text: 'Words',
  });
  const sections = paragraphSections(
    [
      p('para-1-1', '1.1', '1 Respect'),
      p('para-1-2', '1.2', '1 Respect'),
      p('para-2-1', '2.1', '2 Gifts'),
    ],
    ['para-2-1'],
  );
  assert.deepEqual(
    sections.map((s) => [s.title, s.open, s.items.map((i) => [i.text, i.checked])]),
    [
      [
        '1 Respect',
        false,
        [
          ['1.1 Words', false],
          ['1.2 Words', false],
        ],
      ],
      ['2 Gifts', true, [['2.1 Words', true]]],
    ],
  );
});
