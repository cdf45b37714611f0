import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberItems, type ItemDraft } from './numbering.js';

const section = (heading: string): ItemDraft => ({
  kind: 'section',
  depth: 0,
  heading,
  body: null,
  origin: 'model',
});
const appendix = (heading: string): ItemDraft => ({
  kind: 'appendix',
  depth: 0,
  heading,
  body: null,
  origin: 'model',
});
const para = (body: string, depth = 1, origin: 'model' | 'local' = 'model'): ItemDraft => ({
  kind: 'paragraph',
  depth,
  heading: null,
  body,
  origin,
});

test('sections, paragraphs, sub-paragraphs and appendices are numbered as a council prints them', () => {
  const result = numberItems([
    section('Respect'),
    para('Treat people with respect.'),
    section('Bullying'),
    para('Do not bully anyone.'),
    para('In particular:'),
    para('do not harass', 2),
    para('do not discriminate', 2, 'local'),
    appendix('The seven principles'),
    para('Selflessness'),
  ]);
  assert.ok(result.ok);
  assert.deepEqual(
    result.items.map((i) => [i.number, i.anchor]),
    [
      ['1', 'section-1'],
      ['1.1', 'para-1-1'],
      ['2', 'section-2'],
      ['2.1', 'para-2-1'],
      ['2.2', 'para-2-2'],
      ['2.2(a)', 'para-2-2-a'],
      ['2.2(b)', 'para-2-2-b'],
      ['A', 'appendix-a'],
      ['A.1', 'para-a-1'],
    ],
  );
  assert.equal(result.items[6]!.origin, 'local');
});

test('inserting a paragraph renumbers those after it', () => {
  const before = numberItems([section('S'), para('one'), para('two')]);
  const after = numberItems([section('S'), para('new'), para('one'), para('two')]);
  assert.ok(before.ok && after.ok);
  assert.equal(before.items.find((i) => i.body === 'two')!.number, '1.2');
  assert.equal(after.items.find((i) => i.body === 'two')!.number, '1.3');
});

test('items that cannot be numbered are reported by position', () => {
  const result = numberItems([
    para('before any heading'),
    section(' '),
    para('x', 2),
    appendix('A'),
    section('Late'),
  ]);
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.deepEqual(
    result.problems.map((p) => p.position),
    [0, 1, 2, 4],
  );
  assert.match(result.problems[0]!.message, /after a section or appendix heading/);
  assert.match(result.problems[2]!.message, /must follow a numbered paragraph/);
  assert.match(result.problems[3]!.message, /before the appendices/);
});
