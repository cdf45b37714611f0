import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVersions, wordChanges } from './compare.js';
import { BASE, para, section, summary, version } from './test-items.js';

test('identical versions: every item unchanged, in order, with no word changes', () => {
  const result = compareVersions(version(...BASE), version(...BASE));
  assert.deepEqual(summary(result.rows), [
    'unchanged 1→1',
    'unchanged 1.1→1.1',
    'unchanged 1.2→1.2',
    'unchanged 1.3→1.3',
    'unchanged 2→2',
    'unchanged 2.1→2.1',
    'unchanged 2.2→2.2',
  ]);
  assert.ok(result.rows.every((r) => r.headingChanges === null && r.bodyChanges === null));
  assert.ok(result.rows.every((r) => r.matchedBy === 'lineage'));
  assert.deepEqual(result.counts, {
    added: 0,
    removed: 0,
    changed: 0,
    moved: 0,
    markingChanged: 0,
    renumbered: 0,
    unchanged: 7,
  });
});

test('empty versions: nothing to show, everything added, or everything removed', () => {
  assert.deepEqual(compareVersions([], []), {
    rows: [],
    counts: {
      added: 0,
      removed: 0,
      changed: 0,
      moved: 0,
      markingChanged: 0,
      renumbered: 0,
      unchanged: 0,
    },
  });
  const added = compareVersions([], version(...BASE));
  assert.equal(added.counts.added, 7);
  assert.deepEqual(
    added.rows.map((r) => r.after?.number),
    ['1', '1.1', '1.2', '1.3', '2', '2.1', '2.2'],
  );
  const removed = compareVersions(version(...BASE), []);
  assert.equal(removed.counts.removed, 7);
  assert.deepEqual(
    removed.rows.map((r) => r.before?.number),
    ['1', '1.1', '1.2', '1.3', '2', '2.1', '2.2'],
  );
});

test('an added paragraph appears in place; those after it are renumbered, not changed', () => {
  const after = [...BASE];
  after.splice(2, 0, para('Listen to the views of others.', 'new'));
  const result = compareVersions(version(...BASE), version(...after));
  assert.deepEqual(summary(result.rows), [
    'unchanged 1→1',
    'unchanged 1.1→1.1',
    'added -→1.2',
    'unchanged 1.2→1.3 [renumbered]',
    'unchanged 1.3→1.4 [renumbered]',
    'unchanged 2→2',
    'unchanged 2.1→2.1',
    'unchanged 2.2→2.2',
  ]);
  assert.equal(result.counts.added, 1);
  assert.equal(result.counts.renumbered, 2);
  assert.equal(result.counts.unchanged, 7);
});

test('a removed paragraph is shown where it was, after the item it followed', () => {
  const after = BASE.filter((d) => d.lineage !== 'p12');
  const result = compareVersions(version(...BASE), version(...after));
  assert.deepEqual(summary(result.rows), [
    'unchanged 1→1',
    'unchanged 1.1→1.1',
    'removed 1.2→-',
    'unchanged 1.3→1.2 [renumbered]',
    'unchanged 2→2',
    'unchanged 2.1→2.1',
    'unchanged 2.2→2.2',
  ]);
  assert.equal(result.rows[2]?.before?.body, 'Do not bully or harass anyone.');
  assert.equal(result.counts.removed, 1);
});

test('removing the first items puts them first; removing a whole section keeps its order', () => {
  const after = BASE.slice(4); // section 1 and its paragraphs gone
  const result = compareVersions(version(...BASE), version(...after));
  assert.deepEqual(summary(result.rows), [
    'removed 1→-',
    'removed 1.1→-',
    'removed 1.2→-',
    'removed 1.3→-',
    'unchanged 2→1 [renumbered]',
    'unchanged 2.1→1.1 [renumbered]',
    'unchanged 2.2→1.2 [renumbered]',
  ]);
});

test('a paragraph moved to another section is the only one marked moved', () => {
  const after = [
    BASE[0]!,
    BASE[1]!,
    BASE[3]!,
    BASE[4]!,
    BASE[5]!,
    BASE[2]!, // "Do not bully" now ends section 2
    BASE[6]!,
  ];
  const result = compareVersions(version(...BASE), version(...after));
  assert.deepEqual(summary(result.rows), [
    'unchanged 1→1',
    'unchanged 1.1→1.1',
    'unchanged 1.3→1.2 [renumbered]',
    'unchanged 2→2',
    'unchanged 2.1→2.1',
    'changed 1.2→2.2 [moved,renumbered]',
    'unchanged 2.2→2.3 [renumbered]',
  ]);
  assert.equal(result.counts.moved, 1);
  assert.equal(result.counts.changed, 0, 'moving is not a change of words');
});

test('two swapped paragraphs: one of them moved, the other kept its place', () => {
  const after = [BASE[0]!, BASE[2]!, BASE[1]!, ...BASE.slice(3)];
  const result = compareVersions(version(...BASE), version(...after));
  assert.equal(result.counts.moved, 1);
  assert.deepEqual(
    result.rows.slice(1, 3).map((r) => [r.before?.number, r.after?.number]),
    [
      ['1.2', '1.1'],
      ['1.1', '1.2'],
    ],
  );
});

test('changed words: a word-level diff from the old text to the new', () => {
  const after = BASE.map((d) =>
    d.lineage === 'p21'
      ? para('Register any gift or hospitality worth at least £10 within 28 days.', 'p21')
      : d,
  );
  const result = compareVersions(version(...BASE), version(...after));
  const row = result.rows.find((r) => r.after?.lineage === 'p21')!;
  assert.equal(row.status, 'changed');
  assert.equal(row.textChanged, true);
  assert.equal(row.moved, false);
  assert.equal(row.headingChanges, null);
  const changes = row.bodyChanges!;
  assert.deepEqual(
    changes.filter((c) => c.type !== 'same').map((c) => `${c.type}:${c.text.trim()}`),
    ['added:or hospitality', 'removed:50', 'added:10'],
  );
  const rebuilt = (skip: 'added' | 'removed') =>
    changes
      .filter((c) => c.type !== skip)
      .map((c) => c.text)
      .join('');
  assert.equal(rebuilt('added'), 'Register any gift worth at least £50 within 28 days.');
  assert.equal(
    rebuilt('removed'),
    'Register any gift or hospitality worth at least £10 within 28 days.',
  );
  assert.deepEqual(result.counts, {
    added: 0,
    removed: 0,
    changed: 1,
    moved: 0,
    markingChanged: 0,
    renumbered: 0,
    unchanged: 6,
  });
});

test('a changed section heading is diffed as a heading', () => {
  const after = BASE.map((d) =>
    d.lineage === 's2' ? section('Gifts, hospitality and benefits', 's2') : d,
  );
  const row = compareVersions(version(...BASE), version(...after)).rows[4]!;
  assert.equal(row.status, 'changed');
  assert.equal(row.bodyChanges, null);
  assert.ok(row.headingChanges?.some((c) => c.type === 'added' && c.text.includes('benefits')));
});

test('white space alone is not a change', () => {
  const after = BASE.map((d) =>
    d.lineage === 'p11' ? para('Treat  everyone\nwith courtesy. ', 'p11') : d,
  );
  const result = compareVersions(version(...BASE), version(...after));
  assert.equal(result.counts.changed, 0);
  assert.equal(result.counts.unchanged, 7);
});

test('an item both moved and reworded is both', () => {
  const after = [
    BASE[0]!,
    BASE[1]!,
    BASE[3]!,
    BASE[4]!,
    para('Do not bully, harass or victimise anyone.', 'p12'),
    BASE[5]!,
    BASE[6]!,
  ];
  const row = compareVersions(version(...BASE), version(...after)).rows[4]!;
  assert.deepEqual(summary([row]), ['changed 1.2→2.1 [moved,text,renumbered]']);
  assert.ok(row.bodyChanges?.some((c) => c.type === 'added' && c.text.includes('victimise')));
});

test('marking changed: model text becoming a local addition, and back', () => {
  const after = BASE.map((d) =>
    d.lineage === 'p22'
      ? para('Register significant offers that you refused.', 'p22', { local: true })
      : d,
  );
  const result = compareVersions(version(...BASE), version(...after));
  const row = result.rows[6]!;
  assert.deepEqual(summary([row]), ['changed 2.2→2.2 [marking]']);
  assert.equal(row.before?.origin, 'model');
  assert.equal(row.after?.origin, 'local');
  assert.equal(row.bodyChanges, null, 'the words did not change');
  assert.equal(result.counts.markingChanged, 1);
  const back = compareVersions(version(...after), version(...BASE));
  assert.equal(back.rows[6]?.after?.origin, 'model');
  assert.equal(back.counts.markingChanged, 1);
});

test('sub-paragraphs are compared like any paragraph', () => {
  const before = [...BASE, para('Including refused hospitality.', 'p22a', { depth: 2 })];
  const after = [...BASE, para('Including refused hospitality and gifts.', 'p22a', { depth: 2 })];
  const result = compareVersions(version(...before), version(...after));
  assert.deepEqual(summary(result.rows.slice(-1)), ['changed 2.2(a)→2.2(a) [text]']);
});

test('wordChanges keeps every word of both texts, in order', () => {
  const changes = wordChanges('one two three', 'one 2 three four');
  // jsdiff gives the newer text's white space to the words both share.
  const text = (skip: 'added' | 'removed') =>
    changes
      .filter((c) => c.type !== skip)
      .map((c) => c.text)
      .join('')
      .trim();
  assert.equal(text('added'), 'one two three');
  assert.equal(text('removed'), 'one 2 three four');
  assert.deepEqual(
    changes.map((c) => c.type),
    ['same', 'removed', 'added', 'same', 'added'],
  );
});
