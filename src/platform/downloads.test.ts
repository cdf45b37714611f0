import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentDisposition } from './downloads.js';

test('a plain file name is sent as it is', () => {
  assert.equal(
    contentDisposition('demo-city-code-of-conduct-v2.docx'),
    'attachment; filename="demo-city-code-of-conduct-v2.docx"',
  );
  assert.equal(
    contentDisposition('committee-4.ics', 'inline'),
    'inline; filename="committee-4.ics"',
  );
});

test('accents, curly apostrophes and quotes get an ASCII fallback and the exact name in filename*', () => {
  assert.equal(
    contentDisposition('Zoë’s "notes".pdf'),
    `attachment; filename="Zoe_s _notes_.pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20%22notes%22.pdf`,
  );
});

test('a path or a line break cannot get into the header', () => {
  const header = contentDisposition('..\\..\\evil\r\nSet-Cookie: x.pdf');
  assert.doesNotMatch(header, /[\r\n]/);
  assert.match(header, /^attachment; filename="evil__Set-Cookie: x\.pdf"/);
});
