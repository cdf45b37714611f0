import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, DashboardPage, SignInPage } from './pages/index.js';
import { MyCodePage, PaperSignOffPage, SignOffsPage } from './pages/code-sign-off-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { COUNCIL_NAME, pathOf, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import { codeInForce } from '../src/features/code-sign-off/test-support.js';
import { listSigners } from '../src/features/code-of-conduct/index.js';
import { todayInEngland } from '../src/db/current.js';

/**
 * Members' sign-off of the code in force, in the browser: a councillor sees it first on their
 * dashboard, is refused without the box ticked, signs, and the dashboard moves on; the
 * Monitoring Officer reads the list, filters it, downloads it and records a paper sign-off; a
 * whip sees only their own group. Every page, and every error page, passes axe.
 */
describe('signing the code of conduct', () => {
  let server: TestServer;
  let browser: Browser;
  let version: { id: number; number: number };
  let signers: number;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // A new version in force: whatever the demo holds, everyone must sign this one.
    version = await codeInForce(server.db, 'demo-city', {
      inForceFrom: '2026-04-01',
      title: 'Members’ Code of Conduct (browser test)',
    });
    const city = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    signers = (await listSigners(server.db, city.id, todayInEngland(), false)).length;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInAs(role: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.baseURL);
    const page = await context.newPage();
    const account = demoAccount(role);
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
    return { context, page };
  }

  test('a councillor signs from the dashboard, after being asked to tick the box', async () => {
    const { context, page } = await signedInAs('member');
    try {
      const scriptErrors = watchForScriptErrors(page);
      let dashboard = await DashboardPage.verifyOnPage(page);
      assert.equal(await dashboard.signOffBanner.count(), 1, 'the banner asks them to sign');
      const bannerFirst = await page.locator('main').evaluate((main) => {
        const banner = main.querySelector('.govuk-notification-banner');
        const section = main.querySelector('section');
        // 4: Node.DOCUMENT_POSITION_FOLLOWING, the section comes after the banner.
        return Boolean(banner && section && banner.compareDocumentPosition(section) & 4);
      });
      assert.ok(bannerFirst, 'the banner comes before every section');
      assert.match(
        await dashboard.signOffBanner.innerText(),
        new RegExp(`${COUNCIL_NAME}’s code of conduct \\(version ${version.number}\\)`),
      );
      await checkAccessibility(page, 'the councillor’s dashboard with a code to sign');
      await saveScreenshot(page, 'dashboard-member-code-to-sign');

      await clickAndLoad(
        page,
        dashboard.signOffBanner.getByRole('link', { name: 'Read and sign the code of conduct' }),
      );
      let mine = await MyCodePage.verifyOnPage(page);
      assert.match(await mine.status(COUNCIL_NAME), /^Not signed/);
      await checkAccessibility(page, '/my/code');

      await mine.sign(COUNCIL_NAME, false);
      mine = await MyCodePage.verifyOnPage(page);
      await waitForFocusOnErrorSummary(page);
      assert.deepEqual(await mine.errorSummaryLinks(), [
        {
          text: 'Tick the box to confirm that you have read the code and will observe it',
          href: `#confirm-${version.id}`,
        },
      ]);
      await checkAccessibility(page, '/my/code with its error');
      await saveScreenshot(page, 'my-code-error');

      await mine.sign(COUNCIL_NAME, true);
      mine = await MyCodePage.verifyOnPage(page);
      assert.equal(pathOf(page), '/my/code');
      assert.match(
        await mine.successBanner.innerText(),
        /You have signed Demo City Council’s code/,
      );
      assert.match(await mine.status(COUNCIL_NAME), /^Signed You signed it online on/);
      await checkAccessibility(page, '/my/code once signed');

      await page.goto(DashboardPage.path);
      dashboard = await DashboardPage.verifyOnPage(page);
      assert.equal(await dashboard.signOffBanner.count(), 0, 'nothing left to sign');
      assert.match(
        await dashboard.section('Your code of conduct and training').innerText(),
        new RegExp(
          `You signed Demo City Council’s code of conduct \\(version ${version.number}\\) on`,
        ),
      );
      await checkAccessibility(page, 'the councillor’s dashboard once signed');
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  });

  test('the Monitoring Officer reads, filters and downloads the list, and records a paper sign-off', async () => {
    const { context, page } = await signedInAs('monitoring-officer');
    try {
      const scriptErrors = watchForScriptErrors(page);
      const dashboard = await DashboardPage.verifyOnPage(page);
      await clickAndLoad(
        page,
        dashboard
          .section('Administration')
          .getByRole('link', { name: 'Code of conduct sign-offs' }),
      );
      let list = await SignOffsPage.verifyOnPage(page);
      assert.match(await list.counts.innerText(), new RegExp(`^1 of ${signers} signed`));
      const rows = await list.rows();
      assert.equal(rows.length, signers);
      assert.equal(rows.at(-1)?.[3], 'Signed', 'the one signed comes last');
      await checkAccessibility(page, '/sign-offs as the Monitoring Officer');
      await saveScreenshot(page, 'sign-offs-mo');

      const groups = (await list.groupOptions()).filter((g) => g !== 'All groups');
      assert.equal(groups.length, 5);
      await list.showGroup(groups[0]!);
      list = await SignOffsPage.verifyOnPage(page);
      assert.ok((await list.rows()).every((row) => row[2] === groups[0]));
      await checkAccessibility(page, '/sign-offs for one group');
      const csvHref = await list.csvLink.getAttribute('href');
      assert.match(csvHref ?? '', /^\/sign-offs\/export\.csv\?authority=demo-city&group=\d+$/);
      const csv = await context.request.get(`${server.baseURL}${csvHref}`);
      assert.equal(csv.status(), 200);
      assert.equal(csv.headers()['content-type'], 'text/csv; charset=utf-8');
      assert.match(await csv.text(), /^\ufeffCouncil,Code version,Given name,Family name,Kind,/);

      await page.goto('/sign-offs');
      list = await SignOffsPage.verifyOnPage(page);
      const outstanding = (await list.rows())[0]!;
      await clickAndLoad(page, list.paperLink);
      let paper = await PaperSignOffPage.verifyOnPage(page);
      await checkAccessibility(page, '/sign-offs/paper');
      await paper.record({});
      paper = await PaperSignOffPage.verifyOnPage(page);
      await waitForFocusOnErrorSummary(page);
      assert.deepEqual(
        (await paper.errorSummaryLinks()).map((l) => l.href),
        ['#personId', '#signedOn-day'],
      );
      await checkAccessibility(page, '/sign-offs/paper with its errors');
      const [given, ...family] = outstanding[0]!.split(' ');
      await paper.record({ person: `${family.join(' ')}, ${given}`, date: ['2', '4', '2026'] });
      list = await SignOffsPage.verifyOnPage(page);
      assert.match(
        await list.successBanner.innerText(),
        new RegExp(`${outstanding[0]} signed .* on paper on 2 April 2026`),
      );
      assert.match(await list.counts.innerText(), new RegExp(`^2 of ${signers} signed`));
      await checkAccessibility(page, '/sign-offs after a paper sign-off');
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  });

  test('a whip sees only their own group', async () => {
    const { context, page } = await signedInAs('group-whip');
    try {
      const dashboard = await DashboardPage.verifyOnPage(page);
      const section = dashboard.section('Your political group');
      assert.match(await section.innerText(), /have not signed it/);
      await clickAndLoad(
        page,
        section.getByRole('link', { name: /^Code of conduct sign-offs in / }),
      );
      const list = await SignOffsPage.verifyOnPage(page);
      const options = await list.groupOptions();
      assert.equal(options.length, 1, `only their group: ${options.join(', ')}`);
      assert.ok((await list.rows()).every((row) => row[2] === options[0]));
      assert.equal(await list.paperLink.count(), 0);
      await checkAccessibility(page, '/sign-offs as a whip');
      await saveScreenshot(page, 'sign-offs-whip');
      const other = await page.goto('/sign-offs?authority=hollinbrook');
      assert.equal(other?.status(), 404);
    } finally {
      await context.close();
    }
  });
});
