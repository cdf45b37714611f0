import mammoth from 'mammoth';
import { excerpt, flatten, type ReadDocument, type SourceBlock, type TextRun } from './blocks.js';

/**
 * Reading a Word document into blocks with mammoth's document model (the tree it builds before
 * it writes HTML): each paragraph's style name ("Heading 1", "Title"), its list numbering (level
 * and whether numbered), and its runs with their italics and bold. Tables become one block per
 * row. Images, footnotes and comments are not part of a code's text and are left out.
 */

// The parts of mammoth's document model read here (it publishes no types for it).
interface Element {
  type: string;
  children?: Element[];
  value?: string;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  isItalic?: boolean;
  isBold?: boolean;
}

const HEADING = /^heading\s*([1-9])$/i;

function runsOf(element: Element, marks: { italic: boolean; bold: boolean }, out: TextRun[]) {
  switch (element.type) {
    case 'text':
      out.push({ text: element.value ?? '', ...marks });
      return;
    case 'tab':
    case 'break':
      out.push({ text: ' ', ...marks });
      return;
    case 'run':
      marks = { italic: element.isItalic === true, bold: element.isBold === true };
      break;
    case 'noteReference':
    case 'commentReference':
    case 'image':
      return;
  }
  for (const child of element.children ?? []) runsOf(child, marks, out);
}

const runsOfParagraph = (paragraph: Element): TextRun[] => {
  const runs: TextRun[] = [];
  runsOf(paragraph, { italic: false, bold: false }, runs);
  return runs;
};

function styleOf(paragraph: Element): Pick<SourceBlock, 'style' | 'level'> {
  const name = paragraph.styleName ?? '';
  if (/^title$/i.test(name)) return { style: 'title', level: null };
  const heading = HEADING.exec(name);
  if (heading) return { style: 'heading', level: Number(heading[1]) };
  return { style: 'paragraph', level: null };
}

/** Read the paragraphs of a parsed document into blocks, numbering those with text from 1. */
export function blocksOfDocument(document: Element): ReadDocument {
  const read: ReadDocument = { blocks: [], notes: [] };
  let count = 0;
  let images = 0;
  let tableNoted = false;
  const add = (block: Omit<SourceBlock, 'source'>) => {
    if (flatten(block.runs).text === '') return;
    count += 1;
    read.blocks.push({ source: count, ...block });
  };
  const visit = (element: Element) => {
    if (element.type === 'image') images += 1;
    if (element.type === 'paragraph') {
      const numbering = element.numbering;
      add({
        ...styleOf(element),
        runs: runsOfParagraph(element),
        list: numbering
          ? { level: Number(numbering.level) || 0, ordered: numbering.isOrdered }
          : null,
      });
      for (const child of element.children ?? []) countImages(child);
      return;
    }
    if (element.type === 'tableRow') {
      const cells = (element.children ?? []).map((cell) =>
        flatten(
          (cell.children ?? []).flatMap((p) => [
            ...runsOfParagraph(p),
            { text: ' ', italic: false, bold: false },
          ]),
        ),
      );
      const runs: TextRun[] = [];
      for (const cell of cells.filter((c) => c.text !== '')) {
        if (runs.length > 0) runs.push({ text: ' – ', italic: false, bold: false });
        // A cell's italics and bold count as a whole: a row is a local addition if all of it is.
        [...cell.text].forEach((char, i) =>
          runs.push({ text: char, italic: cell.italic[i] ?? false, bold: cell.bold[i] ?? false }),
        );
      }
      const before = read.blocks.length;
      add({ style: 'paragraph', level: null, runs, list: null, tableRow: true });
      const block = read.blocks[before];
      if (block && !tableNoted) {
        tableNoted = true;
        read.notes.push({
          source: block.source,
          text: excerpt(flatten(block.runs).text),
          message:
            'A table: each of its rows was imported as one paragraph, with its cells separated by dashes',
        });
      }
      return;
    }
    for (const child of element.children ?? []) visit(child);
  };
  const countImages = (element: Element) => {
    if (element.type === 'image') images += 1;
    for (const child of element.children ?? []) countImages(child);
  };
  visit(document);
  if (images > 0) {
    read.notes.push({
      source: 0,
      text: '',
      message: `The document has ${images === 1 ? 'an image' : `${images} images`}: images are not imported`,
    });
  }
  return read;
}

/**
 * Read a .docx file's bytes. Throws when mammoth cannot read it (a damaged file): the caller
 * turns that into a message.
 */
export async function readDocx(bytes: Buffer): Promise<ReadDocument> {
  let read: ReadDocument | null = null;
  await mammoth.convertToHtml(
    { buffer: bytes },
    {
      // Read the model, then hand mammoth an empty document: the HTML is not needed.
      transformDocument: (document: Element) => {
        read = blocksOfDocument(document);
        return { ...document, children: [] };
      },
    },
  );
  if (read === null) throw new Error('mammoth did not read the document');
  return read;
}
