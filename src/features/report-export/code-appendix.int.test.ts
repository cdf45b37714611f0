import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { dataChanged } from '../../testing/data.js';
import {
  createAuthority,
  createCodeVersion,
  paragraph,
  sampleItems,
  section,
} from '../code-of-conduct/testing.js';
import { createCommittee, createReport } from '../public-meetings/testing.js';

/**
 * A report that appends a DRAFT version of the code (kind 'code-version') and a comparison of
 * the code in force with that draft (kind 'code-comparison'): the draft has no public page, so
 * the published open report carries its whole text, on the public page, both print pages and in
 * Word. The draft itself stays a 404 at /code/..., and an exempt or draft report stays a 404.
 */
let t: TestApp;
let openId = 0;
let exemptId = 0;
let draftReportId = 0;
let draftNumber = 0;
let inForceNumber = 0;

/**
 * The sample code with 1.2 reworded, the local 2.2 taken out and a local section 3 added
 * before its appendix.
 */
const DRAFT_ITEMS = [
  ...sampleItems().slice(0, 2),
  paragraph('You may challenge ideas robustly without attacking the person who holds them.'),
  ...sampleItems().slice(3, 7),
  section('Registering gifts locally', 'local'),
  paragraph('Register every gift or hospitality worth £25 or more within 14 days.', {
    local: true,
  }),
  paragraph('Say who offered it and roughly what it was worth.', { depth: 2, local: true }),
  ...sampleItems().slice(8),
];

before(async () => {
  t = await buildTestApp();
  const authorityId = await createAuthority(t.db, 'cx-city', { name: 'Cexley City Council' });
  const committee = await createCommittee(t.db, authorityId, 'Audit and Standards Committee');
  inForceNumber = (await createCodeVersion(t.db, { authorityId, status: 'in-force' })).number;
  const draft = await createCodeVersion(t.db, {
    authorityId,
    status: 'draft',
    title: 'Members’ Code of Conduct 2027',
    items: DRAFT_ITEMS,
    giftsThresholdPence: 2500,
    giftsRegistrationDays: 14,
  });
  draftNumber = draft.number;
  const inForce = await t.db
    .selectFrom('code_versions')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('number', '=', inForceNumber)
    .executeTakeFirstOrThrow();
  const parts = {
    authorityId,
    committeeId: committee,
    recommendations: ['Agree the revised code at Appendix A and recommend it to full Council.'],
  };
  const attach = async (reportId: number) => {
    await t.db
      .insertInto('report_appendices')
      .values([
        {
          report_id: reportId,
          position: 0,
          title: 'The proposed code',
          kind: 'code-version',
          code_version_id: draft.id,
        },
        {
          report_id: reportId,
          position: 1,
          title: 'What changes',
          kind: 'code-comparison',
          code_version_id: inForce.id,
          compare_version_id: draft.id,
        },
      ])
      .execute();
  };
  openId = (await createReport(t.db, { ...parts, title: 'A revised code of conduct' })).id;
  await attach(openId);
  exemptId = (
    await createReport(t.db, { ...parts, title: 'A confidential code', exemptParagraph: 1 })
  ).id;
  await attach(exemptId);
  draftReportId = (
    await createReport(t.db, { ...parts, title: 'A code not yet ready', status: 'draft' })
  ).id;
  await attach(draftReportId);
  await dataChanged(t.db);
});
after(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });

/** The HTML of one appended code (`appendix-A`), up to the next appendix or the end. */
function appendixHtml(html: string, letter: string): string {
  const start = html.indexOf(`<div class="probity-code-appendix" id="appendix-${letter}">`);
  assert.ok(start >= 0, `appendix ${letter} shown in full`);
  const rest = html.slice(start + 1);
  const end = rest.indexOf('<div class="probity-code-appendix"');
  return end < 0 ? rest : rest.slice(0, end);
}

/** Each numbered paragraph of an appended code as "number | text", markers in words. */
const paragraphsOf = (html: string): string[] =>
  [...html.matchAll(/<p class="govuk-body probity-code__para[^"]*"[^>]*>([\s\S]*?)<\/p>/g)].map(
    (m) =>
      m[1]!
        .replace(/<span class="probity-code__number">([^<]*)<\/span>/, '$1 |')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
  );

function assertDraftShown(html: string): void {
  assert.match(
    html,
    /Appendix A:\s*<a class="govuk-link" href="#appendix-A">The proposed code<\/a>/,
  );
  assert.doesNotMatch(html, /\(not yet published\)/);
  assert.match(html, /<h3[^>]*>Appendix A: The proposed code<\/h3>/);
  const a = appendixHtml(html, 'A');
  assert.match(a, /Status\s*<\/dt>\s*<dd[^>]*>\s*Draft: proposed to the committee/);
  assert.match(a, /Gifts and hospitality threshold\s*<\/dt>\s*<dd[^>]*>\s*£25: members register/);
  assert.match(a, /Time to register a gift or hospitality\s*<\/dt>\s*<dd[^>]*>\s*14 days/);
  const paras = paragraphsOf(a);
  assert.ok(paras.includes('1.1 | Treat other members, officers and the public with courtesy.'));
  assert.ok(paras.includes('2.1(b) | Local addition including offers you turned down'));
  assert.ok(
    paras.includes(
      '3.1 | Local addition Register every gift or hospitality worth £25 or more within 14 days.',
    ),
    paras.join('\n'),
  );
  assert.ok(
    paras.includes('3.1(a) | Local addition Say who offered it and roughly what it was worth.'),
  );
  assert.match(
    a,
    /<h4[^>]*id="appendix-A-section-3"[^>]*>[\s\S]*?Registering gifts locally[\s\S]*?Local addition/,
  );
  // no links to the draft's own pages, which do not exist for the public
  assert.doesNotMatch(html, new RegExp(`/code/cx-city/${draftNumber}\\b`));
}

test('the public report page shows the draft code in full, local additions marked in words', async () => {
  const response = await get(`/reports/${openId}`);
  assert.equal(response.statusCode, 200);
  assertDraftShown(response.body);
});

test('the comparison shows the proposed text with what is new and what changed', async () => {
  const html = (await get(`/reports/${openId}`)).body;
  const b = appendixHtml(html, 'B');
  assert.match(
    b,
    new RegExp(
      `Compared with version ${inForceNumber} \\(Members&#39; Code of Conduct ${inForceNumber}\\): 3 items new, 1 item changed, 1 item removed\\.`,
    ),
  );
  assert.match(b, /Removed: 2\.2\./);
  const paras = paragraphsOf(b);
  assert.ok(
    paras.includes(
      '1.2 | Changed You may challenge ideas robustly without attacking the person who holds them.',
    ),
  );
  assert.ok(
    paras.includes(
      '3.1 | New Local addition Register every gift or hospitality worth £25 or more within 14 days.',
    ),
    paras.join('\n'),
  );
  assert.ok(paras.includes('1.1 | Treat other members, officers and the public with courtesy.'));
  assert.match(b, /Gifts and hospitality threshold\s*<\/dt>\s*<dd[^>]*>\s*£25/);
});

test('the public and administrators’ print pages carry the draft code', async () => {
  const print = await get(`/reports/${openId}/print`);
  assert.equal(print.statusCode, 200);
  assertDraftShown(print.body);
  const admin = await t.signInAs(['democratic-services']);
  const council = await t.db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'cx-city')
    .executeTakeFirstOrThrow();
  await t.db
    .updateTable('people')
    .set({ authority_id: council.id })
    .where('id', '=', admin.personId)
    .execute();
  const adminPrint = await get(`/admin/reports/${draftReportId}/print`, admin.cookie);
  assert.equal(adminPrint.statusCode, 200);
  assertDraftShown(adminPrint.body);
  const adminWord = await get(`/admin/reports/${draftReportId}/word`, admin.cookie);
  assert.equal(adminWord.statusCode, 200);
  const { value } = await mammoth.extractRawText({ buffer: adminWord.rawPayload });
  assert.match(value, /Register every gift or hospitality worth £25 or more within 14 days\./);
});

test('the Word document has the draft code as an appendix, numbered and marked', async () => {
  const response = await get(`/reports/${openId}/word`);
  assert.equal(response.statusCode, 200);
  const { value: html } = await mammoth.convertToHtml({ buffer: response.rawPayload });
  assert.match(html, /<h2>Appendix A: The proposed code<\/h2>/);
  assert.match(html, /<h2>Appendix B: What changes<\/h2>/);
  const { value: text } = await mammoth.extractRawText({ buffer: response.rawPayload });
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  assert.ok(
    lines.includes(
      'Gifts and hospitality threshold:\t£25: members register any gift or hospitality worth this much or more',
    ),
  );
  assert.ok(lines.includes('Time to register a gift or hospitality:\t14 days from receiving it'));
  assert.ok(lines.includes('1.1\tTreat other members, officers and the public with courtesy.'));
  assert.ok(
    lines.includes(
      '3.1\t[Local addition] Register every gift or hospitality worth £25 or more within 14 days.',
    ),
    lines.join('\n'),
  );
  assert.ok(
    lines.includes(
      '3.1\t[New] [Local addition] Register every gift or hospitality worth £25 or more within 14 days.',
    ),
  );
  assert.ok(
    lines.some((l) => /^3\. Registering gifts locally\s+\[New\] \[Local addition\]/.test(l)),
    lines.join('\n'),
  );
});

test('the draft itself stays unpublished at /code, and only open published reports carry it', async () => {
  assert.equal((await get(`/code/cx-city/${draftNumber}`)).statusCode, 404);
  assert.equal((await get(`/code/cx-city/${draftNumber}/word`)).statusCode, 404);
  assert.equal(
    (await get(`/code/cx-city/compare?from=${inForceNumber}&to=${draftNumber}`)).statusCode,
    404,
  );
  for (const id of [exemptId, draftReportId]) {
    for (const suffix of ['', '/print', '/word']) {
      assert.equal((await get(`/reports/${id}${suffix}`)).statusCode, 404, `${id}${suffix}`);
    }
  }
});
