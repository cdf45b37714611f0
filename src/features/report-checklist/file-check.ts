import { readZipDirectory, startsLikeZip } from '../code-import/index.js';

/**
 * What an uploaded appendix is, judged by its bytes and never by its name: a PDF starts with
 * `%PDF-`; a Word document is a zip holding `word/document.xml`. Anything else is refused.
 */

export const MAX_APPENDIX_BYTES = 10 * 1024 * 1024;
/** A Word document's parts unpack to more than the file; a zip bomb unpacks to far more. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type AppendixFileCheck =
  | { ok: true; mediaType: typeof PDF_TYPE | typeof DOCX_TYPE; extension: 'pdf' | 'docx' }
  | { ok: false; message: string };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const ONLY = 'The selected file must be a PDF or a Word document (.docx)';

export function checkAppendixFile(bytes: Uint8Array): AppendixFileCheck {
  if (bytes.length === 0) return { ok: false, message: 'The selected file is empty' };
  if (bytes.length > MAX_APPENDIX_BYTES) {
    return { ok: false, message: 'The selected file must be smaller than 10 MB' };
  }
  if (PDF_MAGIC.every((b, i) => bytes[i] === b)) {
    return { ok: true, mediaType: PDF_TYPE, extension: 'pdf' };
  }
  if (startsLikeZip(bytes)) {
    const zip = readZipDirectory(bytes, MAX_UNPACKED_BYTES);
    if (!zip.ok) {
      return {
        ok: false,
        message:
          'The selected file is damaged or is not a Word document. Save it again as a .docx or a PDF',
      };
    }
    if (zip.names.includes('word/document.xml')) {
      return { ok: true, mediaType: DOCX_TYPE, extension: 'docx' };
    }
  }
  return { ok: false, message: `${ONLY}. Its content is neither, whatever its name says` };
}

/**
 * A name that is safe in a download header and on any disk: letters, digits, spaces, dots,
 * hyphens and underscores only, with the extension its content deserves.
 */
export function safeFileName(original: string, extension: 'pdf' | 'docx'): string {
  const base = original
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ._-]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[ .]+|[ .]+$/g, '')
    .slice(0, 100);
  return `${base || 'appendix'}.${extension}`;
}
