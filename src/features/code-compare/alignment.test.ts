import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ItemDraft } from '../code-of-conduct/index.js';
import { compareVersions } from './compare.js';
import { longestIncreasing, similarity, wordsOf } from './alignment.js';
import { BASE, para, section, summary, version } from './test-items.js';

test('without lineage: identical and similar texts are paired, different ones are not', () => {
  // An imported version: every item has a lineage of its own.
  const imported = (drafts: ItemDraft[]) => drafts.map((d) => ({ ...d, lineage: undefined }));
  const after = imported([
    section('Respect', 'x'),
    para('Treat everyone with courtesy.', 'x'),
    para('Do not bully or harass anybody at all.', 'x'), // 5 of 8 words: 62.5%
    para('Do not discriminate.', 'x'), // 3 of 4 words, but "unlawfully" gone: 75%
    section('Gifts and hospitality', 'x'),
    para('Register any gift worth at least £10 within 28 days.', 'x'),
    para('Keep a note of every offer made to you.', 'x'), // nothing like 2.2
  ]);
  const result = compareVersions(version(...BASE), version(...after));
  assert.deepEqual(summary(result.rows), [
    'unchanged 1→1',
    'unchanged 1.1→1.1',
    'changed 1.2→1.2 [text]',
    'changed 1.3→1.3 [text]',
    'unchanged 2→2',
    'changed 2.1→2.1 [text]',
    'removed 2.2→-',
    'added -→2.2',
  ]);
  assert.ok(result.rows.filter((r) => r.before && r.after).every((r) => r.matchedBy === 'text'));
});

test('without lineage: below the threshold, or of another kind, items are not paired', () => {
  const before = version(section('Interests', 'a'), para('Declare your interests.', 'b'));
  const after = version(
    section('Declare your interests', 'c'), // the paragraph's words, but a heading
    para('Say what you own and who pays you.', 'd'),
  );
  const result = compareVersions(before, after);
  assert.equal(result.counts.added, 2);
  assert.equal(result.counts.removed, 2);
  assert.equal(result.counts.unchanged, 0);
});

test('lineage wins over similar text, and a duplicated lineage pairs in order', () => {
  const before = version(
    section('One', 's'),
    para('Alpha beta gamma delta.', 'l1'),
    para('Alpha beta gamma delta.', 'l1'),
  );
  const after = version(
    section('One', 's'),
    para('Alpha beta gamma delta epsilon.', 'l1'),
    para('Alpha beta gamma delta.', 'l1'),
  );
  const result = compareVersions(before, after);
  assert.deepEqual(summary(result.rows), [
    'unchanged 1→1',
    'changed 1.1→1.1 [text]',
    'unchanged 1.2→1.2',
  ]);
});

test('the longest increasing subsequence keeps the largest set in order', () => {
  assert.deepEqual(longestIncreasing([]), []);
  assert.deepEqual(longestIncreasing([0, 1, 2]), [true, true, true]);
  assert.deepEqual(longestIncreasing([0, 4, 1, 2, 3]), [true, false, true, true, true]);
  assert.deepEqual(longestIncreasing([3, 0, 1, 2]), [false, true, true, true]);
  assert.equal(longestIncreasing([5, 4, 3, 2, 1]).filter(Boolean).length, 1);
});

test('similarity counts shared words over the longer text', () => {
  assert.equal(similarity(wordsOf('a b c d'), wordsOf('a b c d')), 1);
  assert.equal(similarity(wordsOf('A, b; c.'), wordsOf('a b c d e f')), 0.5);
  assert.equal(similarity(wordsOf('a a b'), wordsOf('a b b')), 2 / 3);
  assert.equal(similarity([], []), 0);
});
