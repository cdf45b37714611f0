import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { buildTestApp, type TestApp, readUntilCached } from '../../testing/app.js';
import { createAuthority, createCodeVersion, sampleItems } from './testing.js';

let t: TestApp;

before(async () => {
  t = await buildTestApp();
  const authorityId = await createAuthority(t.db, 'demo-word', { name: 'Demo Word Council' });
  await createCodeVersion(t.db, {
    authorityId,
    status: 'superseded',
    title: 'First Code',
    inForceFrom: '2021-05-01',
    supersededOn: '2024-04-01',
  });
  await createCodeVersion(t.db, {
    authorityId,
    status: 'in-force',
    title: 'Second Code',
    items: sampleItems(),
    adoptedOn: '2024-03-01',
    adoptedMinute: 'FC 7/24',
    inForceFrom: '2024-04-01',
    giftsThresholdPence: 1000,
  });
  await createCodeVersion(t.db, { authorityId, status: 'draft', title: 'Third Code' });
});
after(() => t.close());

/** Each `<p>` or heading mammoth made, as HTML. */
const blocks = (html: string): string[] =>
  [...html.matchAll(/<(p|h\d)>[\s\S]*?<\/\1>/g)].map((m) => m[0]);

test('a version downloads as a Word document named after the council and version', async () => {
  const response = await t.app.inject({ url: '/code/demo-word/2/word' });
  assert.equal(response.statusCode, 200);
  assert.equal(
    response.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  assert.equal(
    response.headers['content-disposition'],
    'attachment; filename="demo-word-code-of-conduct-v2.docx"',
  );
  const buffer = response.rawPayload;
  const { value: text } = await mammoth.extractRawText({ buffer });
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  assert.equal(lines[0], 'Second Code');
  assert.equal(lines[1], 'Demo Word Council, version 2');
  assert.equal(lines[2], 'In force since 1 April 2024. Adopted on 1 March 2024 (minute FC 7/24).');
  assert.match(lines[3] ?? '', /printed in italics and labelled "Local addition"/);
  assert.ok(
    lines.includes(
      'Gifts and hospitality threshold: £10: members register any gift or hospitality worth this much or more',
    ),
  );
  // Numbered paragraphs: the number, a tab, the text.
  assert.ok(lines.includes('1.1\tTreat other members, officers and the public with courtesy.'));
  assert.ok(lines.includes('2.1(a)\toffered because you are a member'));
  assert.ok(
    lines.includes(
      '2.2\t[Local addition] Tell the Monitoring Officer about any gift from a contractor.',
    ),
  );
  assert.ok(lines.includes('A.1\tSelflessness: act only in the public interest.'));
});

test('visitors share one Word document, made again only when the data changes', async () => {
  // (Not the app's first request: until the data-change listener is connected, any version
  // seen may be followed by a new one.)
  const first = await t.app.inject({ url: '/code/demo-word/2/word' });
  const again = await readUntilCached(() => t.app.inject({ url: '/code/demo-word/2/word' }));
  assert.equal(again.statusCode, 200);
  assert.ok(again.rawPayload.equals(first.rawPayload));
  assert.equal(again.headers['content-disposition'], first.headers['content-disposition']);
  assert.equal(again.headers['cache-control'], 'no-cache');
});

test('in the Word document sections are headings, local additions italic and model text not', async () => {
  const response = await t.app.inject({ url: '/code/demo-word/2/word' });
  const { value: html } = await mammoth.convertToHtml({ buffer: response.rawPayload });
  const all = blocks(html);
  assert.ok(all.includes('<h1>1. Respect</h1>'), html);
  assert.ok(all.includes('<h1>Appendix A: The seven principles</h1>'), html);
  const local = all.filter((b) =>
    /Tell the Monitoring Officer|including offers you turned down/.test(b),
  );
  assert.equal(local.length, 2);
  for (const block of local) {
    // Everything in the paragraph is in <em>: strip the <em>s and nothing but tags is left outside.
    assert.match(block, /<em>/, block);
    assert.equal(
      block
        .replace(/<em>[\s\S]*?<\/em>/g, '')
        .replace(/<\/?p>/g, '')
        .trim(),
      '',
      block,
    );
    assert.match(block, /\[Local addition\]/);
  }
  const model = all.filter((b) =>
    /Treat other members|offered because|Selflessness|Register any gift/.test(b),
  );
  assert.equal(model.length, 4);
  for (const block of model) assert.doesNotMatch(block, /<em>/, block);
});

test('a superseded version can be downloaded; a draft cannot', async () => {
  const old = await t.app.inject({ url: '/code/demo-word/1/word' });
  assert.equal(old.statusCode, 200);
  const { value } = await mammoth.extractRawText({ buffer: old.rawPayload });
  assert.match(value, /Was in force from 1 May 2021 until 1 April 2024\./);
  assert.equal((await t.app.inject({ url: '/code/demo-word/3/word' })).statusCode, 404);
});
