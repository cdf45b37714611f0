import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoAccounts, type DemoAccount } from '../src/seed/demo.js';
import {
  AccountPage,
  clickAndLoad,
  ContentPage,
  DashboardPage,
  PAGES_BY_PATH,
  SignInPage,
  StartPage,
} from './pages/index.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import {
  assertNoHorizontalScroll,
  checkCouncilBranding,
  COUNCIL_NAME,
  pathOf,
} from './support/checks.js';
import { DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

interface Expected {
  /** the dashboard's section headings, in order: nothing more, nothing less */
  sections: string[];
  /** where the service navigation links, in order */
  navigation: string[];
  /** further checks of what this role, and only this role, is shown */
  check?: (dashboard: DashboardPage, account: DemoAccount) => Promise<void>;
}

const ADMIN_NAVIGATION = [
  '/dashboard',
  '/admin/people',
  '/admin/organisations',
  '/admin/code',
  '/admin/reports',
  '/admin/meetings',
  '/admin/programmes',
  '/admin/outbox',
];
/** the administration links on an administrator's dashboard */
const ADMIN_LINKS = [
  '/admin/people',
  '/admin/organisations',
  '/admin/import/members',
  '/admin/code',
  '/sign-offs',
  '/admin/outbox',
];

/**
 * The code of conduct on an administrator's dashboard: each council's sign-offs with a link to
 * its list when a code is in force, or a line saying none is.
 */
async function checkCouncilSignOffs(dashboard: DashboardPage): Promise<void> {
  const section = dashboard.section('Administration');
  const table = section.locator('table', { hasText: 'Sign-offs of the code of conduct in force' });
  if ((await table.count()) === 0) {
    assert.match(await section.innerText(), /No council has a code of conduct in force yet/);
    return;
  }
  const city = table.locator('tbody tr', { hasText: COUNCIL_NAME });
  assert.match(await city.innerText(), /Version \d+, since .*\d+ of \d+/);
  assert.equal(await city.locator('a[href="/sign-offs?authority=demo-city"]').count(), 1);
}

/**
 * A member's own code: the banner when a code in force is still to be signed (and /my/code
 * agrees), otherwise which version they signed, or that there is none to sign.
 */
async function checkOwnCode(dashboard: DashboardPage): Promise<void> {
  const text = await dashboard.section('Your code of conduct and training').innerText();
  const banner = (await dashboard.signOffBanner.count()) > 0;
  if (banner) {
    assert.match(text, /You have not signed .+’s code of conduct \(version \d+\) yet/);
  } else {
    assert.match(text, /You signed .+ on \d+ \w+ \d{4}|No code of conduct is in force for you/);
  }
  const page = dashboard.page;
  await page.goto('/my/code');
  await ContentPage.verifyOnPage(page, 'Your code of conduct');
  assert.equal(
    (await page.locator('main .govuk-tag', { hasText: 'Not signed' }).count()) > 0,
    banner,
  );
  await checkAccessibility(page, '/my/code');
  await page.goto(DashboardPage.path);
}

async function linkHrefs(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** What each demo account's role should see. Officers also hold the plain officer role. */
const EXPECTED: Record<string, Expected> = {
  'monitoring-officer': {
    sections: ['Administration', 'Member development', 'Report clearances'],
    navigation: [...ADMIN_NAVIGATION, '/audit', '/clearances'],
    check: async (dashboard) => {
      const links = await linkHrefs(dashboard.page, '#section-administration ~ ul a');
      assert.deepEqual(links, [...ADMIN_LINKS, '/audit']);
      const figures = await dashboard
        .section('Administration')
        .locator('.govuk-summary-list__key')
        .allInnerTexts();
      assert.ok(figures.includes('People with an account'), `figures: ${figures.join(', ')}`);
      await checkCouncilSignOffs(dashboard);
      assert.doesNotMatch(
        await dashboard.page.locator('main').innerText(),
        /Overdue code of conduct/,
      );
    },
  },
  'democratic-services': {
    sections: ['Administration', 'Member development', 'Report clearances'],
    navigation: [...ADMIN_NAVIGATION, '/clearances'],
    check: async (dashboard) => {
      const links = await linkHrefs(dashboard.page, '#section-administration ~ ul a');
      assert.deepEqual(links, ADMIN_LINKS, 'only the MO has the audit trail');
      await checkCouncilSignOffs(dashboard);
    },
  },
  member: {
    sections: ['Your code of conduct and training'],
    navigation: ['/dashboard', '/my/code', '/my/training'],
    check: async (dashboard) => {
      assert.equal(await dashboard.section('Administration').count(), 0);
      assert.equal(await dashboard.page.locator('main table').count(), 0, 'no group table');
      assert.doesNotMatch(await dashboard.page.locator('main').innerText(), /Nothing to do yet/);
      await checkOwnCode(dashboard);
      // Nor can a councillor reach the administration pages by typing their address.
      const response = await dashboard.page.goto('/admin/people');
      assert.equal(response?.status(), 403);
      await ContentPage.verifyOnPage(dashboard.page, 'You do not have permission to do that');
      await checkAccessibility(dashboard.page, 'the 403 page');
      await dashboard.page.goto(DashboardPage.path);
    },
  },
  'group-whip': {
    sections: [
      'Your political group',
      'Your group’s training',
      'Your code of conduct and training',
    ],
    navigation: ['/dashboard', '/my/code', '/my/training', '/sign-offs', '/group-training'],
    check: async (dashboard, account) => {
      const table = dashboard.section('Your political group').locator('table.govuk-table');
      assert.equal(await table.count(), 1, "one table: the whip's own group");
      const caption = (await table.locator('caption').innerText()).trim();
      const match = /^(.+): (\d+) members$/.exec(caption);
      assert.ok(match, `caption: ${caption}`);
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) =>
            [...tr.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim()),
          ),
        );
      assert.equal(rows.length, Number(match[2]), 'a row per member');
      assert.ok(rows.length > 2, 'the group has more than its leader and whip');
      assert.deepEqual(await table.locator('thead th').allInnerTexts(), [
        'Name',
        'Role in the group',
      ]);
      assert.ok(
        rows.some(([name, role]) => name === account.name && role === 'Whip'),
        `the whip is listed as Whip: ${JSON.stringify(rows.slice(0, 5))}`,
      );
      assert.equal(rows.filter(([, role]) => role === 'Leader').length, 1, 'one leader');
      assert.equal(await dashboard.section('Administration').count(), 0);
      // Their group's sign-offs of the code in force, with a link to the list of them.
      const group = dashboard.section('Your political group');
      const chase = group.getByRole('link', { name: `Code of conduct sign-offs in ${match[1]}` });
      if ((await chase.count()) > 0) {
        assert.match(await group.innerText(), /members of .+ who must sign the code of conduct/);
        assert.match((await chase.getAttribute('href')) ?? '', /^\/sign-offs\?group=\d+$/);
      } else {
        assert.match(await group.innerText(), /no code of conduct in force/);
      }
      await checkOwnCode(dashboard);
    },
  },
  facilitator: {
    sections: ['Sessions you facilitate'],
    navigation: ['/dashboard', '/facilitating'],
  },
  officer: { sections: ['Report clearances'], navigation: ['/dashboard', '/clearances'] },
  'independent-person': { sections: ['Consultations'], navigation: ['/dashboard'] },
};

async function signIn(page: Page, account: DemoAccount): Promise<DashboardPage> {
  const signInPage = await SignInPage.open(page);
  await signInPage.signIn(account.email, DEMO_PASSWORD);
  const dashboard = await DashboardPage.verifyOnPage(page);
  assert.equal(pathOf(page), DashboardPage.path);
  return dashboard;
}

// The roles' tests are independent (a browser profile each), so two run at a time.
describe('every role', { concurrency: 2 }, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('has a demo account and an expectation here', () => {
    assert.deepEqual(
      demoAccounts()
        .map((a) => a.role)
        .sort(),
      Object.keys(EXPECTED).sort(),
      'a role was added or removed: say here what its dashboard shows',
    );
  });

  for (const account of demoAccounts()) {
    test(`${account.label}: signs in, sees their dashboard and pages, signs out`, async () => {
      const expected = EXPECTED[account.role];
      assert.ok(expected, `no expectation for ${account.role}`);
      const context = await newContext(browser, server.baseURL);
      try {
        const page = await context.newPage();
        const scriptErrors = watchForScriptErrors(page);

        let dashboard = await signIn(page, account);
        assert.match(
          await dashboard.signedInAs.innerText(),
          new RegExp(`Signed in as ${account.name}`),
        );
        await checkCouncilBranding(dashboard);
        assert.deepEqual(await dashboard.sectionHeadings(), expected.sections);
        await expected.check?.(dashboard, account);
        dashboard = await DashboardPage.verifyOnPage(page);
        await checkAccessibility(page, `the ${account.label}'s dashboard`);
        await saveScreenshot(page, `dashboard-${account.role}`);

        // The account page the dashboard links to.
        await clickAndLoad(page, dashboard.accountLink);
        let view = await AccountPage.verifyOnPage(page);
        await checkAccessibility(page, `/account as the ${account.label}`);

        // Every page in their navigation opens from the navigation, and passes axe.
        const navigation = await view.navigationLinks();
        assert.deepEqual(
          navigation.map((link) => link.href),
          expected.navigation,
          `navigation: ${JSON.stringify(navigation)}`,
        );
        const checked = new Set([DashboardPage.path, AccountPage.path]);
        for (const link of navigation) {
          const verify = PAGES_BY_PATH[link.href];
          assert.ok(verify, `no page object for ${link.href}: add it to PAGES_BY_PATH`);
          await clickAndLoad(
            page,
            view.navigation.getByRole('link', { name: link.text, exact: true }),
          );
          assert.equal(pathOf(page), link.href);
          view = await verify(page);
          const current = await view.navigation.locator('a[aria-current]').getAttribute('href');
          assert.equal(current, link.href, 'the current page is marked in the navigation');
          if (!checked.has(link.href)) {
            await checkAccessibility(page, `${link.href} as the ${account.label}`);
            checked.add(link.href);
          }
        }

        await view.signOut();
        const start = await StartPage.verifyOnPage(page, COUNCIL_NAME);
        assert.match(await start.successBanner.innerText(), /You have signed out of Probity/);
        assert.equal(await start.signInLink.count(), 1);
        assert.equal(await start.signOutButton.count(), 0);
        await page.goto(DashboardPage.path);
        await SignInPage.verifyOnPage(page);
        assert.equal(pathOf(page), '/sign-in?returnTo=%2Fdashboard', 'signed out: sent to sign in');
        assert.deepEqual(scriptErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('a councillor on a phone: no sideways scrolling, and axe passes', async () => {
    const account = demoAccounts().find((a) => a.role === 'member');
    assert.ok(account);
    const context = await newContext(browser, server.baseURL, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await context.newPage();
      const scriptErrors = watchForScriptErrors(page);
      await SignInPage.open(page);
      await assertNoHorizontalScroll(page, 390);
      await signIn(page, account);
      await assertNoHorizontalScroll(page, 390);
      await checkAccessibility(page, "the councillor's dashboard on a phone");
      await saveScreenshot(page, 'dashboard-member-phone');
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  });
});
