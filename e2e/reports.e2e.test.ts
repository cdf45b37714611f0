import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, SignInPage } from './pages/index.js';
import {
  ReportFormPage,
  ReportPage,
  ReportPartFormPage,
  ReportsPage,
} from './pages/reports-page.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

const SUBJECT = 'Members’ code of conduct and a training programme';

/**
 * axe needs JavaScript in the page it checks, so a page seen without JavaScript is checked in a
 * second tab that has it, given exactly the HTML the no-JavaScript tab received.
 */
async function checkAccessibilityWithoutJavaScript(
  noScript: Page,
  checker: Page,
  label: string,
): Promise<void> {
  const html = await noScript.content();
  const url = noScript.url().split('#')[0] ?? noScript.url();
  await checker.route(
    url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    { times: 1 },
  );
  await checker.goto(url);
  assert.equal(
    await checker.locator('h1').innerText(),
    await noScript.locator('h1').innerText(),
    'the checking tab shows the same page',
  );
  await checkAccessibility(checker, `${label} (as seen without JavaScript)`);
}

/**
 * Drafting a committee report in a browser: the list and the new-report form (with its errors
 * and the exempt paragraph revealed) with JavaScript on; then, with JavaScript off, the report
 * page, its recommendations and the body editor. Each test carries on from the one before;
 * every page passes axe.
 */
describe('drafting a committee report', () => {
  let server: TestServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let page: Page;
  let checker: Page;

  const signIn = async (role: string, options: { javaScriptEnabled: boolean }) => {
    const context = await newContext(browser, server.baseURL, options);
    contexts.push(context);
    const p = await context.newPage();
    const account = demoAccount(role);
    await (await SignInPage.open(p)).signIn(account.email, DEMO_PASSWORD);
    return p;
  };
  const check = (label: string) => checkAccessibilityWithoutJavaScript(page, checker, label);

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    contexts = [];
    await browser?.close();
    await server?.close();
  });

  test('the list and the new-report form, with its errors, the exempt paragraph and a draft', async () => {
    const mo = await signIn('monitoring-officer', { javaScriptEnabled: true });
    const scriptErrors = watchForScriptErrors(mo);
    const list = await ReportsPage.open(mo);
    await checkAccessibility(mo, 'the list of reports');
    await list.startReport();
    let form = await ReportFormPage.verifyOnPage(mo);
    await checkAccessibility(mo, 'the new-report form');
    await form.fill({ category: 'Exempt' });
    await form.save();
    form = await ReportFormPage.verifyOnPage(mo);
    const problems = (await form.errorSummaryLinks()).map((l) => l.href);
    assert.deepEqual(problems, ['#title', '#committeeId', '#exemptParagraph']);
    await checkAccessibility(mo, 'the new-report form with its errors');
    await saveScreenshot(mo, 'reports-new-errors');

    await form.fill({
      title: SUBJECT,
      committee: 'Audit and Standards Committee',
      reportOf: 'Monitoring Officer',
      date: '2027-03-25',
      authors: ['Sam Carter', 'Alex Brown'],
      summary: 'The committee is asked to agree the updated code and the training.',
      category: 'Open',
    });
    await form.save();
    const report = await ReportPage.verifyOnPage(mo, SUBJECT);
    assert.match(await report.successBanner.innerText(), /is a draft/);
    await checkAccessibility(mo, 'a new draft report');
    assert.deepEqual(scriptErrors, []);

    const drafts = await ReportsPage.open(mo, '?status=draft');
    assert.ok((await drafts.titles()).includes(SUBJECT));
    await drafts.filter({ status: 'Withdrawn' });
    assert.ok(!(await drafts.titles()).includes(SUBJECT));
    await checkAccessibility(mo, 'the list, filtered');
  });

  test('without JavaScript: recommendations and the body, numbered 1.0, 1.1, 3.2.1', async () => {
    page = await signIn('democratic-services', { javaScriptEnabled: false });
    checker = await signIn('democratic-services', { javaScriptEnabled: true });
    await ReportsPage.open(page);
    await clickAndLoad(page, page.getByRole('link', { name: SUBJECT }));
    let report = await ReportPage.verifyOnPage(page, SUBJECT);
    await check('the report page');

    for (const text of ['Agree the training programme.', 'Agree the updated code.']) {
      await clickAndLoad(page, page.getByRole('button', { name: 'Add a recommendation' }));
      const form = await ReportPartFormPage.verifyOnPage(page, 'Add a recommendation');
      await form.fill({ text });
      await form.press('Add the recommendation');
      report = await ReportPage.verifyOnPage(page, SUBJECT);
    }
    await report.act('Move up', 'recommendation 2');
    report = await ReportPage.verifyOnPage(page, SUBJECT);
    assert.deepEqual(await report.recommendationTexts(), [
      'Agree the updated code.',
      'Agree the training programme.',
    ]);

    const add = async (action: string, label: string | null, kind: string, text: string) => {
      if (label) await report.act(action, label);
      else
        await clickAndLoad(page, page.getByRole('button', { name: 'Insert an item at the start' }));
      const form = await ReportPartFormPage.verifyOnPage(page, /^Insert an item/);
      await form.fill({ kind, text });
      await form.press('Insert the item');
      report = await ReportPage.verifyOnPage(page, SUBJECT);
    };
    await add('Insert after', null, 'Section heading', 'Introduction');
    await add('Insert after', 'section 1.0', 'Paragraph', 'A new model code is out.');
    await add('Insert after', 'paragraph 1.1', 'Section heading', 'Main body of the report');
    await add('Insert after', 'section 2.0', 'Paragraph', 'Training for members');
    await add('Insert after', 'paragraph 2.1', 'Sub-paragraph', 'Sessions for each group.');
    await add('Insert after', 'sub-paragraph 2.1.1', 'Sub-paragraph', 'A session for everyone.');
    assert.deepEqual(await report.outline(), [
      '1.0 INTRODUCTION',
      '1.1 A new model code is out.',
      '2.0 MAIN BODY OF THE REPORT',
      '2.1 Training for members',
      '2.1.1 Sessions for each group.',
      '2.1.2 A session for everyone.',
    ]);
    await check('the body editor');
    await saveScreenshot(page, 'reports-body-editor');

    // A sub-paragraph moved above its paragraph cannot be numbered: refused on the report page.
    await report.act('Move up', 'sub-paragraph 2.1.1');
    report = await ReportPage.verifyOnPage(page, SUBJECT);
    assert.match(
      (await report.errorSummaryLinks())[0]?.text ?? '',
      /a sub-paragraph must follow a numbered paragraph/,
    );
    await check('the report page refusing a move');

    await report.act('Edit', 'paragraph 1.1');
    let form = await ReportPartFormPage.verifyOnPage(page, 'Edit paragraph 1.1');
    await form.fill({ text: '' });
    await form.press('Save the item');
    form = await ReportPartFormPage.verifyOnPage(page, 'Edit paragraph 1.1');
    await check('the edit form with an error');
    await form.fill({ text: 'The LGA has published a new model code.' });
    await form.press('Save the item');
    report = await ReportPage.verifyOnPage(page, SUBJECT);

    await report.act('Remove', 'sub-paragraph 2.1.2');
    const confirm = await ReportPartFormPage.verifyOnPage(page, 'Remove sub-paragraph 2.1.2?');
    await check('the remove confirmation');
    await confirm.press('Yes, remove sub-paragraph 2.1.2');
    report = await ReportPage.verifyOnPage(page, SUBJECT);
    assert.deepEqual(await report.outline(), [
      '1.0 INTRODUCTION',
      '1.1 The LGA has published a new model code.',
      '2.0 MAIN BODY OF THE REPORT',
      '2.1 Training for members',
      '2.1.1 Sessions for each group.',
    ]);
  });

  test('without JavaScript: the report is withdrawn and can no longer change', async () => {
    await ReportPage.verifyOnPage(page, SUBJECT);
    await clickAndLoad(page, page.getByRole('link', { name: 'Withdraw the report' }));
    const confirm = await ReportPartFormPage.verifyOnPage(page, 'Withdraw this report?');
    await check('the withdraw confirmation');
    await confirm.press('Yes, withdraw the report');
    const report = await ReportPage.verifyOnPage(page, SUBJECT);
    assert.match(
      await page.locator('#not-draft').innerText(),
      /only a draft report can be changed/,
    );
    assert.equal(await report.action('Edit', 'paragraph 1.1').count(), 0);
    await check('a withdrawn report');
  });
});
