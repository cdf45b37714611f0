import { numberItems, type NumberedItem } from '../code-of-conduct/index.js';
import { excerpt } from './blocks.js';
import { letterIndex, type LeadingNumber } from './numbers.js';
import type { CheckedItem, ImportProblem } from './structure-types.js';

/** A placed item and the number the core numbering gives it. */
export interface NumberedCheck {
  checked: CheckedItem;
  numbered: NumberedItem;
}

const textOf = (c: CheckedItem) => c.item.heading ?? c.item.body ?? '';

/**
 * Number the placed items as the draft will number them. Whatever the numbering refuses (which
 * the placing should already have avoided) is left out with the numbering's own reason, and the
 * rest numbered again.
 */
export function numberPlaced(placed: CheckedItem[], problems: ImportProblem[]): NumberedCheck[] {
  let items = placed;
  for (let attempt = 0; attempt <= placed.length; attempt += 1) {
    const result = numberItems(items.map((c) => c.item));
    if (result.ok) return result.items.map((numbered, i) => ({ checked: items[i]!, numbered }));
    const refused = new Map(result.problems.map((p) => [p.position, p.message]));
    for (const [position, message] of refused) {
      const c = items[position]!;
      problems.push({
        severity: 'left-out',
        source: c.item.source,
        text: excerpt(textOf(c)),
        message,
      });
    }
    items = items.filter((_, position) => !refused.has(position));
  }
  return [];
}

/** The parts of a number: section or appendix (1-based), paragraph, sub-paragraph. */
interface Parts {
  part: number | null;
  paragraph: number | null;
  sub: number | null;
}

const partIndex = (label: string): number =>
  /^\d+$/.test(label) ? Number(label) : letterIndex(label);

/** The parts of what the document wrote, when they mean the same kind of thing as the item. */
function writtenParts(number: LeadingNumber | null, item: NumberedItem): Parts | null {
  if (!number) return null;
  if (item.kind === 'section' && number.kind === 'section') {
    return { part: number.section, paragraph: null, sub: null };
  }
  if (item.kind === 'appendix' && number.kind === 'appendix') {
    return { part: partIndex(number.label), paragraph: null, sub: null };
  }
  if (item.depth === 1 && number.kind === 'paragraph') {
    return { part: partIndex(number.part), paragraph: number.paragraph, sub: null };
  }
  if (item.depth === 2 && number.kind === 'sub-paragraph') {
    return {
      part: number.part === null ? null : partIndex(number.part),
      paragraph: number.paragraph,
      sub: number.sub,
    };
  }
  return null;
}

/** The parts of the number the draft gives: "2.1(b)" → 2, 1, 2; "B.3" → 2, 3. */
function finalParts(number: string): Parts {
  const m = /^([0-9]+|[A-Z]+)(?:\.([0-9]+))?(?:\(([a-z]+)\))?$/.exec(number);
  return {
    part: m?.[1] ? partIndex(m[1]) : null,
    paragraph: m?.[2] ? Number(m[2]) : null,
    sub: m?.[3] ? letterIndex(m[3]) : null,
  };
}

/**
 * Warn where the document's own numbers break their sequence: a jump (2.1 then 2.4), a repeat,
 * a paragraph numbered for another section. Each break is reported once, where it happens: the
 * items after a jump that follow on from it are not reported again.
 */
export function checkNumbering(items: NumberedCheck[], problems: ImportProblem[]): void {
  type Level = 'part' | 'paragraph' | 'sub';
  // For each level, the previous item's number (as the document wrote it, or else as the draft
  // gives it), and how the document wrote it, for the message.
  let previous: Record<Level, number> = { part: 0, paragraph: 0, sub: 0 };
  let previousWritten: Record<Level, string | null> = { part: null, paragraph: null, sub: null };
  let partKind: 'section' | 'appendix' | null = null;
  for (const { checked, numbered } of items) {
    const level: Level = numbered.depth === 0 ? 'part' : numbered.depth === 1 ? 'paragraph' : 'sub';
    // Appendices are counted afresh after the sections.
    const restart = level === 'part' && partKind !== numbered.kind;
    if (level === 'part') partKind = numbered.kind === 'appendix' ? 'appendix' : 'section';
    const expected = restart ? 1 : previous[level] + 1;
    const after = restart ? null : previousWritten[level];

    const written = writtenParts(checked.number, numbered);
    const own = written?.[level] ?? null;
    const broken =
      written !== null &&
      ((own !== null && own !== expected) ||
        (level !== 'part' && written.part !== null && written.part !== previous.part) ||
        (level === 'sub' &&
          written.paragraph !== null &&
          written.paragraph !== previous.paragraph));
    if (broken && checked.item.written) {
      problems.push({
        severity: 'warning',
        source: checked.item.source,
        text: excerpt(textOf(checked)),
        message: `Numbered ${checked.item.written} in the document${after ? `, straight after ${after}` : ''}: it will be ${numbered.number}`,
      });
    }

    // What the next item at this level follows on from; the levels below start again.
    const value = own ?? finalParts(numbered.number)[level] ?? 0;
    if (level === 'part') {
      previous = { part: value, paragraph: 0, sub: 0 };
      previousWritten = { part: checked.item.written, paragraph: null, sub: null };
    } else if (level === 'paragraph') {
      previous = { ...previous, paragraph: value, sub: 0 };
      previousWritten = { ...previousWritten, paragraph: checked.item.written, sub: null };
    } else {
      previous = { ...previous, sub: value };
      previousWritten = { ...previousWritten, sub: checked.item.written };
    }
  }
}
