import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { todayInEngland } from '../src/db/current.js';
import { clickAndLoad, SignInPage } from './pages/index.js';
import { CodeAdminPage } from './pages/code-admin-page.js';
import {
  CodeCouncilPage,
  CodeFormPage,
  CodeItemFormPage,
  CodeVersionPage,
} from './pages/code-admin-forms.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

const PARISH = 'Elderby-on-Wend Parish Council';
const SLUG = 'elderby-on-wend';
const today = todayInEngland();

/**
 * axe needs JavaScript in the page it checks, so a page seen without JavaScript is checked in a
 * second browser tab that has it: the tab is given exactly the HTML the no-JavaScript tab
 * received (its DOM, untouched by any script), at the same address so that the stylesheet and
 * fonts load, and axe runs there.
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
 * The Monitoring Officer's side of the code of conduct, in a browser. The list of councils is
 * checked with JavaScript on; the whole journey of a parish council's code (a blank draft, the
 * structured editor, settings, consultation, agreement, adoption and the annual review) is
 * done by Democratic Services with JavaScript switched off, as the editor must work without
 * it. Each test carries on from the one before; every page and every error passes axe.
 */
describe('the code of conduct for administrators', () => {
  let server: TestServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let page: Page;
  let checker: Page;
  let scriptErrors: string[];

  const check = (label: string) => checkAccessibilityWithoutJavaScript(page, checker, label);

  const signIn = async (role: string, options: { javaScriptEnabled: boolean }) => {
    const context = await newContext(browser, server.baseURL, options);
    contexts.push(context);
    const p = await context.newPage();
    const account = demoAccount(role);
    await (await SignInPage.open(p)).signIn(account.email, DEMO_PASSWORD);
    return p;
  };

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    contexts = [];
    await browser?.close();
    await server?.close();
  });

  test('the list shows every council, principal first, and opens one', async () => {
    const mo = await signIn('monitoring-officer', { javaScriptEnabled: true });
    scriptErrors = watchForScriptErrors(mo);
    const list = await CodeAdminPage.open(mo);
    const names = await list.councilNames();
    assert.equal(names[0], 'Demo City Council');
    assert.ok(names.includes(PARISH), names.join(', '));
    await checkAccessibility(mo, 'the list of codes');
    await saveScreenshot(mo, 'code-admin-list');
    await list.openCouncil('Demo City Council');
    await CodeCouncilPage.verifyOnPage(mo);
    await checkAccessibility(mo, 'a principal council’s code');
    assert.deepEqual(scriptErrors, []);
  });

  test('without JavaScript: a blank draft, after its title is given', async () => {
    page = await signIn('democratic-services', { javaScriptEnabled: false });
    checker = await signIn('democratic-services', { javaScriptEnabled: true });
    const council = await CodeCouncilPage.open(page, SLUG);
    assert.doesNotMatch((await page.locator('body').getAttribute('class')) ?? '', /js-enabled/);
    await check('a parish council’s code');
    await council.startBlankDraft('');
    assert.deepEqual(await council.errorSummaryLinks(), [
      { text: 'Enter a title for the draft', href: '#title' },
    ]);
    await check('the draft form with its error');
    await council.startBlankDraft('Elderby Members’ Code 2027');
    const version = await CodeVersionPage.verifyOnPage(page);
    assert.equal((await version.status.innerText()).trim(), 'Draft');
    await check('a blank draft');
  });

  test('without JavaScript: the editor inserts, moves, edits and removes, renumbering each time', async () => {
    await CodeVersionPage.verifyOnPage(page);
    await clickAndLoad(page, page.getByRole('button', { name: 'Insert an item at the start' }));
    let form = await CodeItemFormPage.verifyOnPage(page);
    await check('the insert form');
    await form.fill({ kind: 'Section heading', text: 'Respect' });
    await form.save();
    let version = await CodeVersionPage.verifyOnPage(page);
    await version.act('Insert after', 'section 1');
    form = await CodeItemFormPage.verifyOnPage(page);
    await form.fill({ text: 'Be courteous to everyone.' });
    await form.save();
    version = await CodeVersionPage.verifyOnPage(page);
    await version.act('Insert after', 'paragraph 1.1');
    form = await CodeItemFormPage.verifyOnPage(page);
    await form.fill({ kind: 'Paragraph', text: 'Answer residents within ten days.', local: true });
    await form.save();
    version = await CodeVersionPage.verifyOnPage(page);
    assert.deepEqual(await version.outline(), [
      '1 Respect',
      '1.1 Be courteous to everyone.',
      '1.2 Answer residents within ten days. [Local addition]',
    ]);
    await check('the editor with three items');
    await saveScreenshot(page, 'code-admin-editor');

    await version.act('Move up', 'paragraph 1.2');
    version = await CodeVersionPage.verifyOnPage(page);
    assert.deepEqual(await version.outline(), [
      '1 Respect',
      '1.1 Answer residents within ten days. [Local addition]',
      '1.2 Be courteous to everyone.',
    ]);

    // A sub-paragraph straight after a section cannot be numbered: refused, nothing changes.
    await version.act('Edit', 'paragraph 1.1');
    form = await CodeItemFormPage.verifyOnPage(page);
    await check('the edit form');
    await form.fill({ kind: 'Sub-paragraph' });
    await form.save();
    form = await CodeItemFormPage.verifyOnPage(page);
    const [problem] = await form.errorSummaryLinks();
    assert.match(problem?.text ?? '', /a sub-paragraph must follow a numbered paragraph/);
    await check('the edit form refusing a change');
    await form.fill({ kind: 'Paragraph', text: 'Answer residents within seven days.' });
    await form.save();
    version = await CodeVersionPage.verifyOnPage(page);
    assert.equal(
      (await version.outline())[1],
      '1.1 Answer residents within seven days. [Local addition]',
    );

    await version.act('Insert after', 'paragraph 1.2');
    form = await CodeItemFormPage.verifyOnPage(page);
    await form.fill({ text: 'A paragraph to remove.' });
    await form.save();
    version = await CodeVersionPage.verifyOnPage(page);
    await version.act('Remove', 'paragraph 1.3');
    const confirm = await CodeFormPage.verifyOnPage(page, 'Remove paragraph 1.3?');
    await check('the remove confirmation');
    await confirm.press('Yes, remove paragraph 1.3');
    version = await CodeVersionPage.verifyOnPage(page);
    assert.equal((await version.outline()).length, 3);

    await clickAndLoad(page, page.getByRole('link', { name: /^Preview version \d+/ }));
    await CodeFormPage.verifyOnPage(page, 'Elderby Members’ Code 2027');
    await check('the preview');
    await page.goBack();
  });

  test('without JavaScript: the settings refuse a bad threshold and save a good one', async () => {
    await CodeVersionPage.verifyOnPage(page);
    await clickAndLoad(
      page,
      page.getByRole('link', { name: /^Change the title, summary and settings/ }),
    );
    let form = await CodeFormPage.verifyOnPage(page, 'Title, summary and settings');
    await check('the settings form');
    await form.field('giftsThreshold').fill('-5');
    await form.press('Save the settings');
    form = await CodeFormPage.verifyOnPage(page, 'Title, summary and settings');
    assert.deepEqual(await form.errorSummaryLinks(), [
      { text: 'The threshold must be £0 or more', href: '#giftsThreshold' },
    ]);
    await check('the settings form with its error');
    await form.field('giftsThreshold').fill('25.00');
    await form.press('Save the settings');
    await CodeVersionPage.verifyOnPage(page);
    const threshold = page
      .locator('.govuk-summary-list__row')
      .filter({ hasText: 'Gifts and hospitality threshold' })
      .locator('dd');
    assert.equal((await threshold.innerText()).trim(), '£25');
  });

  test('without JavaScript: consultation, a comment, agreement and adoption bring it into force', async () => {
    let version = await CodeVersionPage.verifyOnPage(page);
    await version.step('Open a consultation');
    let form = await CodeFormPage.verifyOnPage(page, 'Open a consultation');
    await check('the consultation form');
    await form.date('closesDate', '2000-01-01');
    await form.press('Open a consultation');
    form = await CodeFormPage.verifyOnPage(page, 'Open a consultation');
    assert.deepEqual(await form.errorSummaryLinks(), [
      { text: 'The consultation must close on or after the day it opens', href: '#closesDate-day' },
    ]);
    await check('the consultation form with its error');
    await form.date('closesDate', '2099-12-31');
    await form.press('Open a consultation');
    version = await CodeVersionPage.verifyOnPage(page);
    assert.equal((await version.status.innerText()).trim(), 'Under consultation');

    await version.step('Record a consultation comment');
    form = await CodeFormPage.verifyOnPage(page, 'Record a consultation comment');
    await check('the comment form');
    await form.field('consultee').fill('Elderby Residents’ Association');
    await form.field('comment').fill('Seven days is too short in August.');
    await form.press('Record the comment');
    version = await CodeVersionPage.verifyOnPage(page);
    assert.match(await page.locator('#comments ~ table').innerText(), /Seven days is too short/);

    await version.step('Record agreement by committee');
    form = await CodeFormPage.verifyOnPage(page, 'Record agreement by committee');
    await check('the agreement form');
    await form.field('organisationId').selectOption({ label: PARISH });
    await form.field('agreedMinute').fill('EPC 12/27');
    await form.press('Record the agreement');
    version = await CodeVersionPage.verifyOnPage(page);
    assert.equal((await version.status.innerText()).trim(), 'Agreed by committee');
    assert.equal(await page.locator('#items tbody tr a').count(), 0, 'the text is fixed');

    await version.step('Record adoption by full Council');
    form = await CodeFormPage.verifyOnPage(page, 'Record adoption by full Council');
    await check('the adoption form');
    await form.field('adoptedMinute').fill('EPC 14/27');
    await form.date('inForceDate', today);
    await form.press('Record the adoption');
    version = await CodeVersionPage.verifyOnPage(page);
    assert.equal((await version.status.innerText()).trim(), 'In force');
    assert.match(await version.successBanner.innerText(), /is in force from/);
    await check('a version in force');
  });

  test('without JavaScript: the annual review starts a new draft, which can be withdrawn', async () => {
    const council = await CodeCouncilPage.open(page, SLUG);
    await council.recordReview(today, 'Start a new draft from the code in force', 'First review');
    let version = await CodeVersionPage.verifyOnPage(page);
    assert.equal((await version.status.innerText()).trim(), 'Draft');
    assert.equal((await version.outline()).length, 3, 'a copy of the code in force');
    await version.step('Withdraw this version');
    const form = await CodeFormPage.verifyOnPage(page, 'Withdraw this version');
    await check('the withdraw form');
    await form.field('reason').fill('The review found nothing to change after all.');
    await form.press('Withdraw the version');
    version = await CodeVersionPage.verifyOnPage(page);
    assert.equal((await version.status.innerText()).trim(), 'Withdrawn');
    const reviews = await (await CodeCouncilPage.open(page, SLUG)).reviewRows();
    assert.equal(reviews.length, 1);
    assert.match(reviews[0]?.join(' | ') ?? '', /New draft: version \d+ \| First review/);
    await check('a council with a review');
  });
});
