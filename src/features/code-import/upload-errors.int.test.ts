import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { buildDocx, uploadCodeFile, type UploadedFile } from './test-support.js';

/** Every way an upload can be refused: each with a clear message on the same page, never a 500. */

let t: TestApp;
let admin: { cookie: string; personId: number };

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['democratic-services']);
});
after(() => t.close());

/** Upload a file that must be refused: the error summary's messages. */
async function refused(file: UploadedFile | undefined, fields: Record<string, string> = {}) {
  const { response } = await uploadCodeFile(t.app, admin.cookie, 'test-council', file, fields);
  assert.equal(response.statusCode, 400, response.body.slice(0, 3000));
  assert.match(response.body, /There is a problem/);
  return [...response.body.matchAll(/<a href="#(\w+)">([^<]+)<\/a>/g)].map(
    (m) => `${m[1]}: ${m[2]}`,
  );
}

describe('files that cannot be imported get a clear message, never a 500', () => {
  test('no file, an empty file, and a file over 5 MB', async () => {
    assert.deepEqual(await refused(undefined), [
      'file: Select a Word (.docx) or Markdown file of the code',
    ]);
    assert.deepEqual(await refused({ name: 'code.docx', content: Buffer.alloc(0) }), [
      'file: The selected file is empty',
    ]);
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x61);
    assert.deepEqual(await refused({ name: 'code.md', content: big }), [
      'file: The selected file must be smaller than 5 MB',
    ]);
  });

  test('files named .docx that are not Word documents', async () => {
    const docx = await buildDocx([{ heading: 'Respect' }, { text: 'Be courteous.' }]);
    const notWord =
      'file: The selected file is not a Word document, although its name ends in .docx. Open it in Word and save it as a Word Document (.docx), then upload that.';
    assert.deepEqual(await refused({ name: 'code.docx', content: 'This is plain text.' }), [
      notWord,
    ]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    assert.deepEqual(await refused({ name: 'code.docx', content: png }), [
      'file: The selected file is an image, not a Word (.docx) document. Open it in Word and save it as a Word Document (.docx), then upload that.',
    ]);
    assert.deepEqual(
      await refused({ name: 'code.docx', content: docx.subarray(0, Math.floor(docx.length / 2)) }),
      [
        'file: The selected file is damaged or incomplete, so it cannot be opened as a Word document. Open it in Word and save it as a Word Document (.docx), then upload that.',
      ],
    );
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    assert.match(
      (await refused({ name: 'code.docx', content: ole }))[0]!,
      /an older Word document \(\.doc\) or a password-protected one/,
    );
  });

  test('a Word file whose zip is whole but whose contents are damaged', async () => {
    const docx = await buildDocx([{ heading: 'Respect' }, { text: 'Be courteous.' }]);
    // Flip bytes inside the compressed document part: the zip directory still reads as whole.
    const damaged = Buffer.from(docx);
    const at = damaged.indexOf('word/document.xml');
    for (let i = at + 60; i < at + 200 && i < damaged.length; i += 1) damaged[i] = 0x41;
    const messages = await refused({ name: 'code.docx', content: damaged });
    assert.equal(messages.length, 1);
    assert.match(
      messages[0]!,
      /^file: The selected file (could not be read as a Word document|is damaged or incomplete)/,
    );
  });

  test('old Word, other formats, and Markdown that is not UTF-8', async () => {
    assert.deepEqual(await refused({ name: 'Code.DOC', content: 'anything' }), [
      'file: The selected file is an older Word document (.doc), which cannot be imported. Open it in Word and save it as a Word Document (.docx), then upload that.',
    ]);
    assert.deepEqual(await refused({ name: 'code.pdf', content: '%PDF-1.7' }), [
      'file: A .pdf file cannot be imported. Open it in Word and save it as a Word Document (.docx), then upload that.',
    ]);
    assert.deepEqual(await refused({ name: 'code.html', content: '<p>x</p>' }), [
      'file: The selected file must be a Word document (.docx) or a Markdown file (.md, .markdown or .txt)',
    ]);
    const windows1252 = Buffer.from('# Code\n\n1.1 Caf\xe9 rules\n', 'latin1');
    assert.match(
      (await refused({ name: 'code.md', content: windows1252 }))[0]!,
      /^file: The selected file is not in UTF-8/,
    );
    assert.match(
      (await refused({ name: 'code.md', content: Buffer.from('\ufeff# Code', 'utf16le') }))[0]!,
      /in UTF-16, not UTF-8/,
    );
  });

  test('nothing is kept from a refused upload', async () => {
    await refused({ name: 'code.docx', content: 'plain text' });
    assert.equal((await t.db.selectFrom('code_imports').select('id').execute()).length, 0);
  });

  test('a title that is too long is refused with the title field named', async () => {
    const messages = await refused(
      { name: 'code.md', content: '# Code' },
      { title: 'x'.repeat(201) },
    );
    assert.deepEqual(messages, ['title: The title of the draft must be 200 characters or fewer']);
  });
});
