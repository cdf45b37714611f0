import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, SignInPage, verifyHeading } from './pages/index.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  watchForScriptErrors,
} from './support/browser.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import { insertReport } from '../src/features/clearances/test-support.js';

/**
 * The readiness check of a report written straight into the tables, with a placeholder and a
 * commonly confused word in its body: every problem is listed with a link to where it is put
 * right, and the page passes axe.
 */
describe('the readiness check of a committee report', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptErrors: string[];
  let reportId: number;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const authority = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    const report = await insertReport(server.db, authority.id);
    reportId = report.reportId;
    await server.db
      .updateTable('report_items')
      .set({ body: 'Members asked for training in (November/December 2020?) as good practise.' })
      .where('id', '=', report.itemIds[1]!)
      .execute();
    context = await newContext(browser, server.baseURL);
    page = await context.newPage();
    scriptErrors = watchForScriptErrors(page);
    await (
      await SignInPage.open(page)
    ).signIn(demoAccount('democratic-services').email, DEMO_PASSWORD);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('every problem is listed with a link to where it is put right', async () => {
    await page.goto(`/admin/reports/${reportId}/readiness`);
    await verifyHeading(page, 'Readiness check');
    const summary = page.locator('.govuk-error-summary');
    const text = await summary.innerText();
    assert.match(text, /things? to put right before this report can go on an agenda/);
    assert.match(text, /Paragraph 1\.1: fill in “\(November\/December 2020\?\)”/);
    assert.match(text, /“good practise”/);
    assert.match(text, /Legal implications: ask an officer to clear it/);
    const hrefs = await summary
      .locator('a')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    assert.ok(hrefs.includes(`/admin/reports/${reportId}#para-1-1`));
    await checkAccessibility(page, 'the readiness check with problems');

    await clickAndLoad(page, page.getByRole('link', { name: 'the checklist and clearances' }));
    await verifyHeading(page, 'Checklist and clearances');
    await checkAccessibility(page, 'the checklist');
    assert.deepEqual(scriptErrors, []);
  });
});
