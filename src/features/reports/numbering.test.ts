import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberReportItems, type ReportItemDraft } from './numbering.js';

const section = (heading: string): ReportItemDraft => ({ depth: 0, heading, body: null });
const para = (body: string, depth = 1): ReportItemDraft => ({ depth, heading: null, body });

test('sections are 1.0, paragraphs 3.2 and sub-paragraphs 3.2.1, as in a council report', () => {
  const result = numberReportItems([
    section('Introduction'),
    para('a'),
    para('b'),
    section('Main body'),
    para('c'),
    para('d', 2),
    para('e', 2),
    para('f'),
  ]);
  assert.ok(result.ok);
  assert.deepEqual(
    result.items.map((i) => i.number),
    ['1.0', '1.1', '1.2', '2.0', '2.1', '2.1.1', '2.1.2', '2.2'],
  );
});

test('removing a paragraph closes the gap', () => {
  const result = numberReportItems([section('S'), para('b'), para('c')]);
  assert.ok(result.ok);
  assert.equal(result.items.at(-1)!.number, '1.2');
});

test('paragraphs before any section, orphan sub-paragraphs and blank text are refused', () => {
  const result = numberReportItems([para('x'), section('S'), para('y', 2), para('  ')]);
  assert.ok(!result.ok);
  assert.deepEqual(
    result.problems.map((p) => p.position),
    [0, 2, 3],
  );
});
