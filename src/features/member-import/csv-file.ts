import { CsvError, parse } from 'csv-parse/sync';

/**
 * Reading an uploaded file as CSV: what it is (by its content, not its name), which encoding
 * it is in, which delimiter it uses, and its rows. Nothing here knows about councillors.
 */

/** Councils have a few thousand councillors at most: a bigger file is a mistake. */
export const MAX_ROWS = 10_000;

export type EncodingName = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16' | 'Windows-1252';

export interface CsvTable {
  encoding: EncodingName;
  delimiter: ',' | ';' | '\t';
  header: string[];
  /** data rows, blank ones left out; rowNumber counts the header as row 1, as a spreadsheet does */
  rows: { rowNumber: number; cells: string[] }[];
}

export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; message: string };

const SAVE_AS_CSV = 'Save it from your spreadsheet as "CSV UTF-8" and upload that instead.';

/** Files people pick by mistake, recognised by their first bytes. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook or another zipped file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an older Excel or Word file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'an image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'an image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'an image' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);

/**
 * Windows-1252 puts printable characters (the euro sign, curly quotes and apostrophes, dashes)
 * at 0x80-0x9F, where ISO-8859-1 has control codes. Some Node versions decode 'windows-1252'
 * as ISO-8859-1, so O’Brien's curly apostrophe would become a control code: put those
 * characters right. (Five bytes, such as 0x81, mean nothing in Windows-1252 and stay control
 * codes, which the caller refuses.)
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * Decode the file's bytes. UTF-8 (with or without a byte order mark) is tried first and must be
 * valid throughout; a file that is not valid UTF-8 is read as Windows-1252, the encoding older
 * Excel uses for "CSV (Comma delimited)", where "ë" is the single byte 0xEB.
 */
export function decodeText(
  bytes: Uint8Array,
): { ok: true; text: string; encoding: EncodingName } | { ok: false; message: string } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      const text = new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
      return { ok: true, text, encoding: 'UTF-16' };
    } catch {
      return { ok: false, message: `The selected file is not readable text. ${SAVE_AS_CSV}` };
    }
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      message: `The selected file is not a CSV file: it is not text. ${SAVE_AS_CSV}`,
    };
  }
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    // ignoreBOM: false means the decoder removes a leading BOM itself.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, encoding: hasBom ? 'UTF-8 with BOM' : 'UTF-8' };
  } catch {
    if (hasBom) {
      return {
        ok: false,
        message: `The selected file says it is UTF-8 but some of it is not. ${SAVE_AS_CSV}`,
      };
    }
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

/** Control characters never found in a spreadsheet's CSV (tab, CR and LF are fine). */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u; // eslint-disable-line no-control-regex -- finding them is the point

/** The delimiter the header line uses most, outside quotes: comma, semicolon or tab. */
export function detectDelimiter(text: string): CsvTable['delimiter'] | null {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const [best, count] = (Object.entries(counts) as [CsvTable['delimiter'], number][]).sort(
    (a, b) => b[1] - a[1],
  )[0] ?? [',', 0];
  return count > 0 ? best : null;
}

function parseProblem(error: CsvError): string {
  const line = typeof error.lines === 'number' ? ` near line ${error.lines}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `The file could not be read as CSV: a quotation mark${line} is never closed.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `The file could not be read as CSV: a quotation mark${line} is in the wrong place.`;
    default:
      return `The file could not be read as CSV${line}.`;
  }
}

/** Read an uploaded file as a CSV table, or say in plain words why it is not one. */
export function readCsv(bytes: Uint8Array): CsvReadResult {
  if (bytes.length === 0) return { ok: false, message: 'The selected file is empty' };
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) {
    return {
      ok: false,
      message: `The selected file is ${signature.what}, not a CSV file. ${SAVE_AS_CSV}`,
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, message: 'The selected file is empty' };
  if (CONTROL_CHARACTERS.test(text)) {
    return {
      ok: false,
      message: `The selected file is not a CSV file: it contains characters that are not text. ${SAVE_AS_CSV}`,
    };
  }
  const delimiter = detectDelimiter(text.trimStart());
  if (delimiter === null) {
    return {
      ok: false,
      message:
        'The selected file is not a CSV file: its first line has no column headings separated by commas',
    };
  }

  let records: string[][];
  try {
    records = parse(text.trimStart(), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, message: parseProblem(error) };
    throw error;
  }

  const [header = [], ...data] = records;
  const rows = data
    .map((cells, index) => ({ rowNumber: index + 2, cells }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) {
    return { ok: false, message: 'The selected file has column headings but no councillors' };
  }
  if (rows.length > MAX_ROWS) {
    return {
      ok: false,
      message: `The selected file has ${rows.length.toLocaleString('en-GB')} rows: split it into files of ${MAX_ROWS.toLocaleString('en-GB')} rows or fewer`,
    };
  }
  return { ok: true, table: { encoding: decoded.encoding, delimiter, header, rows } };
}
