import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SignInPage } from './pages/index.js';
import {
  AppendicesPage,
  HouseStylePage,
  ImplicationTypesPage,
  ReportImplicationsPage,
} from './pages/report-checklist-pages.js';
import { checkAccessibility, launchBrowser, newContext } from './support/browser.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/**
 * Democratic Services sets up Demo City's checklist and house style, answers a draft report's
 * checklist and gives it appendices; every page, and each error state, passes axe. The report
 * is made directly in the database, so this does not depend on the report pages.
 */
describe('the checklist, house style and appendices', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reportId: number;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const city = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    reportId = (
      await server.db
        .insertInto('reports')
        .values({ authority_id: city.id, title: 'Checklist journey report', status: 'draft' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    context = await newContext(browser, server.baseURL);
    page = await context.newPage();
    const account = demoAccount('democratic-services');
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('the checklist settings: defaults, an error, a new type, retire and restore', async () => {
    const types = await ImplicationTypesPage.open(page);
    const rows = await types.rows();
    assert.ok(rows.length >= 10, `at least the ten defaults: ${rows.length}`);
    assert.ok(
      rows.some(([label, clearance]) => /^Financial/.test(label ?? '') && clearance === 'Yes'),
    );
    await checkAccessibility(page, 'the checklist settings');
    await types.add('');
    assert.deepEqual(await types.errorSummaryLinks(), [
      { text: 'Enter a name for the implication', href: '#label' },
      { text: 'Select whether a named officer must clear it', href: '#needsClearance' },
    ]);
    await checkAccessibility(page, 'the checklist settings with errors');
    await types.add('Climate change implications', 'No');
    assert.match(await types.successBanner.innerText(), /Climate change implications/);
    await types.act('Retire Climate change implications');
    let last = (await types.rows()).find(([label]) => label === 'Climate change implications');
    assert.match(last?.[2] ?? '', /^Retired on/);
    await checkAccessibility(page, 'the checklist settings with a retired type');
    await types.act('Restore Climate change implications');
    last = (await types.rows()).find(([label]) => label === 'Climate change implications');
    assert.equal(last?.[2], 'In use');
  });

  test('a draft report’s checklist: a statement too long, then saved', async () => {
    const checklist = await ReportImplicationsPage.open(page, reportId);
    await checkAccessibility(page, 'a report’s checklist');
    await checklist.answer('Financial implications', 'No', 'x'.repeat(5001));
    await checklist.save();
    const links = await checklist.errorSummaryLinks();
    assert.match(links[0]?.text ?? '', /5,000 characters or fewer/);
    await checkAccessibility(page, 'a report’s checklist with an error');
    await checklist.answer('Financial implications', 'No', 'Met from the existing budget.');
    await checklist.answer(
      'Legal implications',
      'Yes',
      'The council must adopt a code: Localism Act 2011, s.27.',
    );
    await checklist.save();
    assert.equal(new URL(page.url()).pathname, `/admin/reports/${reportId}`);
    const saved = await server.db
      .selectFrom('report_implications')
      .select(['answer', 'statement'])
      .where('report_id', '=', reportId)
      .where('answer', 'is not', null)
      .execute();
    assert.equal(saved.length, 2);
  });

  test('house style words: an error, then a word added', async () => {
    const style = await HouseStylePage.open(page);
    await checkAccessibility(page, 'the house style words');
    await style.add('', '');
    assert.equal((await style.errorSummaryLinks()).length, 2);
    await checkAccessibility(page, 'the house style words with errors');
    await style.add('practise', 'As a noun, write practice.');
    assert.match(await page.locator('table').innerText(), /As a noun, write practice\./);
    await checkAccessibility(page, 'the house style words with one word');
  });

  test('appendices: a code version, a PDF, and an image refused', async () => {
    const version = await server.db
      .selectFrom('code_versions as v')
      .innerJoin('authorities as a', 'a.id', 'v.authority_id')
      .select(['v.number', 'v.title', 'v.status'])
      .where('a.slug', '=', 'demo-city')
      .orderBy('v.number')
      .executeTakeFirstOrThrow();
    const appendices = await AppendicesPage.open(page, reportId);
    await checkAccessibility(page, 'a report’s appendices, none yet');
    await appendices.appendVersion(
      'The code as it stands',
      `Version ${version.number}: ${version.title} (${version.status.replace(/-/g, ' ')})`,
    );
    await appendices.upload('Background paper', {
      name: 'background.pdf',
      mimeType: 'application/pdf',
      buffer: MINIMAL_PDF,
    });
    assert.deepEqual(
      (await appendices.rows()).map(([letter, title]) => [letter, title]),
      [
        ['A', 'The code as it stands'],
        ['B', 'Background paper'],
      ],
    );
    await checkAccessibility(page, 'a report’s appendices');
    await appendices.upload('A photo', {
      name: 'photo.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]),
    });
    const links = await appendices.errorSummaryLinks();
    assert.equal(links[0]?.href, '#file');
    await checkAccessibility(page, 'a report’s appendices with a refused file');
  });

  test('appendices: the draft development programme, shown in full on the report and in public', async () => {
    const appendices = await AppendicesPage.open(page, reportId);
    await appendices.appendProgramme('No programme chosen', /^Select a programme$/);
    const links = await appendices.errorSummaryLinks();
    assert.equal(links[0]?.href, '#programmeId');
    await checkAccessibility(page, 'a report’s appendices with no programme chosen');
    await appendices.appendProgramme(
      'Draft development programme',
      /^Member Development Training Programme 2027\/28 \(.*, draft\)$/,
    );
    const rows = await appendices.rows();
    assert.deepEqual(
      rows.map(([letter, title]) => [letter, title]),
      [
        ['A', 'The code as it stands'],
        ['B', 'Background paper'],
        ['C', 'Draft development programme'],
      ],
    );
    assert.equal(rows[2]?.[2], 'Development programme (draft), shown in full with the report');
    await page.goto(`/admin/reports/${reportId}`);
    const heading = page.getByRole('heading', { name: 'Appendix C: Draft development programme' });
    assert.equal(await heading.count(), 1);
    assert.ok(await page.getByRole('table', { name: /Courses and sessions/ }).isVisible());
    await checkAccessibility(page, 'a report with a programme appendix');

    await server.db
      .updateTable('reports')
      .set({ status: 'published', published_at: new Date() })
      .where('id', '=', reportId)
      .execute();
    const anonymous = await newContext(browser, server.baseURL);
    try {
      const visitor = await anonymous.newPage();
      await visitor.goto(`/reports/${reportId}`);
      assert.ok(await visitor.getByRole('table', { name: /Courses and sessions/ }).isVisible());
      await checkAccessibility(visitor, 'the public report with a programme appendix');
    } finally {
      await anonymous.close();
    }
  });
});
