import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  indexOfLineage,
  insertAfter,
  itemFromForm,
  move,
  removeAt,
  replaceAt,
} from './body-ops.js';
import { numberReportItems } from './numbering.js';

const list: { text: string; lineage?: string | undefined }[] = [
  { text: 'a', lineage: 'l-a' },
  { text: 'b', lineage: 'l-b' },
  { text: 'c', lineage: 'l-c' },
];

test('insert, replace, move and remove work on a copy, in reading order', () => {
  assert.deepEqual(
    insertAfter(list, -1, { text: 'z', lineage: undefined }).map((e) => e.text),
    ['z', 'a', 'b', 'c'],
  );
  assert.deepEqual(
    insertAfter(list, 2, { text: 'z', lineage: undefined }).map((e) => e.text),
    ['a', 'b', 'c', 'z'],
  );
  const replaced = replaceAt(list, 1, { text: 'B', lineage: undefined });
  assert.deepEqual(replaced[1], { text: 'B', lineage: 'l-b' }, 'the lineage stays');
  assert.deepEqual(
    move(list, 0, 'down')?.map((e) => e.text),
    ['b', 'a', 'c'],
  );
  assert.equal(move(list, 0, 'up'), null);
  assert.equal(move(list, 2, 'down'), null);
  assert.deepEqual(
    removeAt(list, 1).map((e) => e.text),
    ['a', 'c'],
  );
  assert.equal(indexOfLineage(list, 'l-c'), 2);
  assert.equal(indexOfLineage(list, 'nope'), -1);
  assert.equal(list.length, 3, 'the original is untouched');
});

test('a form becomes a heading on one line or a paragraph with its line breaks', () => {
  assert.deepEqual(itemFromForm({ kind: 'section', text: 'Main\r\nbody' }), {
    depth: 0,
    heading: 'Main body',
    body: null,
  });
  assert.deepEqual(itemFromForm({ kind: 'sub-paragraph', text: 'One\r\nTwo' }, 'x'), {
    depth: 2,
    heading: null,
    body: 'One\nTwo',
    lineage: 'x',
  });
});

test('moving a sub-paragraph above its paragraph leaves a body that cannot be numbered', () => {
  const body = [
    itemFromForm({ kind: 'section', text: 'Main body' }),
    itemFromForm({ kind: 'paragraph', text: 'Training' }),
    itemFromForm({ kind: 'sub-paragraph', text: 'Sessions' }),
  ];
  assert.ok(numberReportItems(body).ok);
  const moved = move(body, 2, 'up')!;
  const numbered = numberReportItems(moved);
  assert.ok(!numbered.ok);
  assert.match(numbered.problems[0]!.message, /sub-paragraph must follow a numbered paragraph/);
});
