import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFile, extensionOf } from './file-check.js';
import { readZipDirectory } from './zip.js';

/** A zip of stored (uncompressed) entries, enough for reading its directory. */
function zip(entries: Record<string, string>, options: { claimUnpacked?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(options.claimUnpacked ?? data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORD = { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' };
const message = (name: string, bytes: Buffer | string) => {
  const result = checkFile(name, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
  return result.ok ? result.format : result.message;
};

test('a zip directory is read for its names and unpacked size', () => {
  assert.deepEqual(readZipDirectory(zip(WORD), 1000), {
    ok: true,
    names: ['[Content_Types].xml', 'word/document.xml'],
    unpackedBytes: 8 + 13,
  });
  assert.deepEqual(readZipDirectory(Buffer.from('not a zip'), 1000), {
    ok: false,
    problem: 'not-a-zip',
  });
  const whole = zip(WORD);
  for (const cut of [whole.length - 1, whole.length - 30, 40]) {
    assert.deepEqual(
      readZipDirectory(whole.subarray(0, cut), 1000),
      { ok: false, problem: 'damaged' },
      `cut at ${cut}`,
    );
  }
  assert.deepEqual(readZipDirectory(zip(WORD, { claimUnpacked: 600 }), 1000), {
    ok: false,
    problem: 'too-large',
  });
});

test('a Word document is recognised by its parts, whatever else a zip could be', () => {
  assert.equal(message('Code.DOCX', zip(WORD)), 'docx');
  assert.match(
    message('code.docx', zip({ '[Content_Types].xml': '', 'xl/workbook.xml': '' })),
    /^The selected file is an Excel workbook, not a Word document/,
  );
  assert.match(
    message('code.docx', zip({ '[Content_Types].xml': '', 'ppt/presentation.xml': '' })),
    /a PowerPoint presentation/,
  );
  assert.match(
    message(
      'code.docx',
      zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '' }),
    ),
    /an OpenDocument file/,
  );
  assert.match(
    message('code.docx', zip({ 'readme.txt': 'hello' })),
    /^The selected file is a zip file, not a Word document/,
  );
  assert.match(
    message('code.docx', zip(WORD, { claimUnpacked: 60_000_000 })),
    /too large to import once unpacked/,
  );
});

test('Markdown by name, refused when the bytes are something else', () => {
  assert.equal(message('code.md', '# Code'), 'markdown');
  assert.equal(message('code.markdown', '# Code'), 'markdown');
  assert.equal(message('code.TXT', '# Code'), 'markdown');
  assert.match(
    message('code.md', zip(WORD)),
    /a zipped file such as a Word document, not Markdown text/,
  );
  assert.match(message('code.md', '%PDF-1.4'), /a PDF document, not Markdown/);
});

test('the names of other files', () => {
  assert.equal(extensionOf('Code of Conduct.v2.DocX'), 'docx');
  assert.equal(extensionOf('README'), '');
  assert.match(
    message('README', '# Code'),
    /must be a Word document \(\.docx\) or a Markdown file/,
  );
  assert.match(message('code.odt', 'x'), /A \.odt file cannot be imported/);
  assert.match(message('code.doc', zip(WORD)), /an older Word document \(\.doc\)/);
  assert.equal(message('code.docx', Buffer.alloc(0)), 'The selected file is empty');
});
