import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAppendixFile, MAX_APPENDIX_BYTES, safeFileName } from './file-check.js';
import { minimalPdf, pngBytes, smallDocx } from './test-files.js';

test('a PDF and a Word document are known by their content', async () => {
  assert.deepEqual(checkAppendixFile(minimalPdf()), {
    ok: true,
    mediaType: 'application/pdf',
    extension: 'pdf',
  });
  const docx = checkAppendixFile(await smallDocx());
  assert.equal(docx.ok && docx.extension, 'docx');
});

test('an image, plain text, an empty file and a zip without a Word body are refused', async () => {
  for (const bytes of [pngBytes(), Buffer.from('just some text'), Buffer.alloc(0)]) {
    assert.equal(checkAppendixFile(bytes).ok, false);
  }
  const docx = await smallDocx();
  // the same zip with its Word body renamed is no longer a Word document
  const renamed = Buffer.from(
    docx.toString('latin1').replaceAll('word/document.xml', 'word/documenX.xml'),
    'latin1',
  );
  assert.equal(checkAppendixFile(renamed).ok, false);
  // a cut-short Word document is damaged
  assert.equal(checkAppendixFile(docx.subarray(0, docx.length - 30)).ok, false);
});

test('a file over 10 MB is refused even when it starts like a PDF', () => {
  const big = Buffer.concat([minimalPdf(), Buffer.alloc(MAX_APPENDIX_BYTES)]);
  const check = checkAppendixFile(big);
  assert.equal(check.ok, false);
  assert.match(!check.ok ? check.message : '', /10 MB/);
});

test('download names keep letters and digits and take the extension of the content', () => {
  assert.equal(
    safeFileName('Equality impact "assessment".pdf', 'pdf'),
    'Equality impact assessment.pdf',
  );
  assert.equal(safeFileName('../../etc/passwd', 'docx'), 'passwd.docx');
  assert.equal(safeFileName('report.pdf', 'docx'), 'report.docx');
  assert.equal(safeFileName('«»\r\n.pdf', 'pdf'), 'appendix.pdf');
});
