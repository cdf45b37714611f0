import { HeadingLevel, Paragraph, Tab, TextRun } from 'docx';
import type { CodeAppendixItem, CodeAppendixView } from '../reports/index.js';

/** Twentieths of a point: 720 is half an inch, a paragraph number's hanging indent. */
const STEP = 720;

const fact = (label: string, value: string): Paragraph =>
  new Paragraph({
    children: [
      new TextRun({ text: `${label}:`, bold: true }),
      new TextRun({ children: [new Tab()] }),
      new TextRun(value),
    ],
    tabStops: [{ type: 'left', position: STEP * 3 }],
  });

/** "[New] [Local addition] " before an item's words, as the code's own Word download does. */
function markers(item: CodeAppendixItem, localLabel: string): TextRun[] {
  const words = [item.change, item.local ? localLabel : null].filter(Boolean);
  return words.map((w) => new TextRun({ text: `[${w}] `, italics: item.local, bold: true }));
}

function codeItem(item: CodeAppendixItem, localLabel: string): Paragraph {
  const italics = item.local;
  if (item.kind !== 'paragraph') {
    return new Paragraph({
      heading: HeadingLevel.HEADING_3,
      children: [
        new TextRun({ text: `${item.label}${item.kind === 'appendix' ? ':' : '.'} `, italics }),
        new TextRun({ text: item.heading ?? '', italics }),
        ...(item.change || item.local ? [new TextRun(' '), ...markers(item, localLabel)] : []),
      ],
    });
  }
  return new Paragraph({
    indent: { left: STEP * (item.depth + 1), hanging: STEP },
    spacing: { after: 120 },
    children: [
      new TextRun({ text: item.label, italics }),
      new TextRun({ children: [new Tab()], italics }),
      ...markers(item, localLabel),
      ...item.lines.map(
        (line, i) => new TextRun({ text: line, italics, ...(i > 0 ? { break: 1 } : {}) }),
      ),
    ],
  });
}

/**
 * A code version appended in full (a draft with no public page): a Heading 2 "Appendix A:
 * <title>", its facts and settings, what changed (for a comparison), the legend, then every
 * item numbered with local additions in italics and labelled in words.
 */
export function codeAppendixWord(letter: string, title: string, c: CodeAppendixView): Paragraph[] {
  return [
    new Paragraph({ text: `Appendix ${letter}: ${title}`, heading: HeadingLevel.HEADING_2 }),
    ...c.facts.map((f) => fact(f.label, f.value)),
    ...c.settings.map((f) => fact(f.label, f.value)),
    ...(c.changes
      ? [
          new Paragraph({ text: c.changes.summary }),
          ...(c.changes.removed.length > 0
            ? [new Paragraph({ text: `Removed: ${c.changes.removed.join(', ')}.` })]
            : []),
        ]
      : []),
    new Paragraph({ text: c.legend }),
    ...(c.items.length > 0
      ? c.items.map((item) => codeItem(item, c.localLabel))
      : [new Paragraph({ text: 'This version has no text yet.' })]),
  ];
}
