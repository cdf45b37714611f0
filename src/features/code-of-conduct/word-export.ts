import { Document, HeadingLevel, Packer, Paragraph, Tab, TextRun } from 'docx';
import {
  LOCAL_ADDITION_LABEL,
  LOCAL_ADDITION_LEGEND,
  settingsText,
  statusText,
} from './code-text.js';
import type { CodeItem, CodeVersion } from './repository.js';

/** The media type of a Word document. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Twentieths of a point: 720 is half an inch, a paragraph number's hanging indent. */
const STEP = 720;

/**
 * A version of the code as a Word document, laid out as councils print theirs: the title, when
 * it applies, the legend, the settings, then every item with its number. Local additions are in
 * italics and, since italics alone are not read out, start with the words "[Local addition]".
 */
export async function buildWordDocument(
  version: CodeVersion,
  items: readonly CodeItem[],
): Promise<Buffer> {
  const doc = new Document({
    creator: 'Probity',
    title: version.title,
    description: `${version.authorityName} code of conduct, version ${version.number}`,
    sections: [
      {
        children: [
          new Paragraph({ text: version.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: `${version.authorityName}, version ${version.number}` }),
          new Paragraph({ text: statusText(version) }),
          new Paragraph({ text: LOCAL_ADDITION_LEGEND }),
          new Paragraph({
            text: 'What this code asks of members',
            heading: HeadingLevel.HEADING_1,
          }),
          ...settingsText(version).map(
            (row) =>
              new Paragraph({
                children: [
                  new TextRun({ text: `${row.label}: `, bold: true }),
                  new TextRun(row.value),
                ],
              }),
          ),
          ...items.map(itemParagraph),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function itemParagraph(item: CodeItem): Paragraph {
  const italics = item.origin === 'local';
  const marker = italics ? [new TextRun({ text: `[${LOCAL_ADDITION_LABEL}] `, italics })] : [];
  if (item.kind !== 'paragraph') {
    const label = item.kind === 'appendix' ? `Appendix ${item.number}:` : `${item.number}.`;
    return new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [
        new TextRun({ text: `${label} `, italics }),
        ...marker,
        new TextRun({ text: item.heading ?? '', italics }),
      ],
    });
  }
  const lines = (item.body ?? '').split(/\r?\n/).filter((line) => line.trim().length > 0);
  return new Paragraph({
    indent: { left: STEP * (item.depth + 1), hanging: STEP },
    spacing: { after: 120 },
    children: [
      new TextRun({ text: item.number, italics }),
      new TextRun({ children: [new Tab()], italics }),
      ...marker,
      ...lines.map(
        (line, i) => new TextRun({ text: line.trim(), italics, ...(i > 0 ? { break: 1 } : {}) }),
      ),
    ],
  });
}
