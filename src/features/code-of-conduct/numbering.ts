import type { CodeItemKind, CodeItemOrigin } from '../../db/schema.js';

/**
 * How a code's items are numbered. Items are kept in reading order; numbers and anchors follow
 * from the order and each item's kind and depth, so inserting, moving or removing an item
 * renumbers everything after it, as a council's clerk would by hand.
 *
 * - a section is numbered 1, 2, 3 (anchor `section-2`);
 * - a paragraph (depth 1) within section 2 is 2.1, 2.2 (anchor `para-2-1`);
 * - a sub-paragraph (depth 2) is 2.1(a), 2.1(b) (anchor `para-2-1-a`);
 * - an appendix is lettered A, B, C (anchor `appendix-a`); its paragraphs are A.1, A.1(a)
 *   (anchors `para-a-1`, `para-a-1-a`).
 */
export interface ItemDraft {
  kind: CodeItemKind;
  /** 0 for a section or appendix; 1 for a paragraph; 2 for a sub-paragraph */
  depth: number;
  heading: string | null;
  body: string | null;
  origin: CodeItemOrigin;
  /** the same paragraph in other versions; absent for a new one */
  lineage?: string | undefined;
}

export interface NumberedItem extends ItemDraft {
  position: number;
  number: string;
  anchor: string;
}

/** Why a list of items cannot be numbered, pointing at the item (by position) that breaks it. */
export interface NumberingProblem {
  position: number;
  message: string;
}

const letters = (n: number): string => {
  // 1 → a, 26 → z, 27 → aa: a council will never need more, but it must not break.
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
};

export function numberItems(
  items: readonly ItemDraft[],
): { ok: true; items: NumberedItem[] } | { ok: false; problems: NumberingProblem[] } {
  const problems: NumberingProblem[] = [];
  const numbered: NumberedItem[] = [];
  let part: { label: string; key: string } | null = null; // "2" / "2", or "A" / "a"
  let sections = 0;
  let appendices = 0;
  let paragraph = 0;
  let sub = 0;
  items.forEach((item, position) => {
    if (item.kind === 'section' || item.kind === 'appendix') {
      if (!item.heading?.trim())
        problems.push({ position, message: `Give the ${item.kind} a heading` });
      paragraph = 0;
      sub = 0;
      if (item.kind === 'section') {
        if (appendices > 0)
          problems.push({ position, message: 'Sections come before the appendices' });
        sections += 1;
        part = { label: String(sections), key: String(sections) };
        numbered.push({
          ...item,
          depth: 0,
          position,
          number: part.label,
          anchor: `section-${part.key}`,
        });
      } else {
        appendices += 1;
        const letter = letters(appendices);
        part = { label: letter.toUpperCase(), key: letter };
        numbered.push({
          ...item,
          depth: 0,
          position,
          number: part.label,
          anchor: `appendix-${part.key}`,
        });
      }
      return;
    }
    if (!item.body?.trim()) problems.push({ position, message: 'Write the text of the paragraph' });
    if (part === null) {
      problems.push({
        position,
        message: 'A paragraph must come after a section or appendix heading',
      });
      return;
    }
    if (item.depth === 1) {
      paragraph += 1;
      sub = 0;
      numbered.push({
        ...item,
        position,
        number: `${part.label}.${paragraph}`,
        anchor: `para-${part.key}-${paragraph}`,
      });
    } else if (item.depth === 2) {
      if (paragraph === 0) {
        problems.push({ position, message: 'A sub-paragraph must follow a numbered paragraph' });
        return;
      }
      sub += 1;
      numbered.push({
        ...item,
        position,
        number: `${part.label}.${paragraph}(${letters(sub)})`,
        anchor: `para-${part.key}-${paragraph}-${letters(sub)}`,
      });
    } else {
      problems.push({ position, message: 'A paragraph is at depth 1 or 2' });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items: numbered };
}
