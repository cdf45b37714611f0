import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaceholders } from './placeholders.js';

test('every kind of placeholder is found, in order', () => {
  assert.deepEqual(
    findPlaceholders('Met in (November/December 2020?) on [date]; YES/NO; TBC, tba; XX and xx; ??'),
    ['(November/December 2020?)', '[date]', 'YES/NO', 'TBC', 'tba', 'XX', 'xx', '??'],
  );
});

test('ordinary text has no placeholders', () => {
  assert.deepEqual(
    findPlaceholders(
      'Does it apply? (It does.) The Xxtra box, a yes/no question, 1 ½ hours, Tbilisi.',
    ),
    [],
  );
});
