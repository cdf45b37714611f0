import type { CodeItem, ItemDraft } from '../code-of-conduct/index.js';
import type { ItemForm, ItemKindChoice } from './schemas.js';

/**
 * The structured editor's operations on a version's items, as pure functions over the list in
 * reading order. Each returns a new list; numbering is done afterwards, for the whole list, by
 * the core `numberItems`, which also says when a change would make the list impossible to
 * number (a sub-paragraph with no paragraph before it, say).
 */
export type EditorItem = ItemDraft;

export function draftsFrom(items: readonly CodeItem[]): EditorItem[] {
  return items.map((item) => ({
    kind: item.kind,
    depth: item.depth,
    heading: item.heading,
    body: item.body,
    origin: item.origin,
    lineage: item.lineage,
  }));
}

/** What the editor form's kind means as stored: a kind and a depth. */
export function kindAndDepth(kind: ItemKindChoice): Pick<ItemDraft, 'kind' | 'depth'> {
  switch (kind) {
    case 'section':
      return { kind: 'section', depth: 0 };
    case 'appendix':
      return { kind: 'appendix', depth: 0 };
    case 'paragraph':
      return { kind: 'paragraph', depth: 1 };
    case 'sub-paragraph':
      return { kind: 'paragraph', depth: 2 };
  }
}

/** The editor form's kind for a stored item. */
export function kindChoiceOf(item: Pick<ItemDraft, 'kind' | 'depth'>): ItemKindChoice {
  if (item.kind === 'paragraph') return item.depth === 2 ? 'sub-paragraph' : 'paragraph';
  return item.kind;
}

/** A filled-in editor form as an item; a heading is kept on one line. */
export function draftFromForm(form: ItemForm, lineage?: string): EditorItem {
  const { kind, depth } = kindAndDepth(form.kind);
  const isParagraph = kind === 'paragraph';
  return {
    kind,
    depth,
    heading: isParagraph ? null : form.text.replace(/\s+/g, ' '),
    body: isParagraph ? form.text.replace(/\r\n?/g, '\n') : null,
    origin: form.local ? 'local' : 'model',
    ...(lineage ? { lineage } : {}),
  };
}

/** The index of the item with this lineage, or -1. */
export const indexOfLineage = (items: readonly EditorItem[], lineage: string): number =>
  items.findIndex((item) => item.lineage === lineage);

/** Insert after the item at `index` (-1: at the very start). */
export function insertAfter(
  items: readonly EditorItem[],
  index: number,
  item: EditorItem,
): EditorItem[] {
  return [...items.slice(0, index + 1), item, ...items.slice(index + 1)];
}

/** Replace the item at `index`, keeping its lineage. */
export function replaceAt(
  items: readonly EditorItem[],
  index: number,
  item: EditorItem,
): EditorItem[] {
  const current = items[index];
  return items.map((existing, i) =>
    i === index ? { ...item, lineage: current?.lineage ?? item.lineage } : existing,
  );
}

/** Swap the item at `index` with its neighbour; null when it is already first or last. */
export function move(
  items: readonly EditorItem[],
  index: number,
  direction: 'up' | 'down',
): EditorItem[] | null {
  const other = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= items.length || index >= items.length) return null;
  const copy = [...items];
  [copy[index], copy[other]] = [copy[other] as EditorItem, copy[index] as EditorItem];
  return copy;
}

export function removeAt(items: readonly EditorItem[], index: number): EditorItem[] {
  return items.filter((_, i) => i !== index);
}
