import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { AbstractPage } from './pages/index.js';
import { DirectoryCouncilsPage } from './pages/directory-councils-page.js';
import { DirectoryCouncillorsPage } from './pages/directory-councillors-page.js';
import { DirectoryCouncillorPage } from './pages/directory-councillor-page.js';
import {
  DirectoryCommitteePage,
  DirectoryCommitteesPage,
} from './pages/directory-committee-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { assertNoHorizontalScroll, checkCouncilBranding, pathOf } from './support/checks.js';
import { startServer, type TestServer } from './support/server.js';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

interface DirectoryPage {
  name: string;
  path: () => Promise<string>;
  verify: (page: Page) => Promise<AbstractPage>;
}

describe('public directory', { concurrency: 2 }, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const personId = async (email: string) =>
    (
      await server.db
        .selectFrom('people')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  const organisationId = async (name: string) =>
    (
      await server.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;

  const PAGES: DirectoryPage[] = [
    {
      name: 'councils',
      path: async () => DirectoryCouncilsPage.path,
      verify: (page) => DirectoryCouncilsPage.verifyOnPage(page),
    },
    {
      name: 'councillors',
      path: async () => DirectoryCouncillorsPage.path('demo-city'),
      verify: (page) => DirectoryCouncillorsPage.verifyOnPage(page),
    },
    {
      name: 'parish-councillors',
      path: async () => DirectoryCouncillorsPage.path('marstow'),
      verify: (page) => DirectoryCouncillorsPage.verifyOnPage(page),
    },
    {
      name: 'councillor',
      path: async () =>
        `/councils/demo-city/councillors/${await personId('whip@demo-city.example')}`,
      verify: (page) => DirectoryCouncillorPage.verifyOnPage(page, /\w+ \w+/),
    },
    {
      name: 'committees',
      path: async () => DirectoryCommitteesPage.path('demo-city'),
      verify: (page) => DirectoryCommitteesPage.verifyOnPage(page),
    },
    {
      name: 'committee',
      path: async () =>
        `/councils/demo-city/committees/${await organisationId('Audit and Standards Committee')}`,
      verify: (page) => DirectoryCommitteePage.verifyOnPage(page, 'Audit and Standards Committee'),
    },
  ];

  for (const { name, path, verify } of PAGES) {
    for (const [device, options] of [
      ['desktop', {}],
      ['phone', PHONE],
    ] as const) {
      test(`the ${name} page is accessible and fits a ${device} screen`, async () => {
        const context = await newContext(browser, server.baseURL, options);
        try {
          const page = await context.newPage();
          const scriptErrors = watchForScriptErrors(page);
          const response = await page.goto(await path());
          assert.equal(response?.status(), 200);
          const view = await verify(page);
          await checkCouncilBranding(view);
          await checkAccessibility(page, `${name} (${device})`);
          if (device === 'phone') await assertNoHorizontalScroll(page, 390);
          assert.deepEqual(scriptErrors, []);
          await saveScreenshot(page, `directory-${name}-${device}`);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('without JavaScript: from the councils to a filtered list, a profile and back', async () => {
    const context = await newContext(browser, server.baseURL, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const councils = await DirectoryCouncilsPage.open(page);
      await councils.follow('Demo City Council councillors');
      const list = await DirectoryCouncillorsPage.verifyOnPage(page);
      assert.equal(await list.caption.innerText(), '84 councillors');

      await list.filter({ group: 'Neighbourhood Voice' });
      const filtered = await DirectoryCouncillorsPage.verifyOnPage(page);
      assert.match(pathOf(page), /^\/councils\/demo-city\/councillors\?group=\d+&ward=$/);
      assert.equal(await filtered.caption.innerText(), '6 councillors in Neighbourhood Voice');
      const rows = await filtered.rows();
      assert.equal(rows.length, 6);
      assert.ok(rows.every((r) => r[2]?.startsWith('Neighbourhood Voice')));
      assert.match(await page.title(), /^Councillors of Demo City Council in Neighbourhood Voice/);

      const leader = rows.find((r) => r[2] === 'Neighbourhood Voice (group leader)');
      assert.ok(leader?.[0], 'the group leader is in the list');
      await filtered.openCouncillor(leader[0]);
      const profile = await DirectoryCouncillorPage.verifyOnPage(page, leader[0]);
      const roles = await profile.roleRows();
      assert.equal(roles['Political group'], 'Member of Neighbourhood Voice, and its group leader');
      assert.equal(roles.Ward, `Representative for ${leader[1]} ward`);

      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('link', { name: 'Councillors of Demo City Council' }).click(),
      ]);
      const again = await DirectoryCouncillorsPage.verifyOnPage(page);
      assert.equal(await again.caption.innerText(), '84 councillors');
      await saveScreenshot(page, 'directory-journey-without-javascript');
    } finally {
      await context.close();
    }
  });

  test('a committee marks its co-opted members and whether they may vote', async () => {
    const context = await newContext(browser, server.baseURL);
    try {
      const page = await context.newPage();
      await page.goto(DirectoryCommitteesPage.path('demo-city'));
      const committees = await DirectoryCommitteesPage.verifyOnPage(page);
      await committees.openCommittee('Audit and Standards Committee');
      const committee = await DirectoryCommitteePage.verifyOnPage(
        page,
        'Audit and Standards Committee',
      );
      const coOpted = (await committee.memberRows()).filter((r) => r[2] === 'Not a councillor');
      assert.deepEqual(coOpted.map((r) => r[1]).sort(), [
        'Member (co-opted, non-voting)',
        'Member (co-opted, voting)',
      ]);
    } finally {
      await context.close();
    }
  });
});
