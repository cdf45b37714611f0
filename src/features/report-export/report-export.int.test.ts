import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { dataChanged } from '../../testing/data.js';
import { createAuthority, createCodeVersion } from '../code-of-conduct/testing.js';
import {
  addFileAppendix,
  createCommittee,
  createPersonNamed,
  createReport,
  paraItem,
  sectionItem,
} from '../public-meetings/testing.js';

/**
 * A report in the council's layout: the public page, the print page, the Word document read
 * back with mammoth (a different library from the one that wrote it), and the administrators'
 * exports of drafts.
 */
let t: TestApp;
/** the council the reports belong to */
let councilId = 0;
let openId = 0;
let draftId = 0;
let exemptId = 0;
let codeVersionId = 0;

/** The order in which the council's template has its headings. */
const HEADINGS = [
  'Summary',
  'Recommendations',
  'Background papers',
  'Category of report',
  'Statutory and council policy checklist',
  '1.0 INTRODUCTION',
  '2.0 MAIN BODY OF THE REPORT',
  'Appendices',
];

before(async () => {
  t = await buildTestApp();
  const authorityId = await createAuthority(t.db, 'rx-city', { name: 'Rexley City Council' });
  councilId = authorityId;
  const committee = await createCommittee(t.db, authorityId, 'Audit Committee');
  const finance = await createPersonNamed(t.db, authorityId, 'Dana', 'Pound');
  const legal = await createPersonNamed(t.db, authorityId, 'Lee', 'Counsel');
  const legal2 = await createPersonNamed(t.db, authorityId, 'Jo', 'Statute');
  const portfolio = await createPersonNamed(t.db, authorityId, 'Terry', 'Vale', 'member');
  const code = await createCodeVersion(t.db, { authorityId, status: 'in-force' });
  codeVersionId = code.id;
  const parts = {
    authorityId,
    committeeId: committee,
    recommendations: ['Agree the revised code.', 'Agree the training plan.'],
    items: [
      sectionItem('INTRODUCTION'),
      paraItem('The association has issued a new model code.'),
      sectionItem('MAIN BODY OF THE REPORT'),
      paraItem('Training for members'),
      paraItem('Each group will have its own session.', 2),
    ],
    authors: ['Pat Writer', 'Chris Editor'],
    portfolioMemberId: portfolio,
    implications: [
      {
        label: 'Financial implications',
        answer: 'no' as const,
        statement: 'Met from the existing training budget.',
        needsClearance: true,
        clearedBy: [{ officerId: finance, on: new Date('2026-03-02T10:00:00Z') }],
      },
      {
        label: 'Legal implications',
        answer: 'yes' as const,
        statement: 'The council must adopt a code under the Localism Act 2011.',
        needsClearance: true,
        clearedBy: [
          { officerId: legal, on: new Date('2026-03-01T10:00:00Z') },
          { officerId: legal2, on: new Date('2026-03-04T10:00:00Z') },
        ],
      },
      {
        label: 'Equality of opportunity implications',
        answer: 'no' as const,
        statement: 'None arising.',
        needsClearance: true,
      },
      { label: 'Property implications', answer: 'no' as const, statement: 'None.' },
    ],
  };
  const open = await createReport(t.db, { ...parts, title: 'Model code and member training' });
  openId = open.id;
  await t.db
    .insertInto('report_appendices')
    .values({
      report_id: openId,
      position: 0,
      title: 'The code in force',
      kind: 'code-version',
      code_version_id: codeVersionId,
    })
    .execute();
  draftId = (await createReport(t.db, { ...parts, title: 'Draft of next year', status: 'draft' }))
    .id;
  await addFileAppendix(t.db, draftId, 'Room rates', Buffer.from('%PDF-1.4 draft'));
  exemptId = (
    await createReport(t.db, { ...parts, title: 'Private staffing matter', exemptParagraph: 1 })
  ).id;
  await dataChanged(t.db);
});
after(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });

/** The text of each heading (h1-h3) and table caption of a page, in order. */
const headingsOf = (html: string): string[] =>
  [...html.matchAll(/<(h[23]|caption)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
    m[2]!.replace(/<[^>]+>/g, '').trim(),
  );

test('the public report follows the council’s layout, headings in the template’s order', async () => {
  const response = await get(`/reports/${openId}`);
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(html, /<h1[^>]*>Model code and member training<\/h1>/);
  assert.deepEqual(
    headingsOf(html).filter((h) => HEADINGS.includes(h)),
    HEADINGS,
  );
  for (const [label, value] of [
    ['Report of', 'Monitoring Officer'],
    ['Date', '25 March 2026'],
    ['Subject', 'Model code and member training'],
    ['Authors of report', 'Pat Writer, Chris Editor'],
    ['Relevant cabinet portfolio member', 'Terry Vale, Cabinet Member for Governance'],
    ['Reserved for approval by full Council', 'No'],
    ['Press release', 'Yes'],
    ['Areas affected', 'All wards'],
  ]) {
    assert.match(html, new RegExp(`${label}\\s*</dt>\\s*<dd[^>]*>\\s*${value}`), label);
  }
  assert.match(
    html,
    /<ol class="govuk-list govuk-list--number">\s*<li>Agree the revised code\.<\/li>\s*<li>Agree the training plan\.<\/li>/,
  );
  assert.match(html, /id="item-2-1"><span[^>]*>2\.1<\/span> Training for members/);
  assert.match(html, /id="item-2-1-1"><span[^>]*>2\.1\.1<\/span> Each group/);
  assert.match(html, /href="\/code\/rx-city\/1">The code in force<\/a>/);
  assert.match(html, new RegExp(`href="/reports/${openId}/print"`));
  assert.match(html, new RegExp(`href="/reports/${openId}/word"`));
});

test('the checklist is a table naming the officer of the latest clearance and its date', async () => {
  const html = (await get(`/reports/${openId}`)).body;
  const table = /<table[^>]*id="checklist"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  const rows = [...table.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) =>
    [...m[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.trim()),
  );
  assert.deepEqual(rows, [
    ['Implication', 'Yes or no', 'Statement', 'Cleared by'],
    [
      'Financial implications',
      'No',
      'Met from the existing training budget.',
      'Dana Pound, 2 March 2026',
    ],
    [
      'Legal implications',
      'Yes',
      'The council must adopt a code under the Localism Act 2011.',
      'Jo Statute, 4 March 2026',
    ],
    ['Equality of opportunity implications', 'No', 'None arising.', 'Not cleared'],
    ['Property implications', 'No', 'None.', 'Not needed'],
  ]);
});

test('the print page has the whole report and no service navigation', async () => {
  const response = await get(`/reports/${openId}/print`);
  assert.equal(response.statusCode, 200);
  assert.doesNotMatch(response.body, /govuk-service-navigation/);
  assert.deepEqual(
    headingsOf(response.body).filter((h) => HEADINGS.includes(h)),
    HEADINGS,
  );
  assert.match(response.body, /Jo Statute, 4 March 2026/);
});

test('the Word document read back with mammoth has the headings in order and the checklist as a table', async () => {
  const response = await get(`/reports/${openId}/word`);
  assert.equal(response.statusCode, 200);
  assert.equal(
    response.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  assert.equal(
    response.headers['content-disposition'],
    `attachment; filename="report-${openId}.docx"`,
  );
  const { value: html } = await mammoth.convertToHtml({ buffer: response.rawPayload });
  const headings = [...html.matchAll(/<h1>([\s\S]*?)<\/h1>/g)].map((m) => m[1]);
  assert.deepEqual(headings, HEADINGS);
  assert.match(html, /<table>/);
  const table = /<table>[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  const cells = [...table.matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, ''),
  );
  for (const cell of [
    'Implication',
    'Cleared by',
    'Financial implications',
    'Dana Pound, 2 March 2026',
    'Legal implications',
    'Jo Statute, 4 March 2026',
    'Not cleared',
  ]) {
    assert.ok(cells.includes(cell), `${cell} in ${table}`);
  }
  const { value: text } = await mammoth.extractRawText({ buffer: response.rawPayload });
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  assert.equal(lines[0], 'Audit Committee report');
  assert.ok(lines.includes('Report of:\tMonitoring Officer'));
  assert.ok(lines.includes('Subject:\tModel code and member training'));
  assert.ok(lines.includes('1.\tAgree the revised code.'));
  assert.ok(lines.includes('2.\tAgree the training plan.'));
  assert.ok(lines.includes('1.1\tThe association has issued a new model code.'));
  assert.ok(lines.includes('2.1.1\tEach group will have its own session.'));
  assert.ok(lines.includes('Appendix A: The code in force'));
});

test('administrators print and download drafts and exempt reports; nobody else can', async () => {
  const admin = await t.signInAs(['democratic-services'], { authorityId: councilId });
  const print = await get(`/admin/reports/${draftId}/print`, admin.cookie);
  assert.equal(print.statusCode, 200);
  assert.match(print.body, /Draft of next year/);
  assert.match(print.body, /Status: draft/);
  // A draft's file appendix links to the administrators' download, not to a public address.
  assert.match(print.body, new RegExp(`href="/admin/reports/${draftId}/appendices/\\d+/file"`));
  const word = await get(`/admin/reports/${exemptId}/word`, admin.cookie);
  assert.equal(word.statusCode, 200);
  const { value } = await mammoth.extractRawText({ buffer: word.rawPayload });
  assert.match(value, /Exempt: paragraph 1 of Schedule 12A/);
  assert.equal((await get(`/admin/reports/999999/word`, admin.cookie)).statusCode, 404);
  // Another council's administrators are told the report is not there.
  const elsewhere = await t.signInAs(['democratic-services']);
  assert.equal((await get(`/admin/reports/${draftId}/print`, elsewhere.cookie)).statusCode, 404);
  assert.equal((await get(`/admin/reports/${exemptId}/word`, elsewhere.cookie)).statusCode, 404);
  const officer = await t.signInAs(['officer']);
  assert.equal((await get(`/admin/reports/${draftId}/print`, officer.cookie)).statusCode, 403);
  assert.equal((await get(`/admin/reports/${draftId}/word`, officer.cookie)).statusCode, 403);
  const anonymous = await get(`/admin/reports/${draftId}/word`);
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/sign-in/);
});
