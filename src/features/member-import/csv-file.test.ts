import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv } from './csv-file.js';
import { matchColumns } from './columns.js';
import { parseDate, splitName, unguardCell } from './rows.js';
import { guardCell, membersCsv } from './export.js';

const header = 'Name,Email,Ward,Group,Election date,Term end,Authority\r\n';

test('UTF-8 with and without a byte order mark reads the same, and says which it was', () => {
  const text = `${header}Zoë Brontë,zoe@example.org,North,Red,2024-05-02,,testshire\r\n`;
  const plain = readCsv(Buffer.from(text, 'utf8'));
  const withBom = readCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  assert.ok(plain.ok && withBom.ok);
  assert.equal(plain.table.encoding, 'UTF-8');
  assert.equal(withBom.table.encoding, 'UTF-8 with BOM');
  assert.equal(withBom.table.header[0], 'Name', 'the BOM is not part of the first heading');
  assert.equal(plain.table.rows[0]?.cells[0], 'Zoë Brontë');
  assert.equal(withBom.table.rows[0]?.cells[0], 'Zoë Brontë');
});

test('a Windows-1252 file (ë as the single byte 0xEB) is detected and decoded, not garbled', () => {
  const bytes = Buffer.from(
    `${header}Zoë Brontë,zoe@example.org,North,Red,2024-05-02,,x\r\n`,
    'latin1',
  );
  assert.ok(bytes.includes(0xeb));
  const result = readCsv(bytes);
  assert.ok(result.ok);
  assert.equal(result.table.encoding, 'Windows-1252');
  assert.equal(result.table.rows[0]?.cells[0], 'Zoë Brontë');
  // Characters that differ from Latin-1: the euro sign and curly quotes.
  const curly = readCsv(Buffer.from([...Buffer.from(`${header}`), 0x93, 0x41, 0x94, 0x2c, 0x80]));
  assert.ok(curly.ok);
  assert.equal(curly.table.rows[0]?.cells.join('|'), '“A”|€');
  const apostrophe = readCsv(
    Buffer.from([...Buffer.from(`${header}O`), 0x92, ...Buffer.from('Brien,x')]),
  );
  assert.ok(apostrophe.ok);
  assert.equal(apostrophe.table.rows[0]?.cells[0], 'O’Brien');
});

test('UTF-16 (Excel\'s "Unicode text") is read too', () => {
  const text = `${header.replace(/,/g, '\t')}Zoë\tz@example.org\tN\tR\t2024-05-02\t\tx\r\n`;
  const result = readCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  assert.ok(result.ok);
  assert.equal(result.table.encoding, 'UTF-16');
  assert.equal(result.table.delimiter, '\t');
  assert.equal(result.table.rows[0]?.cells[0], 'Zoë');
});

test('files that are not CSV are refused by their content, whatever their name', () => {
  const refused = (bytes: Buffer) => {
    const result = readCsv(bytes);
    assert.ok(!result.ok, `accepted ${bytes.subarray(0, 8).toString('hex')}`);
    return result.message;
  };
  assert.match(refused(Buffer.from('%PDF-1.7\n...')), /is a PDF document, not a CSV file/);
  assert.match(refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])), /Excel workbook/);
  assert.match(refused(Buffer.from([0x41, 0x2c, 0x00, 0x42])), /not a CSV file: it is not text/);
  assert.match(
    refused(Buffer.from('just some words\nand more words\n')),
    /no column headings separated by commas/,
  );
  assert.match(refused(Buffer.from('a,b\u0007,c\n1,2,3\n')), /characters that are not text/);
  assert.match(refused(Buffer.alloc(0)), /is empty/);
  assert.match(refused(Buffer.from('\ufeff  \r\n')), /is empty/);
  assert.match(refused(Buffer.from(header)), /column headings but no councillors/);
  assert.match(
    refused(Buffer.from(`${header}"unclosed,x\n`)),
    /quotation mark near line 2 is never closed/,
  );
});

test('semicolons (as European Excel saves CSV) work, and blank rows keep the row numbers true', () => {
  const result = readCsv(Buffer.from('Name;Email\r\nA B;a@x.org\r\n;\r\nC D;c@x.org\r\n'));
  assert.ok(result.ok);
  assert.equal(result.table.delimiter, ';');
  assert.deepEqual(
    result.table.rows.map((r) => r.rowNumber),
    [2, 4],
  );
});

test('headings are matched without regard to case, spaces or punctuation, with aliases', () => {
  const match = matchColumns([
    'E-MAIL ADDRESS',
    'forename',
    'Surname',
    'ward_name',
    'Political Party',
    'Date Elected',
    'term ends on',
    'Council',
    'Telephone',
  ]);
  assert.ok(match.ok);
  assert.equal(match.columns.positions.email, 0);
  assert.equal(match.columns.positions.givenName, 1);
  assert.equal(match.columns.positions.group, 4);
  assert.equal(match.columns.labels.email, 'E-MAIL ADDRESS');
  assert.deepEqual(match.columns.ignored, ['Telephone']);
});

test('missing columns and unrecognised ones are both named', () => {
  const match = matchColumns(['Nom', 'Courriel', 'Ward', 'Group']);
  assert.ok(!match.ok);
  assert.deepEqual(match.missing, [
    'Name (or Given name and Family name)',
    'Email',
    'Election date',
    'Term end',
    'Authority',
  ]);
  assert.deepEqual(match.unrecognised, ['Nom', 'Courriel']);
  const half = matchColumns([
    'First name',
    'Email',
    'Ward',
    'Group',
    'Elected',
    'Term end',
    'Council',
  ]);
  assert.ok(!half.ok);
  assert.deepEqual(half.missing, ['Family name']);
});

test('dates: 2024-05-02 and 02/05/2024 (day first) are the same day; impossible dates are not dates', () => {
  assert.equal(parseDate('2024-05-02'), '2024-05-02');
  assert.equal(parseDate('02/05/2024'), '2024-05-02');
  assert.equal(parseDate('2/5/2024'), '2024-05-02');
  for (const bad of ['31/02/2024', '2024-13-01', '05/02/24', 'May 2024', '2024/05/02', '']) {
    assert.equal(parseDate(bad), null, bad);
  }
});

test('a single name loses a "Councillor" title and splits at the last space', () => {
  assert.deepEqual(splitName('Councillor Mary Ann Smith'), {
    givenName: 'Mary Ann',
    familyName: 'Smith',
  });
  assert.deepEqual(splitName('Cllr Zoë Brontë'), { givenName: 'Zoë', familyName: 'Brontë' });
  assert.equal(splitName('Cher'), null);
});

test('export guards cells a spreadsheet would run as formulas, and import takes the guard off', () => {
  for (const cell of ['=1+2', '+44 1234', '-5', '@SUM(A1)', '\tx', '\rx']) {
    assert.equal(guardCell(cell), `'${cell}`);
    assert.equal(unguardCell(guardCell(cell)), cell);
  }
  for (const cell of ['Smith', "O'Brien", '2024-05-02', '']) assert.equal(guardCell(cell), cell);
  assert.equal(unguardCell("'Tis"), "'Tis", 'an ordinary apostrophe stays');
  const csv = membersCsv([
    {
      externalId: '-12',
      givenName: '=HYPERLINK("http://evil.example","Click")',
      familyName: 'Smith',
      email: 'a@x.org',
      ward: 'North',
      group: null,
      electionDate: '2024-05-02',
      termEnd: null,
      authority: 'testshire',
    },
  ]);
  assert.ok(csv.startsWith('\ufeffExternal ID,Given name,'));
  assert.match(csv, /\r\n'-12,"'=HYPERLINK\(""http:\/\/evil.example"",""Click""\)",Smith,/);
});
