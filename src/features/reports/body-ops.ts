import type { ReportItemDraft } from './numbering.js';
import type { ItemForm, ItemKindChoice } from './schemas.js';

/**
 * The body editor's operations, as pure functions over the items in reading order. Each returns
 * a new list; the whole list is then numbered by `numberReportItems`, which also says when a
 * change would make it impossible to number. The same list functions order recommendations.
 */
export type BodyItem = ReportItemDraft;

export const depthOf = (kind: ItemKindChoice): number =>
  kind === 'section' ? 0 : kind === 'paragraph' ? 1 : 2;

export const kindOf = (depth: number): ItemKindChoice =>
  depth === 0 ? 'section' : depth === 1 ? 'paragraph' : 'sub-paragraph';

/** A filled-in form as an item: a heading is kept on one line, a paragraph's line breaks kept. */
export function itemFromForm(form: ItemForm, lineage?: string): BodyItem {
  const depth = depthOf(form.kind);
  return {
    depth,
    heading: depth === 0 ? form.text.replace(/\s+/g, ' ') : null,
    body: depth === 0 ? null : form.text.replace(/\r\n?/g, '\n'),
    ...(lineage ? { lineage } : {}),
  };
}

interface WithLineage {
  lineage?: string | undefined;
}

/** The index of the entry with this lineage, or -1. */
export const indexOfLineage = <T extends WithLineage>(
  list: readonly T[],
  lineage: string,
): number => list.findIndex((entry) => entry.lineage === lineage);

/** Insert after the entry at `index` (-1: at the very start). */
export const insertAfter = <T>(list: readonly T[], index: number, entry: T): T[] => [
  ...list.slice(0, index + 1),
  entry,
  ...list.slice(index + 1),
];

/** Replace the entry at `index`, keeping its lineage. */
export const replaceAt = <T extends WithLineage>(
  list: readonly T[],
  index: number,
  entry: T,
): T[] =>
  list.map((existing, i) =>
    i === index ? { ...entry, lineage: existing.lineage ?? entry.lineage } : existing,
  );

/** Swap the entry at `index` with its neighbour; null when it is already first or last. */
export function move<T>(list: readonly T[], index: number, direction: 'up' | 'down'): T[] | null {
  const other = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || index >= list.length || other < 0 || other >= list.length) return null;
  const copy = [...list];
  [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  return copy;
}

export const removeAt = <T>(list: readonly T[], index: number): T[] =>
  list.filter((_, i) => i !== index);
