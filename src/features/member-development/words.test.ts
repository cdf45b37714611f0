import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationText } from './words.js';

test('lengths read as people say them', () => {
  assert.equal(durationText(1), '1 minute');
  assert.equal(durationText(45), '45 minutes');
  assert.equal(durationText(60), '1 hour');
  assert.equal(durationText(90), '1 hour 30 minutes');
  assert.equal(durationText(120), '2 hours');
  assert.equal(durationText(121), '2 hours 1 minute');
});
