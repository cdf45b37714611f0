import { excerpt, type ReadDocument } from './blocks.js';
import {
  firstHeading,
  ITALIC_SHARE,
  readsAsHeading,
  sectionLevel,
  takeTitle,
  toLine,
  type Line,
} from './lines.js';
import { checkNumbering, numberPlaced } from './numbering-check.js';
import type {
  CheckedItem,
  DetectedStructure,
  ImportProblem,
  PlacedItem,
} from './structure-types.js';

export { ITALIC_SHARE, readsAsHeading };

/**
 * Working out a code's structure from the blocks of a file: which block is a section heading,
 * a paragraph, a sub-paragraph or an appendix; which are local additions (in italics); what
 * could not be placed. Pure: the same blocks always give the same result.
 */

/** A paragraph with at least this share (but less than ITALIC_SHARE) in italics is flagged. */
const PARTLY_ITALIC_SHARE = 1 / 3;

type Role =
  | { kind: 'appendix'; heading: string }
  | { kind: 'section'; heading: string }
  | { kind: 'paragraph'; depth: 1 | 2; body: string; fromList: boolean }
  | { kind: 'left-out'; message: string };

const paragraph = (depth: 1 | 2, body: string, fromList = false): Role => ({
  kind: 'paragraph',
  depth,
  body,
  fromList,
});

/** Places lines one after another, remembering where in the code it has got to. */
class Placer {
  readonly placed: CheckedItem[] = [];
  private part: 'section' | 'appendix' | null = null;
  private paragraphsInPart = 0;
  /** the depth of the outermost items of the list being read */
  private listBase: 1 | 2 | null = null;
  /** the next line was used as the title of an appendix */
  private skipNext = false;

  constructor(
    private readonly problems: ImportProblem[],
    /** the heading level sections are written at */
    private readonly level: number,
    /** bold lines stand in for headings (the document has no headings or section numbers) */
    private readonly boldHeadings: boolean,
  ) {}

  private report(severity: ImportProblem['severity'], line: Line, message: string) {
    this.problems.push({ severity, source: line.block.source, text: excerpt(line.text), message });
  }

  /** What a line is, from its number, its style and where it comes. */
  private roleOf(line: Line, next: Line | undefined): Role {
    const { number, rest } = line.numbered;
    const list = number?.kind === 'bullet' ? { level: 0, ordered: false } : line.block.list;
    if (
      number?.kind === 'appendix' &&
      !list &&
      (line.isHeading || rest === '' || readsAsHeading(rest))
    ) {
      // "Appendix A" on its own line, with its title as the next heading
      if (rest === '' && next && next.numbered.number === null && (next.isHeading || next.bold)) {
        this.skipNext = true;
        return { kind: 'appendix', heading: next.text };
      }
      return { kind: 'appendix', heading: rest || (line.numbered.written ?? line.text) };
    }
    if (number?.kind === 'section' && !list && (line.isHeading || readsAsHeading(rest))) {
      if (this.part === 'appendix' && line.isHeading) {
        return {
          kind: 'left-out',
          message: 'A numbered section after the appendices: sections come before the appendices',
        };
      }
      if (this.part !== 'appendix') {
        return rest === ''
          ? { kind: 'left-out', message: 'A section number with no heading after it' }
          : { kind: 'section', heading: rest };
      }
    }
    // A section's number before a sentence is a paragraph numbered 1, 2, 3 by the document.
    if (number?.kind === 'paragraph' || number?.kind === 'section') return paragraph(1, rest);
    if (number?.kind === 'sub-paragraph') return paragraph(2, rest);
    if (line.isHeading || (this.boldHeadings && line.bold && !list && readsAsHeading(rest))) {
      if (this.part === 'appendix') return paragraph(1, rest);
      const headingLevel = line.isHeading ? (line.block.level ?? 1) : this.level;
      if (headingLevel < this.level) {
        return {
          kind: 'left-out',
          message:
            'A heading above the sections (such as the name of a part) has no number in the code',
        };
      }
      if (headingLevel > this.level) {
        // Word's headings numbered by a list go one level down for each heading level.
        if (list) return paragraph(Math.min(headingLevel - this.level, 2) as 1 | 2, rest);
        this.report('warning', line, 'A sub-heading inside a section: placed as a paragraph');
        return paragraph(1, rest);
      }
      return { kind: 'section', heading: rest };
    }
    if (list) {
      // A numbered list, or one straight after a heading, holds paragraphs; bullets after a
      // paragraph are its sub-paragraphs.
      this.listBase ??= list.ordered || this.paragraphsInPart === 0 ? 1 : 2;
      return paragraph(Math.min(this.listBase + list.level, 2) as 1 | 2, rest, true);
    }
    return paragraph(1, rest);
  }

  place(line: Line, next: Line | undefined): void {
    if (this.skipNext) {
      this.skipNext = false;
      return;
    }
    const role = this.roleOf(line, next);
    const fromList = role.kind === 'paragraph' && role.fromList;
    if (!fromList) this.listBase = null;
    if (role.kind === 'left-out') return this.report('left-out', line, role.message);
    const local = line.italicShare >= ITALIC_SHARE;
    const base = {
      source: line.block.source,
      written: line.numbered.number?.kind === 'bullet' ? null : line.numbered.written,
      origin: local ? 'local' : 'model',
    } as const;
    if (role.kind === 'section' || role.kind === 'appendix') {
      this.part = role.kind;
      this.paragraphsInPart = 0;
      const item: PlacedItem = {
        ...base,
        kind: role.kind,
        depth: 0,
        heading: role.heading,
        body: null,
      };
      this.placed.push({ item, number: line.numbered.number });
    } else if (this.part === null) {
      return this.report(
        'left-out',
        line,
        'Text before the first heading has no place in the code: give it a heading, or leave it out',
      );
    } else if (role.body === '') {
      return this.report('left-out', line, 'A number with no text after it');
    } else if (role.depth === 2 && this.paragraphsInPart === 0) {
      return this.report(
        'left-out',
        line,
        'A sub-paragraph with no paragraph before it in its section',
      );
    } else {
      this.paragraphsInPart += 1;
      const item: PlacedItem = {
        ...base,
        kind: 'paragraph',
        depth: role.depth,
        heading: null,
        body: role.body,
      };
      this.placed.push({ item, number: fromList ? null : line.numbered.number });
    }
    if (!local && line.italicShare >= PARTLY_ITALIC_SHARE) {
      this.report(
        'warning',
        line,
        'Partly in italics, so it was imported as model text: if it is a local addition, mark it so in the draft',
      );
    }
  }
}

export function detectStructure(doc: ReadDocument): DetectedStructure {
  const problems: ImportProblem[] = doc.notes.map((n) => ({ severity: 'warning', ...n }));
  const lines = doc.blocks.map(toLine).filter((l) => l.text !== '');
  if (lines.length === 0) {
    problems.unshift({
      severity: 'left-out',
      source: 0,
      text: '',
      message: 'The file has no text in it, so there is nothing to import',
    });
    return { title: null, items: [], problems };
  }
  const title = takeTitle(lines);
  const boldHeadings = !lines.some(
    (l) =>
      l.isHeading || (l.numbered.number?.kind === 'section' && readsAsHeading(l.numbered.rest)),
  );
  const placer = new Placer(problems, sectionLevel(lines), boldHeadings);
  lines.forEach((line, index) => placer.place(line, lines[index + 1]));

  const numbered = numberPlaced(placer.placed, problems);
  checkNumbering(numbered, problems);
  problems.sort((a, b) => a.source - b.source);
  return {
    title: title ?? firstHeading(lines),
    items: numbered.map((n) => n.checked.item),
    problems,
  };
}
