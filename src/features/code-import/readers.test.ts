import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatten, markedShare, type ReadDocument } from './blocks.js';
import { readDocx } from './docx-reader.js';
import { decodeMarkdown, readMarkdown } from './markdown-reader.js';
import { buildDocx } from './test-support.js';

/** Each block as "source style text", with (i) when wholly italic and [list level] when listed. */
const summary = (read: ReadDocument) =>
  read.blocks.map((b) => {
    const flat = flatten(b.runs);
    const style = b.style === 'heading' ? `h${b.level}` : b.style;
    const italic = markedShare(flat, flat.italic) === 1 ? ' (i)' : '';
    const list = b.list ? ` [${b.list.ordered ? 'ol' : 'ul'} ${b.list.level}]` : '';
    return `${b.source} ${style} ${flat.text}${italic}${list}`;
  });

test('Markdown: headings, paragraphs, emphasis, nested lists and quotes, each with its line', () => {
  const read = readMarkdown(
    [
      '# Code of Conduct', // 1
      '',
      '## 1. Respect', // 3
      '',
      '1.1 You treat people with *respect*.', // 5
      '',
      '*A local addition.*', // 7
      '',
      '_Another, with **bold** inside._', // 9
      '',
      '- first', // 11
      '- second', // 12
      '  1. nested', // 13
      '',
      '> quoted', // 15
      '',
      'Tom &amp; Jerry &#8211; \\*not emphasis\\*', // 17
    ].join('\r\n'),
  );
  assert.deepEqual(summary(read), [
    '1 h1 Code of Conduct',
    '3 h2 1. Respect',
    '5 paragraph 1.1 You treat people with respect.',
    '7 paragraph A local addition. (i)',
    '9 paragraph Another, with bold inside. (i)',
    '11 paragraph first [ul 0]',
    '12 paragraph second [ul 0]',
    '13 paragraph nested [ol 1]',
    '15 paragraph quoted',
    '17 paragraph Tom & Jerry – *not emphasis*',
  ]);
  assert.deepEqual(read.notes, []);
});

test('Markdown: a table is a block per row, with a note; HTML is left out with a note', () => {
  const read = readMarkdown(
    '# A\n\n| Interest | Detail |\n|---|---|\n| Land | *In the area* |\n\n<div>\nraw\n</div>\n',
  );
  assert.deepEqual(summary(read), [
    '1 h1 A',
    '3 paragraph Interest – Detail',
    '5 paragraph Land – In the area',
  ]);
  assert.deepEqual(
    read.notes.map((n) => [n.source, n.message]),
    [
      [
        3,
        'A table: each of its rows was imported as one paragraph, with its cells separated by dashes',
      ],
      [7, 'HTML in the file was left out'],
    ],
  );
});

test('Markdown files are UTF-8, with or without a byte order mark; nothing else is guessed', () => {
  assert.deepEqual(decodeMarkdown(Buffer.from('# Zoë', 'utf8')), { ok: true, text: '# Zoë' });
  assert.deepEqual(decodeMarkdown(Buffer.from('\ufeff# Zoë', 'utf8')), { ok: true, text: '# Zoë' });
  const latin1 = decodeMarkdown(Buffer.from('# Zo\xeb', 'latin1'));
  assert.equal(latin1.ok, false);
  assert.match(!latin1.ok ? latin1.message : '', /not in UTF-8/);
  assert.equal(decodeMarkdown(Buffer.from('\ufeff# Zoë', 'utf16le')).ok, false);
  assert.deepEqual(decodeMarkdown(Buffer.from([0x23, 0x00, 0x41])), {
    ok: false,
    message: 'The selected file is not a text file',
  });
});

test('Word: styles, list levels, italic runs, tabs and table rows, numbered by paragraph', async () => {
  const read = await readDocx(
    await buildDocx([
      { title: 'Code of Conduct' },
      { heading: '1. Respect' },
      { text: '1.1\tCourtesy.' },
      { text: '' },
      { runs: [{ text: '1.2\t' }, { text: 'Local.', italic: true }] },
      { listItem: 'numbered' },
      { listItem: 'lettered', level: 1 },
      { heading: 'Sub', level: 2 },
      { table: [['Land', 'In the area']] },
    ]),
  );
  assert.deepEqual(summary(read), [
    '1 title Code of Conduct',
    '2 h1 1. Respect',
    '3 paragraph 1.1 Courtesy.',
    '4 paragraph 1.2 Local.',
    '5 paragraph numbered [ol 0]',
    '6 paragraph lettered [ol 1]',
    '7 h2 Sub',
    '8 paragraph Land – In the area',
  ]);
  const local = read.blocks[3]!;
  assert.deepEqual(
    local.runs.map((r) => [r.text, r.italic]),
    [
      ['1.2\t', false],
      ['Local.', true],
    ],
  );
  assert.deepEqual(
    read.notes.map((n) => [n.source, n.text]),
    [[8, 'Land – In the area']],
  );
});

test('Word: a file that is not one makes mammoth throw, for the caller to explain', async () => {
  await assert.rejects(readDocx(Buffer.from('PK\u0003\u0004 not really a zip')));
});
