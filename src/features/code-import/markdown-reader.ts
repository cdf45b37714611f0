import { Lexer, type Token, type Tokens } from 'marked';
import { excerpt, flatten, type ReadDocument, type SourceBlock, type TextRun } from './blocks.js';

/**
 * Reading a Markdown file into blocks with marked's lexer: `#` headings, paragraphs, lists
 * (nested lists one level deeper), block quotes (read as their contents) and tables (a block
 * per row). Emphasis (`*...*`, `_..._`) is italic and strong emphasis bold, so a paragraph
 * wrapped in `*...*` is a local addition. Each block knows the line it starts on.
 */

export type DecodedText = { ok: true; text: string } | { ok: false; message: string };

const SAVE_AS_UTF8 =
  'Save it as UTF-8 text (in Notepad: Save as, Encoding: UTF-8) and upload it again';

/** Decode a Markdown file: UTF-8 only (a byte order mark is fine), never guessed. */
export function decodeMarkdown(bytes: Uint8Array): DecodedText {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16)
    return { ok: false, message: `The selected file is in UTF-16, not UTF-8. ${SAVE_AS_UTF8}` };
  if (bytes.includes(0)) return { ok: false, message: 'The selected file is not a text file' };
  try {
    // ignoreBOM: false means a leading byte order mark is taken off
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      message: `The selected file is not in UTF-8, so its letters could not be read reliably. ${SAVE_AS_UTF8}`,
    };
  }
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text runs of inline tokens, with emphasis as italic and strong emphasis as bold. */
function inlineRuns(
  tokens: readonly Token[] | undefined,
  marks: { italic: boolean; bold: boolean },
  out: TextRun[],
) {
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'em':
        inlineRuns(token.tokens, { ...marks, italic: true }, out);
        break;
      case 'strong':
        inlineRuns(token.tokens, { ...marks, bold: true }, out);
        break;
      case 'br':
        out.push({ text: ' ', ...marks });
        break;
      case 'html':
      case 'image':
        break;
      case 'codespan':
      case 'escape':
        out.push({ text: decodeEntities(token.text), ...marks });
        break;
      default:
        if ('tokens' in token && token.tokens && token.tokens.length > 0)
          inlineRuns(token.tokens, marks, out);
        else if ('text' in token && typeof token.text === 'string')
          out.push({ text: decodeEntities(token.text), ...marks });
    }
  }
}

const runsOf = (tokens: readonly Token[] | undefined): TextRun[] => {
  const runs: TextRun[] = [];
  inlineRuns(tokens, { italic: false, bold: false }, runs);
  return runs;
};

const lineBreaks = (text: string) => (text.match(/\n/g) ?? []).length;

export function readMarkdown(text: string): ReadDocument {
  const read: ReadDocument = { blocks: [], notes: [] };
  const add = (line: number, block: Omit<SourceBlock, 'source'>) => {
    if (flatten(block.runs).text !== '') read.blocks.push({ source: line, ...block });
  };
  const note = (line: number, what: string, message: string) =>
    read.notes.push({ source: line, text: excerpt(what.trim()), message });

  const listItems = (list: Tokens.List, line: number, level: number) => {
    let at = line;
    for (const item of list.items) {
      // The item's own text, then any lists inside it, one level deeper.
      const runs: TextRun[] = [];
      let inner = at;
      for (const token of item.tokens) {
        if (token.type === 'list') {
          if (runs.length > 0)
            add(at, {
              style: 'paragraph',
              level: null,
              runs: runs.splice(0),
              list: { level, ordered: list.ordered },
            });
          listItems(token as Tokens.List, inner, level + 1);
        } else if (token.type === 'text' || token.type === 'paragraph') {
          if (runs.length > 0) runs.push({ text: ' ', italic: false, bold: false });
          runs.push(
            ...runsOf(
              (token as Tokens.Text).tokens ?? [{ type: 'text', raw: token.raw, text: token.raw }],
            ),
          );
        }
        inner += lineBreaks(token.raw);
      }
      if (runs.length > 0)
        add(at, { style: 'paragraph', level: null, runs, list: { level, ordered: list.ordered } });
      at += lineBreaks(item.raw);
    }
  };

  const blocks = (tokens: readonly Token[], firstLine: number) => {
    let line = firstLine;
    for (const token of tokens) {
      switch (token.type) {
        case 'heading':
          add(line, {
            style: 'heading',
            level: (token as Tokens.Heading).depth,
            runs: runsOf(token.tokens),
            list: null,
          });
          break;
        case 'paragraph':
        case 'text':
          add(line, { style: 'paragraph', level: null, runs: runsOf(token.tokens), list: null });
          break;
        case 'code':
          add(line, {
            style: 'paragraph',
            level: null,
            runs: [{ text: (token as Tokens.Code).text, italic: false, bold: false }],
            list: null,
          });
          break;
        case 'list':
          listItems(token as Tokens.List, line, 0);
          break;
        case 'blockquote':
          blocks((token as Tokens.Blockquote).tokens, line);
          break;
        case 'table': {
          const table = token as Tokens.Table;
          note(
            line,
            table.header.map((c) => c.text).join(' – '),
            'A table: each of its rows was imported as one paragraph, with its cells separated by dashes',
          );
          [table.header, ...table.rows].forEach((row, i) => {
            const runs: TextRun[] = [];
            for (const cell of row) {
              if (runs.length > 0) runs.push({ text: ' – ', italic: false, bold: false });
              runs.push(...runsOf(cell.tokens));
            }
            // the header row, the delimiter row, then one line for each row
            add(line + (i === 0 ? 0 : i + 1), {
              style: 'paragraph',
              level: null,
              runs,
              list: null,
              tableRow: true,
            });
          });
          break;
        }
        case 'html':
          if (token.raw.trim() !== '') note(line, token.raw, 'HTML in the file was left out');
          break;
      }
      line += lineBreaks(token.raw);
    }
  };

  blocks(Lexer.lex(text.replace(/\r\n?/g, '\n'), { gfm: true }), 1);
  return read;
}
