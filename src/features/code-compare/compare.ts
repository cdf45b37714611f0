import { diffWords } from 'diff';
import {
  alignItems,
  itemText,
  longestIncreasing,
  type ComparableItem,
  type MatchedBy,
} from './alignment.js';

export { SIMILARITY_THRESHOLD, type ComparableItem, type MatchedBy } from './alignment.js';

/** A run of words of a changed text: kept, added in the newer version, or removed from it. */
export interface WordChange {
  type: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * - `added`: only in the newer version; `removed`: only in the older one;
 * - `changed`: in both, with different words, marking (model text or local addition), or moved
 *   out of its order among the items of both versions;
 * - `unchanged`: in both with the same words, marking and place in the order, though perhaps
 *   with a new number because something before it was added, removed or moved.
 */
export type RowStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ComparisonRow<T extends ComparableItem = ComparableItem> {
  status: RowStatus;
  /** the item in the older version (null when added) */
  before: T | null;
  /** the item in the newer version (null when removed) */
  after: T | null;
  /** how the two were paired (null when added or removed) */
  matchedBy: MatchedBy | null;
  moved: boolean;
  textChanged: boolean;
  renumbered: boolean;
  markingChanged: boolean;
  /** word by word, when the heading changed */
  headingChanges: WordChange[] | null;
  /** word by word, when the text changed */
  bodyChanges: WordChange[] | null;
}

export interface ComparisonCounts {
  added: number;
  removed: number;
  /** items whose words changed */
  changed: number;
  moved: number;
  markingChanged: number;
  renumbered: number;
  /** items with status `unchanged` (renumbered ones included) */
  unchanged: number;
}

export interface Comparison<T extends ComparableItem = ComparableItem> {
  /** every item of both versions: the newer version's order, removed items where they were */
  rows: ComparisonRow<T>[];
  counts: ComparisonCounts;
}

const normalised = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The word-level changes from one text to another (white space alone is not a change). */
export function wordChanges(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((part) => ({
    type: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

function pairedRow<T extends ComparableItem>(
  before: T,
  after: T,
  matchedBy: MatchedBy,
  moved: boolean,
): ComparisonRow<T> {
  const headingChanged = normalised(before.heading) !== normalised(after.heading);
  const bodyChanged = normalised(before.body) !== normalised(after.body);
  const textChanged = itemText(before) !== itemText(after);
  const markingChanged = before.origin !== after.origin;
  return {
    status: textChanged || moved || markingChanged ? 'changed' : 'unchanged',
    before,
    after,
    matchedBy,
    moved,
    textChanged,
    renumbered: before.number !== after.number,
    markingChanged,
    // jsdiff only for pairs whose text differs: the rest cost nothing.
    headingChanges:
      textChanged && headingChanged ? wordChanges(before.heading ?? '', after.heading ?? '') : null,
    bodyChanges:
      textChanged && bodyChanged ? wordChanges(before.body ?? '', after.body ?? '') : null,
  };
}

const lonelyRow = <T extends ComparableItem>(
  status: 'added' | 'removed',
  item: T,
): ComparisonRow<T> => ({
  status,
  before: status === 'removed' ? item : null,
  after: status === 'added' ? item : null,
  matchedBy: null,
  moved: false,
  textChanged: false,
  renumbered: false,
  markingChanged: false,
  headingChanges: null,
  bodyChanges: null,
});

/**
 * Compare two versions' items, each list in reading order. Items are paired by lineage, then
 * by text (see `alignItems`); a paired item has moved when it falls outside the largest set of
 * pairs that kept their order. A removed item is shown after the item it followed in the older
 * version (the nearest earlier one that kept its place), or first when nothing did.
 */
export function compareVersions<T extends ComparableItem>(
  before: readonly T[],
  after: readonly T[],
): Comparison<T> {
  const { partnerOfAfter, partnerOfBefore, matchedBy } = alignItems(before, after);

  const pairedAfter = after.flatMap((_, a) => (partnerOfAfter[a] !== null ? [a] : []));
  const kept = longestIncreasing(pairedAfter.map((a) => partnerOfAfter[a]!));
  const movedAfter = new Set(pairedAfter.filter((_, k) => !kept[k]));

  // Where each removed item goes: after the newer-version row of the nearest earlier item of
  // the older version that kept its place (-1: before everything).
  const removedAfter = new Map<number, number[]>();
  let anchor = -1;
  before.forEach((_, b) => {
    const a = partnerOfBefore[b];
    if (a === null || a === undefined) {
      const list = removedAfter.get(anchor);
      if (list) list.push(b);
      else removedAfter.set(anchor, [b]);
    } else if (!movedAfter.has(a)) {
      anchor = a;
    }
  });

  const rows: ComparisonRow<T>[] = [];
  const addRemoved = (at: number) => {
    for (const b of removedAfter.get(at) ?? []) rows.push(lonelyRow('removed', before[b]!));
  };
  addRemoved(-1);
  after.forEach((item, a) => {
    const b = partnerOfAfter[a];
    rows.push(
      b === null || b === undefined
        ? lonelyRow('added', item)
        : pairedRow(before[b]!, item, matchedBy[a]!, movedAfter.has(a)),
    );
    addRemoved(a);
  });

  const counts: ComparisonCounts = {
    added: 0,
    removed: 0,
    changed: 0,
    moved: 0,
    markingChanged: 0,
    renumbered: 0,
    unchanged: 0,
  };
  for (const row of rows) {
    if (row.status === 'added') counts.added += 1;
    if (row.status === 'removed') counts.removed += 1;
    if (row.status === 'unchanged') counts.unchanged += 1;
    if (row.textChanged) counts.changed += 1;
    if (row.moved) counts.moved += 1;
    if (row.markingChanged) counts.markingChanged += 1;
    if (row.renumbered) counts.renumbered += 1;
  }
  return { rows, counts };
}
