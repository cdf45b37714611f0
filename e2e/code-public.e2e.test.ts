import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  CodeIndexPage,
  CodePrintPage,
  CodeVersionPage,
  CodeVersionsPage,
  StartPage,
  clickAndLoad,
  type AbstractPage,
} from './pages/index.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import {
  COUNCIL_NAME,
  assertNoHorizontalScroll,
  checkCouncilBranding,
  pathOf,
} from './support/checks.js';
import { startServer, type TestServer } from './support/server.js';
import {
  authorityIdOf,
  createAuthority,
  createCodeVersion,
  dataChanged,
  sampleItems,
} from '../src/features/code-of-conduct/testing.js';

/**
 * The public code of conduct in a browser. The demo council gets a parish of the test's own,
 * Wendmoor, with version 1 superseded, version 2 in force and version 3 a draft, so the test
 * does not depend on whatever code the demo council itself carries.
 */
const SLUG = 'wendmoor';
const COUNCIL = 'Wendmoor Parish Council';
const IN_FORCE = 'Wendmoor Code of Conduct 2024';
const OLD = 'Wendmoor Code of Conduct 2021';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

interface CodePage {
  name: string;
  path: string;
  verify: (page: Page) => Promise<AbstractPage>;
}

const PAGES: CodePage[] = [
  { name: 'codes', path: CodeIndexPage.path, verify: (page) => CodeIndexPage.verifyOnPage(page) },
  {
    name: 'code-in-force',
    path: CodeVersionPage.path(SLUG),
    verify: (page) => CodeVersionPage.verifyOnPage(page, IN_FORCE),
  },
  {
    name: 'only-local',
    path: `${CodeVersionPage.path(SLUG, 2)}?only=local`,
    verify: (page) => CodeVersionPage.verifyOnPage(page, `Local additions: ${IN_FORCE}`),
  },
  {
    name: 'superseded',
    path: CodeVersionPage.path(SLUG, 1),
    verify: (page) => CodeVersionPage.verifyOnPage(page, OLD),
  },
  {
    name: 'versions',
    path: CodeVersionsPage.path(SLUG),
    verify: (page) => CodeVersionsPage.verifyOnPage(page),
  },
  {
    name: 'print',
    path: CodePrintPage.path(SLUG, 2),
    verify: (page) => CodePrintPage.verifyOnPage(page, IN_FORCE),
  },
];

describe('public code of conduct', { concurrency: 2 }, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const parentId = await authorityIdOf(server.db, 'demo-city');
    const authorityId = await createAuthority(server.db, SLUG, { name: COUNCIL, parentId });
    await createCodeVersion(server.db, {
      authorityId,
      status: 'superseded',
      title: OLD,
      items: sampleItems('Old: '),
      inForceFrom: '2021-05-01',
      supersededOn: '2024-05-01',
    });
    await createCodeVersion(server.db, {
      authorityId,
      status: 'in-force',
      title: IN_FORCE,
      adoptedOn: '2024-04-10',
      inForceFrom: '2024-05-01',
      giftsThresholdPence: 1000,
    });
    await createCodeVersion(server.db, { authorityId, status: 'draft', title: 'Wendmoor draft' });
    await dataChanged(server.db);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { name, path, verify } of PAGES) {
    test(`the ${name} page is accessible and branded for the council`, async () => {
      const context = await newContext(browser, server.baseURL);
      try {
        const page = await context.newPage();
        const scriptErrors = watchForScriptErrors(page);
        const response = await page.goto(path);
        assert.equal(response?.status(), 200);
        const view = await verify(page);
        await checkCouncilBranding(view);
        await checkAccessibility(page, `${name} (${path})`);
        assert.deepEqual(scriptErrors, []);
        await saveScreenshot(page, `code-${name}`);
      } finally {
        await context.close();
      }
    });
  }

  test('the code in force fits a phone screen and passes axe there', async () => {
    const context = await newContext(browser, server.baseURL, PHONE);
    try {
      const page = await context.newPage();
      await CodeVersionPage.open(page, CodeVersionPage.path(SLUG), IN_FORCE);
      await checkAccessibility(page, 'the code in force on a phone');
      await assertNoHorizontalScroll(page, 390);
      await saveScreenshot(page, 'code-in-force-phone');
    } finally {
      await context.close();
    }
  });

  test('from the start page to the code, through the navigation', async () => {
    const context = await newContext(browser, server.baseURL);
    try {
      const page = await context.newPage();
      await page.goto('/');
      const start = await StartPage.verifyOnPage(page, COUNCIL_NAME);
      await clickAndLoad(page, start.navigation.getByRole('link', { name: 'Code of conduct' }));
      const index = await CodeIndexPage.verifyOnPage(page);
      assert.match(await index.text(), /Wendmoor Code of Conduct 2024 .*1 May 2024/);
      await index.openCode(IN_FORCE, COUNCIL);
      const code = await CodeVersionPage.verifyOnPage(page, IN_FORCE);
      assert.equal(pathOf(page), '/code/wendmoor');
      assert.match(await code.status.innerText(), /^In force since 1 May 2024\./);
      assert.equal(await code.banner.count(), 0);
      assert.equal(
        (await code.settings())['Gifts and hospitality threshold']?.startsWith('£10'),
        true,
      );
    } finally {
      await context.close();
    }
  });

  test('a paragraph address lands on the paragraph; the contents work from the keyboard', async () => {
    const context = await newContext(browser, server.baseURL);
    try {
      const page = await context.newPage();
      await page.goto(`${CodeVersionPage.path(SLUG, 2)}#para-a-1`);
      const code = await CodeVersionPage.verifyOnPage(page, IN_FORCE);
      assert.match(await code.item('para-a-1').innerText(), /^A\.1\s+Selflessness/);
      assert.ok(await code.inViewport('para-a-1'), 'scrolled to the paragraph');
      assert.equal(await page.locator(':target').getAttribute('id'), 'para-a-1');

      await page.goto(CodeVersionPage.path(SLUG));
      const whole = await CodeVersionPage.verifyOnPage(page, IN_FORCE);
      const contentsLink = whole.contents.getByRole('link', { name: '2. Gifts and hospitality' });
      await contentsLink.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#section-2$/);
      assert.ok(await whole.inViewport('section-2'), 'scrolled to section 2');
      assert.equal(await page.locator(':target').getAttribute('id'), 'section-2');
    } finally {
      await context.close();
    }
  });

  test('local additions are italic, labelled in words, and can be listed on their own', async () => {
    const context = await newContext(browser, server.baseURL);
    try {
      const page = await context.newPage();
      const code = await CodeVersionPage.open(page, CodeVersionPage.path(SLUG), IN_FORCE);
      assert.match(await code.legend.innerText(), /italics and labelled "Local addition"/);
      const local = code.item('para-2-2');
      assert.match(await local.innerText(), /^2\.2\s+Local addition\s+Tell the Monitoring Officer/);
      assert.equal(await code.fontStyle('[id="para-2-2"] .probity-code__text'), 'italic');
      assert.equal(await code.fontStyle('[id="para-1-1"] .probity-code__text'), 'normal');

      await code.follow('Show only the local additions (2)');
      const only = await CodeVersionPage.verifyOnPage(page, `Local additions: ${IN_FORCE}`);
      assert.equal(pathOf(page), '/code/wendmoor?only=local');
      assert.equal(await only.localItems.count(), 2);
      await only.follow('Paragraph 2.2 in the full code');
      const back = await CodeVersionPage.verifyOnPage(page, IN_FORCE);
      assert.equal(pathOf(page), '/code/wendmoor');
      assert.ok(page.url().endsWith('#para-2-2'));
      assert.ok(await back.inViewport('para-2-2'));
    } finally {
      await context.close();
    }
  });

  test('an old version says it is no longer in force and leads to the code in force', async () => {
    const context = await newContext(browser, server.baseURL);
    try {
      const page = await context.newPage();
      await page.goto(CodeVersionsPage.path(SLUG));
      const versions = await CodeVersionsPage.verifyOnPage(page);
      const rows = await versions.rows();
      assert.deepEqual(
        rows.map((r) => [r[0], r[5]]),
        [
          ['Version 2', 'In force'],
          ['Version 1', 'No longer in force'],
        ],
      );
      await clickAndLoad(page, versions.table.getByRole('link', { name: 'Version 1' }));
      const old = await CodeVersionPage.verifyOnPage(page, OLD);
      assert.match(await old.banner.innerText(), /This version is no longer in force/);
      assert.match(await old.banner.innerText(), /Was in force from 1 May 2021 until 1 May 2024/);
      await clickAndLoad(
        page,
        old.banner.getByRole('link', { name: /Read the code in force now/ }),
      );
      await CodeVersionPage.verifyOnPage(page, IN_FORCE);
      // A draft is not published.
      const draft = await page.goto(CodeVersionPage.path(SLUG, 3));
      assert.equal(draft?.status(), 404);
    } finally {
      await context.close();
    }
  });

  test('the print page has no service navigation and keeps the marking', async () => {
    const context = await newContext(browser, server.baseURL);
    try {
      const page = await context.newPage();
      await page.goto(CodePrintPage.path(SLUG, 2));
      const print = await CodePrintPage.verifyOnPage(page, IN_FORCE);
      assert.equal(await print.serviceNavigation.count(), 0);
      assert.match(await print.item('para-2-2').innerText(), /Local addition/);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.govuk-footer').isVisible(), false);
      assert.equal(await print.item('para-2-2').isVisible(), true);
    } finally {
      await context.close();
    }
  });
});
