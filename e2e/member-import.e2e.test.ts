import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DashboardPage, SignInPage } from './pages/index.js';
import { MemberImportPage, type UploadedFile } from './pages/member-import-page.js';
import { MemberImportPreviewPage } from './pages/member-import-preview-page.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { COUNCIL_NAME, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

/** Change cells of an exported file, as someone would in a spreadsheet, and save it as CSV. */
function edit(file: UploadedFile, change: (rows: string[][]) => void): UploadedFile {
  const rows: string[][] = parse(file.content, { bom: true });
  change(rows);
  return { name: 'edited.csv', content: Buffer.from(stringify(rows, { bom: true }), 'utf8') };
}

/**
 * Democratic Services downloads Demo City's councillors, edits the file, uploads it, sees what
 * would change (and, first, what is wrong with a bad file), confirms, and sees the banner.
 */
describe('importing councillors from a CSV file', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptErrors: string[];
  let exported: UploadedFile;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser, server.baseURL, { acceptDownloads: true });
    page = await context.newPage();
    scriptErrors = watchForScriptErrors(page);
    const account = demoAccount('democratic-services');
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('the import page passes axe and downloads a council as CSV', async () => {
    const importPage = await MemberImportPage.open(page);
    await checkAccessibility(page, 'the import and export page');
    exported = await importPage.download(COUNCIL_NAME);
    assert.match(exported.name, /^councillors-demo-city-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(exported.content.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'a BOM');
    const rows: string[][] = parse(exported.content, { bom: true });
    assert.equal(rows.length, 1 + 84);
    assert.deepEqual(rows[0]?.slice(1, 5), ['Given name', 'Family name', 'Email', 'Ward']);
  });

  test('a file with a problem is shown row by row with the problem, and cannot be imported', async () => {
    const importPage = await MemberImportPage.verifyOnPage(page);
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await importPage.upload(edit(exported, (rows) => (rows[1]![4] = 'Atlantis')));
    assert.equal((await response).status(), 400);
    const preview = await MemberImportPreviewPage.verifyOnPage(page);
    await waitForFocusOnErrorSummary(page);
    assert.deepEqual(await preview.errorSummaryLinks(), [
      { text: 'Row 2, Ward: Demo City Council has no ward called "Atlantis"', href: '#row-2' },
    ]);
    assert.match(await preview.result(2), /^Not imported Ward: Demo City Council has no ward/);
    assert.equal(await preview.importButton.count(), 0);
    await checkAccessibility(page, 'the preview with a problem');
    await saveScreenshot(page, 'member-import-problem');
  });

  test('an edited export shows each change; importing it ends with a banner', async () => {
    await MemberImportPage.open(page);
    const importPage = await MemberImportPage.verifyOnPage(page);
    let movedFrom = '';
    let renamed = '';
    const edited = edit(exported, (rows) => {
      const row = rows[1]!;
      movedFrom = row[5] ?? '';
      row[5] = movedFrom === 'Neighbourhood Voice' ? 'Forward Together' : 'Neighbourhood Voice';
      rows[2]![1] = 'Zoë';
      renamed = rows[2]![3] ?? '';
    });
    await importPage.upload(edited);

    const preview = await MemberImportPreviewPage.verifyOnPage(page);
    assert.deepEqual(await preview.summaryLines(), [
      '84 rows',
      '0 new councillors',
      '2 councillors to update',
      '82 rows with no change',
    ]);
    assert.match(await preview.result(2), new RegExp(`^Will update group ${movedFrom} → `));
    assert.match(await preview.result(3), /^Will update name .+ → Zoë /);
    assert.match(await preview.result(4), /^No change$/);
    assert.match(await page.locator('main').innerText(), /Read as UTF-8 \(with a byte order mark/);
    await checkAccessibility(page, 'the preview');
    await saveScreenshot(page, 'member-import-preview');

    await preview.confirm();
    const done = await MemberImportPage.verifyOnPage(page);
    assert.match(await done.successBanner.innerText(), /Councillors imported/);
    assert.match(
      await done.successBanner.innerText(),
      /0 new councillors added, 2 councillors updated/,
    );
    await checkAccessibility(page, 'the import page with its banner');
    const zoe = await server.db
      .selectFrom('people')
      .select('given_name')
      .where('email', '=', renamed)
      .executeTakeFirstOrThrow();
    assert.equal(zoe.given_name, 'Zoë');
    assert.deepEqual(scriptErrors, []);
  });
});
