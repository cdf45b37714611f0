import { test } from 'node:test';
import assert from 'node:assert/strict';
import { average } from './results.js';
import { ratingChart } from './results-view.js';
import { readAnswer } from './schemas.js';

test('a rating is 1 to 5; a blank answer is refused only when required', () => {
  const rating = { kind: 'rating' as const, required: true };
  assert.deepEqual(readAnswer(rating, { answer: '3' }), { ok: true, rating: 3, text: null });
  for (const answer of ['', '0', '6', '2.5', 'five', undefined]) {
    assert.equal(readAnswer(rating, { answer }).ok, false, String(answer));
  }
  assert.deepEqual(readAnswer({ ...rating, required: false }, { answer: '' }), {
    ok: true,
    rating: null,
    text: null,
  });
  const text = { kind: 'text' as const, required: false };
  assert.deepEqual(readAnswer(text, { answer: '  Useful  ' }), {
    ok: true,
    rating: null,
    text: 'Useful',
  });
  assert.equal(readAnswer(text, { answer: 'x'.repeat(5001) }).ok, false);
  assert.equal(readAnswer({ ...text, required: true }, { answer: '   ' }).ok, false);
});

test('the average is to one decimal place, and none without ratings', () => {
  assert.equal(average([0, 0, 0, 0, 0]), null);
  assert.equal(average([0, 0, 1, 1, 1]), 4);
  assert.equal(average([1, 0, 0, 0, 2]), 3.7);
});

test('the chart is an image with a title and the numbers in its description', () => {
  const svg = ratingChart(
    {
      id: 1,
      prompt: 'Was it <useful>?',
      kind: 'rating',
      retired: false,
      counts: [0, 1, 0, 2, 3],
      answered: 6,
      average: 4.2,
      texts: [],
    },
    'c1',
  );
  assert.match(svg, /role="img" aria-labelledby="c1-title c1-desc"/);
  assert.match(svg, /<title id="c1-title">Ratings: Was it &#60;useful&#62;\?<\/title>/);
  assert.match(svg, /Average 4\.2 from 6 ratings\. 5 – Excellent: 3; 4 – Very good: 2/);
});
