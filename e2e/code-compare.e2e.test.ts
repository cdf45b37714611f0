import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, SignInPage } from './pages/index.js';
import { CodeCompareChoosePage, CodeComparePage } from './pages/code-compare-page.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { pathOf } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import {
  insertAuthority,
  insertVersion,
  twoVersions,
} from '../src/features/code-compare/testing.js';

/**
 * Comparing two versions of a code: the public form and comparison, read without signing in,
 * and an administrator comparing a draft. A parish of the demo council of the test's own has
 * three versions (1 superseded, 2 in force, 3 a draft), with one change of each kind from 1
 * to 2 (see twoVersions). Every page passes axe.
 */
describe('comparing versions of a code of conduct', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptErrors: string[];
  let draftId: number;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const parent = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    const parish = await insertAuthority(
      server.db,
      'compare-parish',
      'Compare Parish Council',
      parent.id,
    );
    const { first, second } = twoVersions();
    await insertVersion(server.db, { authorityId: parish, status: 'superseded', items: first });
    const inForce = await insertVersion(server.db, {
      authorityId: parish,
      status: 'in-force',
      items: second,
    });
    const reworded = second.map((item) =>
      item.body?.startsWith('Attend the code')
        ? { ...item, body: 'Attend the code of conduct training the council provides each year.' }
        : item,
    );
    draftId = (
      await insertVersion(server.db, {
        authorityId: parish,
        status: 'draft',
        items: reworded,
        basedOn: inForce.id,
      })
    ).id;
    context = await newContext(browser, server.baseURL);
    page = await context.newPage();
    scriptErrors = watchForScriptErrors(page);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('the public form offers the published versions and shows the latest changes', async () => {
    await page.goto(CodeCompareChoosePage.publicPath('compare-parish'));
    const form = await CodeCompareChoosePage.verifyOnPage(page);
    const offered = await form.select('To (the later version)').locator('option').allInnerTexts();
    assert.deepEqual(offered, [
      'Version 2 (in force since 1 May 2022)',
      'Version 1 (in force from 1 May 2021 to 1 May 2022)',
    ]);
    await checkAccessibility(page, 'the form to pick two versions');
    await form.compare();

    const comparison = await CodeComparePage.verifyOnPage(page);
    assert.equal(pathOf(page), '/code/compare-parish/compare?from=1&to=2');
    const counts = await comparison.counts();
    assert.deepEqual(
      ['Added', 'Removed', 'Wording changed', 'Moved', 'Marking changed'].map((k) => counts[k]),
      ['2', '1', '1', '1', '1'],
    );
    assert.deepEqual(await comparison.changeHeadings(), [
      'Paragraph 1.2 in version 1',
      'Paragraph 2.2 in version 1 → becomes 1.3 in version 2',
      'Paragraph 3.1 in version 2',
      'Paragraph 3.2 in version 2',
      'Section 4 in version 2',
      'Paragraph 4.1 in version 2',
    ]);
    // The threshold: "£50" became "£10"; each change says so in words, not by style alone.
    assert.equal(await comparison.insertions.count(), 1);
    assert.equal(await comparison.deletions.count(), 1);
    assert.equal((await comparison.insertions.first().textContent())?.trim(), '[added: 10]');
    assert.equal((await comparison.deletions.first().textContent())?.trim(), '[removed: 50]');
    const hiddenMarker = comparison.insertions.first().locator('.govuk-visually-hidden').first();
    assert.equal(await hiddenMarker.isVisible(), true, 'in the page for screen readers');
    assert.equal(
      (await hiddenMarker.boundingBox())?.width ?? 0,
      1,
      'but one pixel wide: hidden from sight',
    );
    assert.equal(await CodeComparePage.textDecoration(comparison.insertions.first()), 'underline');
    assert.equal(
      await CodeComparePage.textDecoration(comparison.deletions.first()),
      'line-through',
    );
    await checkAccessibility(page, 'the comparison of two published versions');
    await saveScreenshot(page, 'code-compare');

    await clickAndLoad(page, comparison.showUnchangedLink);
    const everything = await CodeComparePage.verifyOnPage(page);
    assert.equal(await everything.changes.count(), 13);
    await checkAccessibility(page, 'the comparison with unchanged paragraphs');
    await clickAndLoad(page, everything.hideUnchangedLink);
    assert.equal(await (await CodeComparePage.verifyOnPage(page)).changes.count(), 6);
  });

  test('picking the same version twice is put right on the same form', async () => {
    await page.goto(CodeCompareChoosePage.publicPath('compare-parish'));
    const form = await CodeCompareChoosePage.verifyOnPage(page);
    await form.compare({
      'From (the earlier version)': 'Version 2 (in force since 1 May 2022)',
      'To (the later version)': 'Version 2 (in force since 1 May 2022)',
    });
    const again = await CodeCompareChoosePage.verifyOnPage(page);
    assert.deepEqual(await again.errorSummaryLinks(), [
      { text: 'Choose two different versions to compare', href: '#to' },
    ]);
    await checkAccessibility(page, 'the form with an error');
  });

  test('an administrator compares a draft with the version it was copied from', async () => {
    const account = demoAccount('monitoring-officer');
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await page.goto(CodeCompareChoosePage.adminPath(draftId));
    const form = await CodeCompareChoosePage.verifyOnPage(page);
    assert.equal(
      await form.select('Compare with').locator('option:checked').innerText(),
      'Version 2 (in force since 1 May 2022)',
    );
    await checkAccessibility(page, 'the administrators’ form');
    await form.compare();
    const comparison = await CodeComparePage.verifyOnPage(page);
    assert.equal((await comparison.counts())['Wording changed'], '1');
    assert.equal(
      (await comparison.insertions.first().textContent())?.replace(/\s+/g, ' '),
      '[added: each year]',
    );
    await checkAccessibility(page, 'the administrators’ comparison');
    assert.deepEqual(scriptErrors, []);
  });
});
