/**
 * What a Word or Markdown file is read into before its structure is worked out: a list of
 * blocks of text in reading order, each with its style, its runs of text (with italic and bold
 * marked), and where it sits in a list. The readers know nothing of codes of conduct; the
 * structure detection knows nothing of file formats.
 */

export interface TextRun {
  text: string;
  italic: boolean;
  bold: boolean;
}

export interface SourceBlock {
  /** where it is in the file: the paragraph number (Word) or line number (Markdown), from 1 */
  source: number;
  /** 'title' for Word's Title style; 'heading' with a level (1 is the biggest) */
  style: 'title' | 'heading' | 'paragraph';
  level: number | null;
  runs: TextRun[];
  /** a list item: its nesting level (0 outermost) and whether the list is numbered */
  list: { level: number; ordered: boolean } | null;
  /** the block is a row of a table, its cells joined */
  tableRow?: boolean;
}

/** A note a reader makes about the file as a whole or one place in it (always a warning). */
export interface ReaderNote {
  source: number;
  text: string;
  message: string;
}

export interface ReadDocument {
  blocks: SourceBlock[];
  notes: ReaderNote[];
}

/** Text as one line: tabs, line breaks and no-break spaces become spaces, runs of them one. */
export interface FlatText {
  text: string;
  /** for each character of text: whether it was italic, and bold */
  italic: boolean[];
  bold: boolean[];
}

const SPACE = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/u;

export function flatten(runs: readonly TextRun[]): FlatText {
  const flat: FlatText = { text: '', italic: [], bold: [] };
  let pendingSpace = false;
  for (const run of runs) {
    for (const char of run.text) {
      if (SPACE.test(char)) {
        pendingSpace = flat.text.length > 0;
        continue;
      }
      if (pendingSpace) {
        flat.text += ' ';
        // a space between two italic words is italic too
        flat.italic.push(run.italic && flat.italic[flat.italic.length - 1] === true);
        flat.bold.push(run.bold && flat.bold[flat.bold.length - 1] === true);
        pendingSpace = false;
      }
      flat.text += char;
      for (let k = 0; k < char.length; k += 1) {
        flat.italic.push(run.italic);
        flat.bold.push(run.bold);
      }
    }
  }
  return flat;
}

/** The share (0 to 1) of the non-space characters from `from` on that are marked. */
export function markedShare(flat: FlatText, marks: readonly boolean[], from = 0): number {
  let counted = 0;
  let marked = 0;
  for (let i = from; i < flat.text.length; i += 1) {
    if (flat.text[i] === ' ') continue;
    counted += 1;
    if (marks[i]) marked += 1;
  }
  return counted === 0 ? 0 : marked / counted;
}

/** The start of a text, for a message: its first words, cut at about 60 characters. */
export function excerpt(text: string, length = 60): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A run of plain text, for readers and tests. */
export const plain = (text: string, marks: Partial<Omit<TextRun, 'text'>> = {}): TextRun => ({
  text,
  italic: marks.italic ?? false,
  bold: marks.bold ?? false,
});
