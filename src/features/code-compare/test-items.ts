import assert from 'node:assert/strict';
import { numberItems, type ItemDraft } from '../code-of-conduct/index.js';
import type { ComparableItem, ComparisonRow } from './compare.js';

/** Items for the comparison's unit tests, numbered by the core as the editor numbers them. */

/** A section or appendix heading, or a paragraph, with the lineage it keeps across versions. */
export const section = (heading: string, lineage: string): ItemDraft => ({
  kind: 'section',
  depth: 0,
  heading,
  body: null,
  origin: 'model',
  lineage,
});
export const para = (
  body: string,
  lineage: string,
  options: { local?: boolean; depth?: 1 | 2 } = {},
): ItemDraft => ({
  kind: 'paragraph',
  depth: options.depth ?? 1,
  heading: null,
  body,
  origin: options.local ? 'local' : 'model',
  lineage,
});

/** Number the drafts as the editor would; an item without lineage gets one of its own. */
let fresh = 0;
export function version(...drafts: ItemDraft[]): ComparableItem[] {
  const numbered = numberItems(drafts);
  assert.ok(numbered.ok, 'the test version numbers');
  return numbered.items.map((item) => ({
    number: item.number,
    anchor: item.anchor,
    kind: item.kind,
    depth: item.depth,
    heading: item.heading,
    body: item.body,
    origin: item.origin,
    lineage: item.lineage ?? `own-${(fresh += 1)}`,
  }));
}

/** Each row as "status old→new" with its flags, for readable assertions. */
export const summary = (rows: ComparisonRow[]) =>
  rows.map((row) => {
    const flags = [
      row.moved && 'moved',
      row.textChanged && 'text',
      row.renumbered && 'renumbered',
      row.markingChanged && 'marking',
    ].filter(Boolean);
    const numbers = `${row.before?.number ?? '-'}→${row.after?.number ?? '-'}`;
    return `${row.status} ${numbers}${flags.length ? ` [${flags.join(',')}]` : ''}`;
  });

/** A short code: two sections of model text, each paragraph with its own lineage. */
export const BASE = [
  section('Respect', 's1'),
  para('Treat everyone with courtesy.', 'p11'),
  para('Do not bully or harass anyone.', 'p12'),
  para('Do not discriminate unlawfully.', 'p13'),
  section('Gifts and hospitality', 's2'),
  para('Register any gift worth at least £50 within 28 days.', 'p21'),
  para('Register significant offers that you refused.', 'p22'),
];
