import { flatten, markedShare, type SourceBlock } from './blocks.js';
import { readLeadingNumber, type NumberedText } from './numbers.js';

/**
 * A block of the file as the structure detection sees it: its text on one line, the number it
 * starts with, how much of the rest is in italics, and whether it is a heading.
 */
export interface Line {
  block: SourceBlock;
  text: string;
  numbered: NumberedText;
  /** the share of the text after the number that is in italics */
  italicShare: number;
  /** (nearly) all of the text after the number is bold */
  bold: boolean;
  /** Word's heading or title styles, or a Markdown heading */
  isHeading: boolean;
}

/** At least this share of a paragraph's text in italics makes it a local addition. */
export const ITALIC_SHARE = 0.9;

/** Short and not a sentence: "Bullying, harassment and discrimination", not "You must ...". */
export function readsAsHeading(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= 120 &&
    text.split(' ').length <= 16 &&
    !/[.;:,!?]["'\u2019\u201d)]?$/u.test(text)
  );
}

export function toLine(block: SourceBlock): Line {
  const flat = flatten(block.runs);
  let numbered = readLeadingNumber(flat.text);
  // "Appendix B sets out ..." and "Section 2 of the Act ..." are sentences, not numbers.
  const named = numbered.number?.kind === 'appendix' || /^section /i.test(numbered.written ?? '');
  if (
    named &&
    block.style === 'paragraph' &&
    numbered.rest !== '' &&
    !readsAsHeading(numbered.rest)
  ) {
    numbered = { number: null, written: null, rest: flat.text, length: 0 };
  }
  return {
    block,
    text: flat.text,
    numbered,
    italicShare: markedShare(flat, flat.italic, numbered.length),
    bold: markedShare(flat, flat.bold, numbered.length) >= ITALIC_SHARE,
    isHeading: block.style !== 'paragraph',
  };
}

/**
 * Take the document's title off the front of the lines: Word's Title style, or an unnumbered
 * first heading bigger than every other heading.
 */
export function takeTitle(lines: Line[]): string | null {
  const first = lines[0];
  if (!first || first.numbered.number !== null || first.block.list) return null;
  if (first.block.style === 'title') {
    lines.shift();
    return first.text;
  }
  if (first.block.style !== 'heading') return null;
  const others = lines.slice(1).filter((l) => l.block.style === 'heading');
  const level = first.block.level ?? 1;
  if (others.length === 0 || !others.every((l) => (l.block.level ?? 1) > level)) return null;
  lines.shift();
  return first.text;
}

/** The heading level sections are written at: that of numbered section headings if any. */
export function sectionLevel(lines: readonly Line[]): number {
  const headings = lines.filter((l) => l.isHeading && l.numbered.number?.kind !== 'appendix');
  const numbered = headings.filter((l) => l.numbered.number?.kind === 'section');
  const levels = (numbered.length > 0 ? numbered : headings).map((l) => l.block.level ?? 1);
  return levels.length > 0 ? Math.min(...levels) : 1;
}

/** The first heading's text, to name a draft when the document has no title of its own. */
export function firstHeading(lines: readonly Line[]): string | null {
  const heading = lines.find((l) => l.isHeading && l.numbered.rest !== '');
  return heading ? heading.numbered.rest : null;
}
