import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { getForm } from '../../testing/app.js';
import { findAppendixFile } from './index.js';
import {
  checklistTestApp,
  createAuthority,
  createCodeVersion,
  createReport,
  minimalPdf,
  multipart,
  pngBytes,
  smallDocx,
} from './test-support.js';

let s: Awaited<ReturnType<typeof checklistTestApp>>;
let reportId: number;
let adopted: number;
let draft: number;
before(async () => {
  s = await checklistTestApp();
  reportId = await createReport(s.t.db, s.authorityId, 'Appendices report');
  adopted = await createCodeVersion(s.t.db, s.authorityId, 1, 'adopted');
  draft = await createCodeVersion(s.t.db, s.authorityId, 2, 'draft');
});
after(() => s.t.close());

const base = () => `/admin/reports/${reportId}/appendices`;
const appendices = () =>
  s.t.db
    .selectFrom('report_appendices')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();

async function upload(name: string, content: Buffer, title = 'Uploaded appendix', id = reportId) {
  const form = await getForm(s.t.app, `/admin/reports/${id}/appendices`, s.admin.cookie);
  const body = multipart({ _csrf: form.csrf, title }, { name, content });
  return s.t.app.inject({
    method: 'POST',
    url: `/admin/reports/${id}/appendices/file`,
    headers: { cookie: form.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

test('a code version and a comparison are appended, linked to public or admin pages', async () => {
  const one = await s.submit(base(), `${base()}/code-version`, {
    title: 'Revised code',
    versionId: String(draft),
  });
  assert.equal(one.statusCode, 303);
  const two = await s.submit(base(), `${base()}/comparison`, {
    title: 'What changes',
    fromVersionId: String(adopted),
    toVersionId: String(draft),
  });
  assert.equal(two.statusCode, 303);
  const three = await s.submit(base(), `${base()}/code-version`, {
    title: 'Current code',
    versionId: String(adopted),
  });
  assert.equal(three.statusCode, 303);
  const rows = await appendices();
  assert.deepEqual(
    rows.map((r) => [r.position, r.kind, r.title]),
    [
      [1, 'code-version', 'Revised code'],
      [2, 'code-comparison', 'What changes'],
      [3, 'code-version', 'Current code'],
    ],
  );
  const page = (await s.page(base())).body;
  assert.match(page, new RegExp(`href="/admin/code/versions/${draft}"`));
  assert.match(page, new RegExp(`href="/admin/code/versions/${adopted}/compare\\?with=${draft}"`));
  assert.match(page, /href="\/code\/test-council\/1"/);
});

test('a comparison needs two different versions of the report’s council; a title is required', async () => {
  const same = await s.submit(base(), `${base()}/comparison`, {
    title: 'Same',
    fromVersionId: String(draft),
    toVersionId: String(draft),
  });
  assert.equal(same.statusCode, 400);
  assert.match(same.body, /two different versions/);
  const elsewhere = await createAuthority(s.t.db, 'versions-elsewhere');
  const foreign = await createCodeVersion(s.t.db, elsewhere, 1, 'adopted');
  const other = await s.submit(base(), `${base()}/code-version`, {
    title: 'Foreign',
    versionId: String(foreign),
  });
  assert.equal(other.statusCode, 400);
  assert.match(other.body, /Select a version of the code of conduct/);
  const untitled = await s.submit(base(), `${base()}/code-version`, {
    title: '',
    versionId: String(draft),
  });
  assert.equal(untitled.statusCode, 400);
  assert.match(untitled.body, /href="#versionTitle"/);
});

test('a PDF and a Word document are stored with their digest; the download is an attachment', async () => {
  const pdf = minimalPdf();
  const response = await upload('Equality assessment — v2 <final>.pdf', pdf, 'Equality assessment');
  assert.equal(response.statusCode, 303);
  const docx = await smallDocx();
  assert.equal((await upload('notes.docx', docx, 'Notes')).statusCode, 303);
  const files = await s.t.db
    .selectFrom('report_files')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    files.map((f) => [f.file_name, f.media_type, f.size_bytes]),
    [
      ['Equality assessment v2 final.pdf', 'application/pdf', pdf.length],
      [
        'notes.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        docx.length,
      ],
    ],
  );
  assert.equal(files[0]?.sha256, createHash('sha256').update(pdf).digest('hex'));

  const appendix = (await appendices()).find((a) => a.title === 'Equality assessment')!;
  const download = await s.page(`${base()}/${appendix.id}/file`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.equal(
    download.headers['content-disposition'],
    'attachment; filename="Equality assessment v2 final.pdf"',
  );
  assert.equal(download.headers['x-content-type-options'], 'nosniff');
  assert.deepEqual(download.rawPayload, pdf);
  // a code appendix has no file
  const code = (await appendices()).find((a) => a.kind === 'code-version')!;
  assert.equal((await s.page(`${base()}/${code.id}/file`)).statusCode, 404);
  // the public may have it only once the report is published and open
  assert.equal(await findAppendixFile(s.t.db, reportId, appendix.id), undefined);
});

test('files are judged by content: a renamed image or text file and an 11 MB file are refused', async () => {
  const count = (await appendices()).length;
  const png = await upload('scan.pdf', pngBytes());
  assert.equal(png.statusCode, 400);
  assert.match(png.body, /must be a PDF or a Word document/);
  const text = await upload('letter.docx', Buffer.from('Dear members, this is plain text.'));
  assert.equal(text.statusCode, 400);
  assert.match(text.body, /must be a PDF or a Word document/);
  const big = await upload(
    'big.pdf',
    Buffer.concat([minimalPdf(), Buffer.alloc(11 * 1024 * 1024, 32)]),
  );
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /smaller than 10 MB/);
  const none = await upload('', Buffer.alloc(0));
  assert.equal(none.statusCode, 400);
  assert.equal((await appendices()).length, count);
});

test('a PDF just under 10 MB is accepted whole', async () => {
  const large = Buffer.concat([minimalPdf(), Buffer.alloc(9 * 1024 * 1024, 32)]);
  const response = await upload('large.pdf', large, 'Large paper');
  assert.equal(response.statusCode, 303);
  const stored = await s.t.db
    .selectFrom('report_files')
    .select(['size_bytes', 'sha256'])
    .where('file_name', '=', 'large.pdf')
    .executeTakeFirstOrThrow();
  assert.equal(stored.size_bytes, large.length);
  assert.equal(stored.sha256, createHash('sha256').update(large).digest('hex'));
  const appendix = (await appendices()).find((a) => a.title === 'Large paper')!;
  assert.equal((await s.submit(base(), `${base()}/${appendix.id}/remove`, {})).statusCode, 303);
});

test('appendices move and are removed (with their file), renumbered and audited', async () => {
  const [first, second] = await appendices();
  assert.equal(
    (await s.submit(base(), `${base()}/${second!.id}/move`, { direction: 'up' })).statusCode,
    303,
  );
  let rows = await appendices();
  assert.deepEqual([rows[0]?.id, rows[1]?.id], [second!.id, first!.id]);
  const file = rows.find((r) => r.kind === 'file')!;
  assert.equal((await s.submit(base(), `${base()}/${file.id}/remove`, {})).statusCode, 303);
  rows = await appendices();
  assert.deepEqual(
    rows.map((r) => r.position),
    rows.map((_, i) => i + 1),
  );
  const stored = await s.t.db
    .selectFrom('report_files')
    .select('id')
    .where('id', '=', file.file_id)
    .execute();
  assert.equal(stored.length, 0);
  const audit = await s.t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'report-appendix')
    .orderBy('id')
    .execute();
  assert.ok(audit.some((a) => a.action === 'moved'));
  assert.ok(audit.some((a) => a.action === 'removed'));
});

test('a published report’s appendices are shown but cannot change; its open files are public', async () => {
  const published = await createReport(s.t.db, s.authorityId, 'Published with a file');
  assert.equal(
    (await upload('paper.pdf', minimalPdf(), 'Background paper', published)).statusCode,
    303,
  );
  await s.t.db
    .updateTable('reports')
    .set({ status: 'published', published_at: new Date() })
    .where('id', '=', published)
    .execute();
  const page = await s.page(`/admin/reports/${published}/appendices`);
  assert.match(page.body, /no longer a draft/);
  assert.doesNotMatch(page.body, /Upload and append/);
  const [appendix] = await s.t.db
    .selectFrom('report_appendices')
    .selectAll()
    .where('report_id', '=', published)
    .execute();
  const refused = await s.submit(
    `/admin/reports/${reportId}/appendices`,
    `/admin/reports/${published}/appendices/${appendix!.id}/remove`,
    {},
  );
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /no longer a draft/);
  const file = await findAppendixFile(s.t.db, published, appendix!.id);
  assert.equal(file?.fileName, 'paper.pdf');
  await s.t.db
    .updateTable('reports')
    .set({ category: 'exempt', exempt_paragraph: 3 })
    .where('id', '=', published)
    .execute();
  assert.equal(await findAppendixFile(s.t.db, published, appendix!.id), undefined);
});
