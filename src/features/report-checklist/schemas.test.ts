import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyFromLabel } from './schemas.js';

test('a key is made from a label in lower case with hyphens', () => {
  assert.equal(
    keyFromLabel('Climate Change & Biodiversity implications'),
    'climate-change-and-biodiversity-implications',
  );
  assert.equal(keyFromLabel('  ***  '), 'implication');
  assert.match(keyFromLabel('x'.repeat(200)), /^x{60}$/);
});
