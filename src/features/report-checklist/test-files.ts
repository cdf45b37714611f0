import { Document, Packer, Paragraph } from 'docx';

/** Files to upload in tests, made here rather than kept as fixtures. */

/** The smallest PDF a reader opens: one empty page. */
export function minimalPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n' +
      'trailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

export async function smallDocx(text = 'Appendix text'): Promise<Buffer> {
  const document = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return Packer.toBuffer(document);
}

/** The first bytes of a PNG image, and enough after them to look like one. */
export const pngBytes = (): Buffer =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(64, 1),
  ]);
