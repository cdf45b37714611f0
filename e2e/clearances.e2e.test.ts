import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, SignInPage, verifyHeading } from './pages/index.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { pathOf } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import { insertReport } from '../src/features/clearances/test-support.js';

/**
 * Clearance of a report's legal implications: the Monitoring Officer asks the demo officer from
 * the checklist, the officer finds the request in /clearances, reads it and clears it, and the
 * checklist then says who cleared it. The report is written straight into the tables. Every
 * page passes axe.
 */
describe('clearing a report’s implications', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: BrowserContext;
  let officer: BrowserContext;
  let adminPage: Page;
  let officerPage: Page;
  let scriptErrors: { admin: string[]; officer: string[] };
  let reportId: number;
  let legalId: number;
  let officerId: number;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const authority = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    ({ reportId, legalId } = await insertReport(server.db, authority.id));
    officerId = (
      await server.db
        .selectFrom('people')
        .select('id')
        .where('email', '=', demoAccount('officer').email)
        .executeTakeFirstOrThrow()
    ).id;
    admin = await newContext(browser, server.baseURL);
    officer = await newContext(browser, server.baseURL);
    adminPage = await admin.newPage();
    officerPage = await officer.newPage();
    const adminErrors = watchForScriptErrors(adminPage);
    const officerErrors = watchForScriptErrors(officerPage);
    scriptErrors = { admin: adminErrors, officer: officerErrors };
    await (
      await SignInPage.open(adminPage)
    ).signIn(demoAccount('monitoring-officer').email, DEMO_PASSWORD);
    await (await SignInPage.open(officerPage)).signIn(demoAccount('officer').email, DEMO_PASSWORD);
  });

  after(async () => {
    await admin?.close().catch(() => undefined);
    await officer?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('the Monitoring Officer asks an officer to clear the legal implications', async () => {
    await adminPage.goto(`/admin/reports/${reportId}/checklist`);
    await verifyHeading(adminPage, 'Checklist and clearances');
    await checkAccessibility(adminPage, 'the checklist');
    // The legal implications' own form: the council may list other implications first.
    const legal = adminPage.getByRole('region', { name: 'Legal implications', exact: true });
    const ask = legal.getByRole('button', { name: 'Ask for clearance' });
    await clickAndLoad(adminPage, ask);
    assert.match(
      await adminPage.locator('.govuk-error-summary').innerText(),
      /Choose the officer to clear the legal implications/,
    );
    await checkAccessibility(adminPage, 'the checklist with an error');
    await adminPage.locator(`#officer-${legalId}`).selectOption(String(officerId));
    await clickAndLoad(
      adminPage,
      adminPage
        .getByRole('region', { name: 'Legal implications', exact: true })
        .getByRole('button', { name: 'Ask for clearance' }),
    );
    assert.equal(pathOf(adminPage), `/admin/reports/${reportId}/checklist`);
    assert.match(await adminPage.locator('body').innerText(), /Clearance requested/);
    assert.match(await adminPage.locator('body').innerText(), /Requested from .+ on /);
  });

  test('the officer finds the request, reads it and clears it', async () => {
    await officerPage.goto('/clearances');
    await verifyHeading(officerPage, 'Report clearances');
    await checkAccessibility(officerPage, 'the officer’s clearances');
    const link = officerPage.getByRole('link', { name: /^Training for members/ }).first();
    await clickAndLoad(officerPage, link);
    await verifyHeading(officerPage, 'Clear the legal implications');
    assert.match(await officerPage.locator('main').innerText(), /Localism Act 2011/);
    await checkAccessibility(officerPage, 'a clearance');
    await saveScreenshot(officerPage, 'clearance');
    await clickAndLoad(
      officerPage,
      officerPage.getByRole('button', { name: 'Return with a comment' }),
    );
    assert.match(
      await officerPage.locator('.govuk-error-summary').innerText(),
      /Say why you are returning it/,
    );
    await checkAccessibility(officerPage, 'a clearance with an error');
    await clickAndLoad(
      officerPage,
      officerPage.getByRole('button', { name: 'Clear', exact: true }),
    );
    assert.equal(pathOf(officerPage), '/clearances');
    assert.match(
      await officerPage.locator('body').innerText(),
      /You cleared the legal implications/,
    );

    await adminPage.goto(`/admin/reports/${reportId}/checklist`);
    assert.match(await adminPage.locator('main').innerText(), /Cleared by .+ on /);
    assert.deepEqual(scriptErrors, { admin: [], officer: [] });
  });
});
