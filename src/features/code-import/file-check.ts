import { readZipDirectory, startsLikeZip } from './zip.js';

/**
 * Which kind of file was uploaded, judged by its name and its first bytes, and why it cannot be
 * imported when it cannot. Messages say what the file is and what to do instead.
 */

export type ImportFormat = 'docx' | 'markdown';
export type FileCheck = { ok: true; format: ImportFormat } | { ok: false; message: string };

/** No code of conduct comes near this once unpacked; a .docx that would is refused unread. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

const SAVE_AS_DOCX = 'Open it in Word and save it as a Word Document (.docx), then upload that.';
const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown', 'txt']);

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'an older Word document (.doc) or a password-protected one',
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'an image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'an image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'an image' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'a Rich Text (.rtf) document' },
];

function sniff(bytes: Uint8Array): string | null {
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  return found?.what ?? null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** What a zip holds, from the names of its parts. */
function zipKind(names: readonly string[]): 'word' | string {
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (has('word/') && names.includes('[Content_Types].xml')) return 'word';
  if (has('xl/')) return 'an Excel workbook';
  if (has('ppt/')) return 'a PowerPoint presentation';
  if (names.includes('mimetype') && has('content.xml')) return 'an OpenDocument file';
  return 'a zip file';
}

function checkDocx(bytes: Uint8Array): FileCheck {
  const what = sniff(bytes);
  if (what)
    return {
      ok: false,
      message: `The selected file is ${what}, not a Word (.docx) document. ${SAVE_AS_DOCX}`,
    };
  if (!startsLikeZip(bytes)) {
    return {
      ok: false,
      message: `The selected file is not a Word document, although its name ends in .docx. ${SAVE_AS_DOCX}`,
    };
  }
  const zip = readZipDirectory(bytes, MAX_UNPACKED_BYTES);
  if (!zip.ok && zip.problem === 'too-large') {
    return {
      ok: false,
      message:
        'The selected file is too large to import once unpacked: a code of conduct is far smaller',
    };
  }
  if (!zip.ok) {
    return {
      ok: false,
      message: `The selected file is damaged or incomplete, so it cannot be opened as a Word document. ${SAVE_AS_DOCX}`,
    };
  }
  const kind = zipKind(zip.names);
  if (kind !== 'word') {
    return {
      ok: false,
      message: `The selected file is ${kind}, not a Word document. ${SAVE_AS_DOCX}`,
    };
  }
  return { ok: true, format: 'docx' };
}

/** Decide how to read an upload, or say why it cannot be imported. */
export function checkFile(fileName: string, bytes: Uint8Array): FileCheck {
  if (bytes.length === 0) return { ok: false, message: 'The selected file is empty' };
  const extension = extensionOf(fileName);
  if (extension === 'doc') {
    return {
      ok: false,
      message: `The selected file is an older Word document (.doc), which cannot be imported. ${SAVE_AS_DOCX}`,
    };
  }
  if (extension === 'docx') return checkDocx(bytes);
  if (MARKDOWN_EXTENSIONS.has(extension)) {
    const what =
      sniff(bytes) ?? (startsLikeZip(bytes) ? 'a zipped file such as a Word document' : null);
    if (what) {
      return {
        ok: false,
        message: `The selected file is ${what}, not Markdown text. A Word document's name must end in .docx`,
      };
    }
    return { ok: true, format: 'markdown' };
  }
  if (['odt', 'rtf', 'pdf', 'pages', 'wpd'].includes(extension)) {
    return { ok: false, message: `A .${extension} file cannot be imported. ${SAVE_AS_DOCX}` };
  }
  return {
    ok: false,
    message:
      'The selected file must be a Word document (.docx) or a Markdown file (.md, .markdown or .txt)',
  };
}
