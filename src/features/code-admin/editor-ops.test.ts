import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberItems } from '../code-of-conduct/index.js';
import {
  draftFromForm,
  insertAfter,
  kindAndDepth,
  kindChoiceOf,
  move,
  removeAt,
  replaceAt,
  type EditorItem,
} from './editor-ops.js';

const item = (
  kind: EditorItem['kind'],
  depth: number,
  text: string,
  lineage: string,
): EditorItem => ({
  kind,
  depth,
  heading: kind === 'paragraph' ? null : text,
  body: kind === 'paragraph' ? text : null,
  origin: 'model',
  lineage,
});

const code: EditorItem[] = [
  item('section', 0, 'Respect', 's1'),
  item('paragraph', 1, 'Be courteous.', 'p1'),
  item('paragraph', 1, 'Listen.', 'p2'),
  item('paragraph', 2, 'In meetings.', 'p3'),
];
const numbers = (items: EditorItem[]) => {
  const result = numberItems(items);
  return result.ok ? result.items.map((i) => `${i.number}:${i.lineage ?? 'new'}`) : result.problems;
};

test('inserting at the start or after an item puts it there', () => {
  assert.deepEqual(numbers(insertAfter(code, -1, item('section', 0, 'Introduction', 'n'))), [
    '1:n',
    '2:s1',
    '2.1:p1',
    '2.2:p2',
    '2.2(a):p3',
  ]);
  assert.deepEqual(numbers(insertAfter(code, 1, item('paragraph', 1, 'New', 'n'))), [
    '1:s1',
    '1.1:p1',
    '1.2:n',
    '1.3:p2',
    '1.3(a):p3',
  ]);
});

test('moving swaps with the neighbour and keeps lineage; it stops at the ends', () => {
  assert.deepEqual(numbers(move(code, 2, 'up')!), ['1:s1', '1.1:p2', '1.2:p1', '1.2(a):p3']);
  assert.equal(move(code, 0, 'up'), null);
  assert.equal(move(code, 3, 'down'), null);
  assert.equal(move(code, 9, 'up'), null);
  const orphan = numbers(move(code, 1, 'up')!);
  assert.deepEqual(orphan, [
    { position: 0, message: 'A paragraph must come after a section or appendix heading' },
  ]);
});

test('replacing keeps the lineage; removing takes the item out', () => {
  const replaced = replaceAt(code, 1, item('paragraph', 2, 'Now a sub-paragraph', 'other'));
  assert.equal(replaced[1]?.lineage, 'p1');
  assert.deepEqual(numbers(replaced), [
    { position: 1, message: 'A sub-paragraph must follow a numbered paragraph' },
  ]);
  assert.deepEqual(numbers(removeAt(code, 2)), ['1:s1', '1.1:p1', '1.1(a):p3']);
});

test('the form’s kinds map to a stored kind and depth, and back', () => {
  for (const choice of ['section', 'paragraph', 'sub-paragraph', 'appendix'] as const) {
    assert.equal(kindChoiceOf(kindAndDepth(choice)), choice);
  }
  const heading = draftFromForm({ kind: 'section', text: 'Gifts\nand  hospitality', local: true });
  assert.deepEqual(heading, {
    kind: 'section',
    depth: 0,
    heading: 'Gifts and hospitality',
    body: null,
    origin: 'local',
  });
  const para = draftFromForm(
    { kind: 'sub-paragraph', text: 'One.\r\n\r\nTwo.', local: false },
    'l1',
  );
  assert.deepEqual(para, {
    kind: 'paragraph',
    depth: 2,
    heading: null,
    body: 'One.\n\nTwo.',
    origin: 'model',
    lineage: 'l1',
  });
});
