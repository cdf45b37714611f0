import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildDocx } from '../src/features/code-import/test-support.js';
import { DashboardPage, SignInPage } from './pages/index.js';
import { CodeImportPreviewPage } from './pages/code-import-preview-page.js';
import { CodeImportUploadPage } from './pages/code-import-upload-page.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { pathOf, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The Monitoring Officer imports Demo City's code from Word: first a file that is not a Word
 * document (and sees why), then a real one; checks the preview and creates the draft.
 */
describe('importing a code of conduct from Word', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptErrors: string[];
  let previewPath: string;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser, server.baseURL);
    page = await context.newPage();
    scriptErrors = watchForScriptErrors(page);
    const account = demoAccount('monitoring-officer');
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('the upload page passes axe', async () => {
    await CodeImportUploadPage.open(page, 'demo-city');
    assert.match(await page.locator('main').innerText(), /Demo City Council/);
    await checkAccessibility(page, 'the code import page');
  });

  test('an image named .docx is refused with an error summary that passes axe', async () => {
    const upload = await CodeImportUploadPage.verifyOnPage(page);
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await upload.upload({ name: 'code.docx', mimeType: DOCX, content: png });
    assert.equal((await response).status(), 400);
    const again = await CodeImportUploadPage.verifyOnPage(page);
    await waitForFocusOnErrorSummary(page);
    assert.deepEqual(await again.errorSummaryLinks(), [
      {
        text: 'The selected file is an image, not a Word (.docx) document. Open it in Word and save it as a Word Document (.docx), then upload that.',
        href: '#file',
      },
    ]);
    await checkAccessibility(page, 'the code import page with an error');
  });

  test('a Word document is shown as it will be numbered, with what was left out, before anything is saved', async () => {
    const upload = await CodeImportUploadPage.verifyOnPage(page);
    const content = await buildDocx([
      { title: 'Demo City Members’ Code' },
      { text: 'Agreed by the Audit and Standards Committee.' },
      { heading: '1. Respect' },
      { text: '1.1\tYou treat others with courtesy.' },
      { text: '1.2\tYou listen to other points of view.', italic: true },
      { heading: '2. Gifts and hospitality' },
      { text: '2.1\tYou register gifts worth £10 or more within 28 days.', italic: true },
      { text: '2.3\tYou register significant offers you refused.' },
      { heading: 'Appendix A: The seven principles' },
      {
        text: 'Selflessness, integrity, objectivity, accountability, openness, honesty and leadership.',
      },
    ]);
    const versionsBefore = await server.db.selectFrom('code_versions').select('id').execute();
    await upload.upload(
      { name: 'Demo City code.docx', mimeType: DOCX, content },
      'Imported from Word',
    );
    const preview = await CodeImportPreviewPage.verifyOnPage(page);
    previewPath = pathOf(page);
    assert.deepEqual(await preview.summaryLines(), [
      '2 sections',
      '5 paragraphs',
      '0 sub-paragraphs',
      '1 appendix',
      '2 local additions',
      '1 part left out',
    ]);
    assert.deepEqual(await preview.tableRows('left-out'), [
      [
        'Paragraph 2',
        'Agreed by the Audit and Standards Committee.',
        'Text before the first heading has no place in the code: give it a heading, or leave it out',
      ],
    ]);
    assert.deepEqual(await preview.tableRows('warnings'), [
      [
        'Paragraph 8',
        'You register significant offers you refused.',
        'Numbered 2.3 in the document, straight after 2.1: it will be 2.2',
      ],
    ]);
    const structure = await preview.tableRows('structure');
    assert.deepEqual(
      structure.map((cells) => cells.slice(0, 3)),
      [
        ['1', 'Section', 'Respect'],
        ['1.1', 'Paragraph', 'You treat others with courtesy.'],
        ['1.2', 'Paragraph', 'You listen to other points of view. Local addition'],
        ['2', 'Section', 'Gifts and hospitality'],
        ['2.1', 'Paragraph', 'You register gifts worth £10 or more within 28 days. Local addition'],
        ['2.2', 'Paragraph', 'You register significant offers you refused.'],
        ['A', 'Appendix', 'The seven principles'],
        [
          'A.1',
          'Paragraph',
          'Selflessness, integrity, objectivity, accountability, openness, honesty and leadership.',
        ],
      ],
    );
    assert.equal(
      (await server.db.selectFrom('code_versions').select('id').execute()).length,
      versionsBefore.length,
    );
    await checkAccessibility(page, 'the code import preview');
    await saveScreenshot(page, 'code-import-preview');
  });

  test('creating the draft saves it and goes to the new version; the import cannot be used again', async () => {
    const preview = await CodeImportPreviewPage.verifyOnPage(page);
    await preview.createDraft();
    const match = /^\/admin\/code\/versions\/(\d+)$/.exec(pathOf(page));
    assert.ok(match, `went to ${pathOf(page)}`);
    const version = await server.db
      .selectFrom('code_versions as v')
      .innerJoin('authorities as a', 'a.id', 'v.authority_id')
      .select(['a.slug', 'v.status', 'v.title'])
      .where('v.id', '=', Number(match[1]))
      .executeTakeFirstOrThrow();
    assert.deepEqual(version, { slug: 'demo-city', status: 'draft', title: 'Imported from Word' });

    await page.goto(previewPath);
    const used = await CodeImportPreviewPage.verifyOnPage(page);
    assert.equal(await used.createButton.count(), 0);
    assert.match(
      await page.locator('#import').innerText(),
      /already been used to create draft version \d+/,
    );
    await checkAccessibility(page, 'a used import');
    assert.deepEqual(scriptErrors, []);
  });
});
