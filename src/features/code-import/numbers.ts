/**
 * Numbers typed at the start of a line of a code, as councils write them: "2", "2.", "2.0" and
 * "Section 2" for a section; "2.1" and "2.1." for a paragraph; "(a)", "a)", "2.1(a)" and
 * "2.1.1" for a sub-paragraph; "Appendix B" (and "Annex B", "Schedule 2") for an appendix;
 * "A.1" for a paragraph of an appendix; a typed bullet ("•", "-") for an unnumbered list item.
 */

export type LeadingNumber =
  | { kind: 'appendix'; label: string }
  | { kind: 'section'; section: number }
  | { kind: 'paragraph'; part: string; paragraph: number }
  | { kind: 'sub-paragraph'; part: string | null; paragraph: number | null; sub: number }
  | { kind: 'bullet' };

export interface NumberedText {
  number: LeadingNumber | null;
  /** the number as the document writes it ("2.1", "(a)", "Appendix B"), for messages */
  written: string | null;
  /** the text after the number */
  rest: string;
  /** how many characters of the text the number (and the space after it) takes */
  length: number;
}

/** a → 1, b → 2, z → 26, aa → 27: the inverse of the core numbering's letters */
export function letterIndex(letters: string): number {
  let n = 0;
  for (const c of letters.toLowerCase()) n = n * 26 + (c.charCodeAt(0) - 96);
  return n;
}

// Appendix, Annex or Schedule, then a letter, a number or a Roman numeral, then maybe ":" or a dash.
const APPENDIX =
  /^(appendix|annex|schedule)\s+([A-Z]|\d{1,2}|[IVX]{1,4})(?![\p{L}\d])\s*[:.\u2013\u2014-]?\s*/iu;
const SECTION_WORD = /^section\s+(\d{1,3})(?![\d.])\s*[:.\u2013\u2014-]?\s*/iu;
// 2.1(a) or 2.1 (a) or A.1(b)
const PARAGRAPH_SUB = /^(\d{1,3}|[A-Z])\.(\d{1,3})\.?\s?\(([a-z]{1,2}|\d{1,2})\)\.?(?:\s+|$)/u;
// 2.1.1
const THREE_LEVELS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.?(?:\s+|$)/u;
// 1.0 is a section, as some councils number their headings
const SECTION_POINT_ZERO = /^(\d{1,3})\.0\.?(?:\s+|$)/u;
// 2.1 or 2.1. or A.1
const PARAGRAPH = /^(\d{1,3}|[A-Z])\.(\d{1,3})\.?(?:\s+|$)/u;
// (a) or (iv) or (1), and a) or 1)
const SUB_PARENS = /^\(([a-z]{1,2}|\d{1,2})\)\.?(?:\s+|$)/iu;
const SUB_CLOSING = /^([a-z])\)(?:\s+|$)/u;
// 2 or 2. then text
const SECTION = /^(\d{1,3})\.?(?:\s+|$)/u;
const BULLET = /^[\u2022\u25aa\u25cf\u2023\u2043\u25e6\u2013\u2014*-](?:\s+|$)/u;

/** Roman numerals for sub-paragraphs and appendices, small ones only. */
const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
};

function subIndex(marker: string): number {
  if (/^\d+$/.test(marker)) return Number(marker);
  // "i" alone is the ninth letter, as in (h), (i), (j); longer Roman numerals are read as numbers
  const lower = marker.toLowerCase();
  if (lower.length > 1 && ROMAN[lower] !== undefined) return ROMAN[lower];
  return letterIndex(lower);
}

function appendixLabel(written: string): string {
  if (/^\d+$/.test(written)) return written;
  if (written.length > 1) {
    const roman = ROMAN[written.toLowerCase()];
    return roman === undefined ? written.toUpperCase() : String(roman);
  }
  return written.toUpperCase();
}

/** Read the number at the start of a text (already on one line, trimmed). */
export function readLeadingNumber(text: string): NumberedText {
  const found = (number: LeadingNumber, match: RegExpExecArray, written: string): NumberedText => ({
    number,
    written,
    rest: text.slice(match[0].length).trim(),
    length: match[0].length,
  });
  let m: RegExpExecArray | null;
  if ((m = APPENDIX.exec(text))) {
    const word = m[1]!;
    const label = m[2]!;
    return found({ kind: 'appendix', label: appendixLabel(label) }, m, `${word} ${label}`);
  }
  if ((m = SECTION_WORD.exec(text))) {
    return found({ kind: 'section', section: Number(m[1]) }, m, `Section ${m[1]}`);
  }
  if ((m = PARAGRAPH_SUB.exec(text))) {
    const [, part, paragraph, sub] = m;
    return found(
      { kind: 'sub-paragraph', part: part!, paragraph: Number(paragraph), sub: subIndex(sub!) },
      m,
      `${part}.${paragraph}(${sub})`,
    );
  }
  if ((m = THREE_LEVELS.exec(text))) {
    const [, part, paragraph, sub] = m;
    return found(
      { kind: 'sub-paragraph', part: part!, paragraph: Number(paragraph), sub: Number(sub) },
      m,
      `${part}.${paragraph}.${sub}`,
    );
  }
  if ((m = SECTION_POINT_ZERO.exec(text))) {
    return found({ kind: 'section', section: Number(m[1]) }, m, `${m[1]}.0`);
  }
  if ((m = PARAGRAPH.exec(text))) {
    return found({ kind: 'paragraph', part: m[1]!, paragraph: Number(m[2]) }, m, `${m[1]}.${m[2]}`);
  }
  if ((m = SUB_PARENS.exec(text)) || (m = SUB_CLOSING.exec(text))) {
    const marker = m[1]!;
    return found(
      { kind: 'sub-paragraph', part: null, paragraph: null, sub: subIndex(marker) },
      m,
      m[0].trim(),
    );
  }
  if ((m = SECTION.exec(text))) {
    return found({ kind: 'section', section: Number(m[1]) }, m, m[1]!);
  }
  if ((m = BULLET.exec(text))) return found({ kind: 'bullet' }, m, m[0].trim());
  return { number: null, written: null, rest: text, length: 0 };
}
