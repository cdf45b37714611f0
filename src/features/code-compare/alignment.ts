import type { CodeItem } from '../code-of-conduct/index.js';

/** What the comparison reads of an item: its place in the code, its text, marking and lineage. */
export type ComparableItem = Pick<
  CodeItem,
  'number' | 'anchor' | 'kind' | 'depth' | 'heading' | 'body' | 'origin' | 'lineage'
>;

/** How an item of the newer list found its partner in the older one. */
export type MatchedBy = 'lineage' | 'text';

export interface Alignment {
  /** for each item of the newer list, the index of its partner in the older list, or null */
  partnerOfAfter: (number | null)[];
  /** for each item of the older list, the index of its partner in the newer list, or null */
  partnerOfBefore: (number | null)[];
  /** for each item of the newer list, how it was matched (null when it has no partner) */
  matchedBy: (MatchedBy | null)[];
}

/**
 * Share of words two texts must have in common, over the longer text's words, for two items
 * without a shared lineage to count as the same item.
 */
export const SIMILARITY_THRESHOLD = 0.6;

/** An item's text, with runs of white space as one space: white space alone is not a change. */
export function itemText(item: Pick<ComparableItem, 'heading' | 'body'>): string {
  return [item.heading, item.body]
    .filter((part): part is string => Boolean(part))
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a text, lower-cased, with punctuation dropped. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Words in common (each counted as often as it is in both) over the longer text's word count. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 0;
  const counts = countWords(a);
  let common = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(word, left - 1);
    }
  }
  return common / longer;
}

/**
 * Pair the items of two versions. First by lineage, which a copied version keeps: the same
 * paragraph, however renumbered, moved or reworded. Then, among items still unpaired (such as
 * those of an imported version, which have lineages of their own), by text: identical text of
 * the same kind first, then the most similar text of the same kind, at least
 * SIMILARITY_THRESHOLD alike, best pairs first.
 */
export function alignItems(
  before: readonly ComparableItem[],
  after: readonly ComparableItem[],
): Alignment {
  const partnerOfAfter: (number | null)[] = after.map(() => null);
  const partnerOfBefore: (number | null)[] = before.map(() => null);
  const matchedBy: (MatchedBy | null)[] = after.map(() => null);
  const pair = (b: number, a: number, by: MatchedBy) => {
    partnerOfBefore[b] = a;
    partnerOfAfter[a] = b;
    matchedBy[a] = by;
  };

  // 1. Lineage. A lineage appearing twice in a version (a paragraph duplicated by hand) pairs
  //    its occurrences in order.
  const byLineage = new Map<string, number[]>();
  before.forEach((item, b) => {
    const queue = byLineage.get(item.lineage);
    if (queue) queue.push(b);
    else byLineage.set(item.lineage, [b]);
  });
  after.forEach((item, a) => {
    const b = byLineage.get(item.lineage)?.shift();
    if (b !== undefined) pair(b, a, 'lineage');
  });

  // 2. Identical text of the same kind.
  const byText = new Map<string, number[]>();
  before.forEach((item, b) => {
    if (partnerOfBefore[b] !== null) return;
    const key = `${item.kind}\u0000${itemText(item)}`;
    const queue = byText.get(key);
    if (queue) queue.push(b);
    else byText.set(key, [b]);
  });
  after.forEach((item, a) => {
    if (partnerOfAfter[a] !== null) return;
    const b = byText.get(`${item.kind}\u0000${itemText(item)}`)?.shift();
    if (b !== undefined) pair(b, a, 'text');
  });

  // 3. Similar text of the same kind, best pairs first; ties go to the pair whose places in
  //    their versions are closest. Only what is left after 1 and 2 is compared pairwise, and
  //    pairs whose word counts differ too much to reach the threshold are skipped unread.
  const left = (list: readonly ComparableItem[], partners: (number | null)[]) =>
    list.flatMap((item, index) =>
      partners[index] === null ? [{ index, item, words: wordsOf(itemText(item)) }] : [],
    );
  const olds = left(before, partnerOfBefore);
  const news = left(after, partnerOfAfter);
  const candidates: { b: number; a: number; score: number; distance: number }[] = [];
  for (const n of news) {
    for (const o of olds) {
      if (o.item.kind !== n.item.kind) continue;
      const [short, long] = [o.words.length, n.words.length].sort((x, y) => x - y);
      if (!long || short! / long < SIMILARITY_THRESHOLD) continue;
      const score = similarity(o.words, n.words);
      if (score < SIMILARITY_THRESHOLD) continue;
      const distance = Math.abs(
        o.index / Math.max(before.length, 1) - n.index / Math.max(after.length, 1),
      );
      candidates.push({ b: o.index, a: n.index, score, distance });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.distance - y.distance || x.a - y.a);
  for (const c of candidates) {
    if (partnerOfBefore[c.b] === null && partnerOfAfter[c.a] === null) pair(c.b, c.a, 'text');
  }
  return { partnerOfAfter, partnerOfBefore, matchedBy };
}

/**
 * Which entries of a sequence of distinct numbers form a longest increasing subsequence: the
 * largest set of paired items that kept their order. Every other paired item moved.
 * O(n log n) (patience sorting).
 */
export function longestIncreasing(sequence: readonly number[]): boolean[] {
  const tails: number[] = []; // tails[k]: index in `sequence` ending the best run of length k+1
  const previous: number[] = sequence.map(() => -1);
  sequence.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sequence[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = sequence.map(() => false);
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) {
    kept[i] = true;
  }
  return kept;
}
