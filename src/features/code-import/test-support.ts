import { multipartBody } from '../../testing/data.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { getForm } from '../../testing/app.js';

/**
 * Helpers for this feature's tests: a Word document built in the test with the `docx` package,
 * as a council would write one, and uploads sent as a browser sends them.
 */

export type DocxPart =
  | { title: string }
  | { heading: string; level?: 1 | 2 }
  | { text: string; italic?: boolean }
  | { runs: { text: string; italic?: boolean }[] }
  | { listItem: string; level?: 0 | 1 }
  | { table: string[][] };

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2 } as const;

export async function buildDocx(parts: readonly DocxPart[]): Promise<Buffer> {
  const children = parts.map((part) => {
    if ('title' in part) return new Paragraph({ text: part.title, heading: HeadingLevel.TITLE });
    if ('heading' in part)
      return new Paragraph({ text: part.heading, heading: HEADINGS[part.level ?? 1] });
    if ('text' in part)
      return new Paragraph({
        children: [new TextRun({ text: part.text, italics: part.italic ?? false })],
      });
    if ('runs' in part) {
      return new Paragraph({
        children: part.runs.map((r) => new TextRun({ text: r.text, italics: r.italic ?? false })),
      });
    }
    if ('listItem' in part) {
      return new Paragraph({
        text: part.listItem,
        numbering: { reference: 'code', level: part.level ?? 0 },
      });
    }
    return new Table({
      rows: part.table.map(
        (cells) =>
          new TableRow({
            children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })),
          }),
      ),
    });
  });
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'code',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            {
              level: 1,
              format: LevelFormat.LOWER_LETTER,
              text: '(%2)',
              alignment: AlignmentType.START,
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

export interface UploadedFile {
  name: string;
  content: Buffer | string;
  type?: string;
}

/** Upload a file through the import form: GET the page for its token and cookie, then POST. */
export async function uploadCodeFile(
  app: FastifyInstance,
  cookie: string,
  slug: string,
  file: UploadedFile | undefined,
  fields: Record<string, string> = {},
): Promise<{ response: LightMyRequestResponse; cookie: string }> {
  const form = await getForm(app, `/admin/code/${slug}/import`, cookie);
  const body = multipartBody({ _csrf: form.csrf, ...fields }, file);
  const response = await app.inject({
    method: 'POST',
    url: `/admin/code/${slug}/import`,
    headers: { cookie: form.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
  return { response, cookie: form.cookie };
}

export { multipartBody };
