import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ContentPage, SignInPage, StartPage, type AbstractPage } from './pages/index.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { checkCouncilBranding, COUNCIL_NAME } from './support/checks.js';
import { startServer, type TestServer } from './support/server.js';

const PUBLIC_PAGES: {
  path: string;
  status: number;
  verify: (page: Page) => Promise<AbstractPage>;
}[] = [
  { path: '/', status: 200, verify: (page) => StartPage.verifyOnPage(page, COUNCIL_NAME) },
  {
    path: '/accessibility',
    status: 200,
    verify: (page) => ContentPage.verifyOnPage(page, 'Accessibility statement for Probity'),
  },
  { path: '/cookies', status: 200, verify: (page) => ContentPage.verifyOnPage(page, 'Cookies') },
  { path: '/sign-in', status: 200, verify: (page) => SignInPage.verifyOnPage(page) },
  {
    path: '/no-such-page',
    status: 404,
    verify: (page) => ContentPage.verifyOnPage(page, 'Page not found'),
  },
];

// Each test has its own browser profile, so two run at a time.
describe('public pages', { concurrency: 2 }, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { path, status, verify } of PUBLIC_PAGES) {
    test(`${path} is accessible and branded for the council, not GOV.UK`, async () => {
      const context = await newContext(browser, server.baseURL);
      try {
        const page = await context.newPage();
        const scriptErrors = watchForScriptErrors(page);
        const response = await page.goto(path);
        assert.equal(response?.status(), status);
        const view = await verify(page);
        await checkCouncilBranding(view);
        // The inline script that marks the page as able to run GOV.UK Frontend ran (CSP nonce).
        assert.match(
          (await page.locator('body').getAttribute('class')) ?? '',
          /govuk-frontend-supported/,
        );
        await checkAccessibility(page);
        assert.deepEqual(scriptErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('without JavaScript the sign-in form still submits and shows the error summary', async () => {
    const context = await newContext(browser, server.baseURL, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const signIn = await SignInPage.open(page);
      assert.doesNotMatch((await page.locator('body').getAttribute('class')) ?? '', /js-enabled/);
      await signIn.signIn('', '');

      const again = await SignInPage.verifyOnPage(page);
      assert.match(await page.title(), /^Error: Sign in/);
      assert.deepEqual(await again.errorSummaryLinks(), [
        { text: 'Enter your email address', href: '#email' },
        { text: 'Enter your password', href: '#password' },
      ]);
      assert.match(await page.locator('#email-error').innerText(), /Enter your email address/);
      // The form is there to try again, with a fresh CSRF token.
      assert.equal(await again.email.count(), 1);
      assert.equal(await page.locator('input[name="_csrf"]').count(), 1);
      await saveScreenshot(page, 'sign-in-errors-without-javascript');
    } finally {
      await context.close();
    }
  });
});
