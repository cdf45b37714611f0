import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ProgrammeAppendixView } from '../reports/index.js';
import type { LabelledText, ReportLayout } from './layout.js';
import { codeAppendixWord } from './word-code-appendix.js';

/** The media type of a Word document. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Twentieths of a point: 720 is half an inch, a paragraph number's hanging indent. */
const STEP = 720;

const heading = (text: string, level: 1 | 2 = 1): Paragraph =>
  new Paragraph({
    text,
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
  });

const field = (row: LabelledText): Paragraph =>
  new Paragraph({
    children: [
      new TextRun({ text: `${row.label}:`, bold: true }),
      new TextRun({ children: [new Tab()] }),
      new TextRun(row.value),
    ],
    tabStops: [{ type: 'left', position: STEP * 3 }],
  });

const lines = (text: string): Paragraph[] =>
  (text.trim() === '' ? ['None'] : text.split(/\r?\n/).filter((l) => l.trim() !== '')).map(
    (line) => new Paragraph({ text: line.trim() }),
  );

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, bold = false): TableCell =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    borders: { top: border, bottom: border, left: border, right: border },
  });

/** The statutory and council policy checklist as a Word table, with a header row. */
function checklistTable(layout: ReportLayout): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['Implication', 'Yes or no', 'Statement', 'Cleared by'].map((t) => cell(t, true)),
      }),
      ...layout.checklist.map(
        (row) =>
          new TableRow({
            children: [cell(row.label), cell(row.answer), cell(row.statement), cell(row.clearedBy)],
          }),
      ),
    ],
  });
}

/** A cell of several lines, one paragraph each. */
const linesCell = (texts: string[]): TableCell =>
  new TableCell({
    children: (texts.length > 0 ? texts : ['None given']).map((text) => new Paragraph({ text })),
    borders: { top: border, bottom: border, left: border, right: border },
  });

/** A programme appended in full: its facts, then its courses and sessions as a table. */
function programmeAppendix(letter: string, title: string, p: ProgrammeAppendixView) {
  const parts: (Paragraph | Table)[] = [
    heading(`Appendix ${letter}: ${title}`, 2),
    ...p.facts.map(field),
  ];
  if (p.courses.length === 0) {
    parts.push(new Paragraph({ text: 'The programme has no courses yet.' }));
    return parts;
  }
  parts.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: ['Course', 'Who it is for', 'Purposes', 'Sessions'].map((t) => cell(t, true)),
        }),
        ...p.courses.map(
          (c) =>
            new TableRow({
              children: [
                linesCell([c.title, c.format]),
                cell(c.audience),
                linesCell(c.purposes),
                linesCell(c.sessions),
              ],
            }),
        ),
      ],
    }),
  );
  return parts;
}

/** A numbered paragraph: the number, a tab, the text; hanging indent deeper at each level. */
const numbered = (number: string, text: string, depth: number): Paragraph =>
  new Paragraph({
    indent: { left: STEP * (depth + 1), hanging: STEP },
    spacing: { after: 120 },
    children: [
      new TextRun(number),
      new TextRun({ children: [new Tab()] }),
      ...text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line, i) => new TextRun({ text: line.trim(), ...(i > 0 ? { break: 1 } : {}) })),
    ],
  });

/**
 * A committee report as a Word document in the council's layout: the title block, the header
 * fields, summary, numbered recommendations, background papers, category, the checklist as a
 * table, the questions after it, the numbered body and the list of appendices, with any
 * programme, and any code version that has no public page, appended in full.
 */
export async function buildReportWord(layout: ReportLayout): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: layout.caption, heading: HeadingLevel.TITLE }),
    ...(layout.status === 'published'
      ? []
      : [
          new Paragraph({
            children: [new TextRun({ text: `Status: ${layout.status}`, bold: true })],
          }),
        ]),
    ...layout.header.map(field),
    heading('Summary'),
    ...lines(layout.summary),
    heading('Recommendations'),
    ...layout.recommendations.map((r) => numbered(`${r.number}.`, r.text, 0)),
    heading('Background papers'),
    ...lines(layout.backgroundPapers),
    heading('Category of report'),
    new Paragraph({ text: layout.categoryText }),
    heading('Statutory and council policy checklist'),
    checklistTable(layout),
    ...layout.afterChecklist.map(field),
    ...layout.body.map((item) =>
      item.kind === 'heading'
        ? heading(`${item.number} ${item.text}`)
        : numbered(item.number, item.text, item.depth - 1),
    ),
  ];
  if (layout.appendices.length > 0) {
    children.push(heading('Appendices'));
    for (const a of layout.appendices) {
      children.push(new Paragraph({ text: `Appendix ${a.letter}: ${a.title}` }));
    }
    for (const a of layout.appendices) {
      if (a.programme) children.push(...programmeAppendix(a.letter, a.title, a.programme));
      else if (a.code) children.push(...codeAppendixWord(a.letter, a.title, a.code));
    }
  }
  const doc = new Document({
    creator: 'Probity',
    title: layout.title,
    description: layout.caption,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** The file name of a report's Word download: `report-12.docx`. */
export const reportWordFileName = (id: number): string => `report-${id}.docx`;
