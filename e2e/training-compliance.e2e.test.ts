import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DashboardPage, SignInPage } from './pages/index.js';
import { GroupCompliancePage, TrainingCompliancePage } from './pages/training-compliance-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  watchForScriptErrors,
} from './support/browser.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

/**
 * Training compliance in the browser, on the demo council's programme: the Monitoring Officer
 * sees every group, in a chart and in the table beside it, and can choose another rule without
 * JavaScript; a whip sees only their own group. Every page passes axe.
 */
describe('training compliance', () => {
  let server: TestServer;
  let browser: Browser;
  let groups: string[];

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    groups = (
      await server.db
        .selectFrom('organisations as o')
        .innerJoin('authorities as a', 'a.id', 'o.authority_id')
        .select('o.name')
        .where('a.slug', '=', 'demo-city')
        .where('o.classification', '=', 'political-group')
        .execute()
    ).map((g) => g.name);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInAs(role: string, javaScript = true): Promise<Page> {
    const context = await newContext(browser, server.baseURL, { javaScriptEnabled: javaScript });
    const page = await context.newPage();
    const account = demoAccount(role);
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
    return page;
  }

  test('the Monitoring Officer sees every group, in the chart and the table beside it', async () => {
    const page = await signedInAs('monitoring-officer');
    const errors = watchForScriptErrors(page);
    const compliance = await TrainingCompliancePage.open(page);
    assert.ok(await compliance.chart.isVisible(), 'the chart is an image with a name');
    assert.deepEqual((await compliance.groupNames()).sort(), [...groups].sort());
    await checkAccessibility(page, 'training compliance');
    assert.deepEqual(errors, []);
  });

  test('another rule is chosen without JavaScript', async () => {
    // axe needs scripts, so this page is checked with them above.
    const page = await signedInAs('monitoring-officer', false);
    const compliance = await TrainingCompliancePage.open(page);
    await compliance.showRule('Planning training before sitting on the Planning Committee');
    assert.match(page.url(), /\?rule=\d+/);
    assert.match(await compliance.groups.locator('caption').innerText(), /^Planning training/);
  });

  test('a whip sees only their own group', async () => {
    const page = await signedInAs('group-whip');
    const compliance = await GroupCompliancePage.open(page);
    const shown = await compliance.groupNames();
    assert.equal(shown.length, 1);
    assert.ok(groups.includes(shown[0]!));
    await checkAccessibility(page, 'group training compliance');
  });

  test('the Monitoring Officer adds a rule after an error, and it shows on the dashboard', async () => {
    const page = await signedInAs('monitoring-officer');
    await page.goto('/admin/training/rules');
    await checkAccessibility(page, 'training rules');
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.waitForURL('**/admin/training/rules/new');
    await page.getByRole('button', { name: 'Save the rule' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /Enter a name for the rule/,
    );
    await checkAccessibility(page, 'a training rule with errors');
    await page.getByLabel('Name of the rule').fill('Licensing training before sitting');
    await page.getByLabel('Course topic').fill('licensing');
    await page.getByLabel('Before sitting on a committee').check();
    await page.locator('#committeeId').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Save the rule' }).click();
    await page.waitForURL('**/admin/training/rules');
    assert.match(await page.locator('#rules').innerText(), /Licensing training before sitting/);
    const compliance = await TrainingCompliancePage.open(page);
    assert.match(await compliance.rules.innerText(), /Licensing training before sitting/);
  });
});
