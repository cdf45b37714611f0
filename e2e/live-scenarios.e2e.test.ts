import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DashboardPage, SignInPage } from './pages/index.js';
import {
  JoinLivePage,
  LiveAnswerPage,
  LiveSessionPage,
  ProjectorPage,
} from './pages/live-scenarios-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { assertNoHorizontalScroll, pathOf } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import { createScenario } from '../src/features/learning/testing.js';
import { runningSession } from '../src/features/live-scenarios/test-support.js';

const PHONE = { width: 375, height: 667 };
const TITLE = 'A councillor’s post about a planning officer (browser test)';
const RIGHT = 'Take the post down and apologise to the officer';

/**
 * A scenario run live: the facilitator opens it on the projector (JavaScript on) while a
 * councillor answers on a phone with JavaScript off (plain form posts). The projector's count
 * follows the answer without a reload, and follows the stage when it is moved on from a second
 * page; the tally and the model answer never name anyone. Every page passes axe.
 */
describe('a scenario run live in a session', () => {
  let server: TestServer;
  let browser: Browser;
  let session: number;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const city = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    session = await runningSession(server.db, city.id, {
      code: 'JSLV23',
      courseTitle: 'Standards in practice (live browser test)',
    });
    await createScenario(server.db, city.id, {
      values: {
        title: TITLE,
        explanation: 'Criticise decisions, not the officers who advise on them.',
      },
      anchors: ['para-1-1'],
    });
    const facilitator = await server.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', demoAccount('facilitator').email)
      .executeTakeFirstOrThrow();
    await server.db
      .insertInto('session_facilitators')
      .values({ session_id: session, person_id: facilitator.id, role: 'Member peer' })
      .execute();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInAs(
    role: string,
    options: Parameters<typeof newContext>[2] = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.baseURL, options);
    const page = await context.newPage();
    const account = demoAccount(role);
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
    return { context, page };
  }

  test('attendees answer with plain forms; the facilitator’s screen follows without a reload', async () => {
    const facilitator = await signedInAs('facilitator', { viewport: { width: 1280, height: 900 } });
    const member = await signedInAs('member', { viewport: PHONE, javaScriptEnabled: false });
    // axe needs JavaScript: the councillor's pages are checked again in a second profile.
    const checker = await signedInAs('member', { viewport: PHONE });
    const checkMemberPage = async (label: string) => {
      await checker.page.goto(pathOf(member.page));
      await checkAccessibility(checker.page, label);
      await assertNoHorizontalScroll(checker.page, PHONE.width);
    };
    try {
      const scriptErrors = watchForScriptErrors(facilitator.page);
      const start = await LiveSessionPage.open(facilitator.page, session);
      await checkAccessibility(facilitator.page, 'a session’s live scenarios');
      await start.openScenario(TITLE);
      const projector = await ProjectorPage.verifyOnPage(facilitator.page, TITLE);
      assert.match(pathOf(facilitator.page), new RegExp(`^/admin/sessions/${session}/live/\\d+$`));
      assert.equal(await projector.count.innerText(), '0 answers');
      await checkAccessibility(facilitator.page, 'the projector view taking answers');
      // Marks this page: a reload would lose it.
      await facilitator.page.evaluate(() => {
        (globalThis as unknown as { stillHere: boolean }).stillHere = true;
      });

      // The councillor joins with the code on a phone, without JavaScript.
      const join = await JoinLivePage.open(member.page);
      await checkMemberPage('/live');
      await join.join('jslv23');
      let answering = await LiveAnswerPage.verifyOnPage(member.page);
      assert.equal(pathOf(member.page), `/live/${session}`);
      await checkMemberPage('the answer form on a phone');
      await answering.answer({
        acceptable: 'Acceptable',
        paragraphs: ['Paragraph 1.1'],
        choice: 'Leave it up: it is a personal account',
      });
      answering = await LiveAnswerPage.verifyOnPage(member.page);
      assert.match(await answering.successBanner.innerText(), /Answer saved/);
      await checkMemberPage('the answer form after answering');

      await facilitator.page.locator('[data-live-count]', { hasText: '1 answer' }).waitFor();
      // The answer is changed: still one answer.
      await answering.answer({ acceptable: 'Not acceptable', paragraphs: [], choice: RIGHT });
      answering = await LiveAnswerPage.verifyOnPage(member.page);
      assert.equal(await projector.count.innerText(), '1 answer');
      assert.ok(
        await facilitator.page.evaluate(
          () => (globalThis as unknown as { stillHere?: boolean }).stillHere,
        ),
        'the projector was not reloaded',
      );

      await projector.moveOn('Show the tally');
      await projector.tally.waitFor();
      assert.equal(await projector.tallied('Acceptable or not?', 'Not acceptable'), '1');
      assert.equal(await projector.tallied('Acceptable or not?', 'Acceptable'), '0');
      assert.equal(await projector.tallied('What should the member do now?', RIGHT), '1');
      const name = demoAccount('member').name;
      assert.ok(!(await facilitator.page.content()).includes(name), 'no names on the tally');
      await checkAccessibility(facilitator.page, 'the projector view with the tally');
      await saveScreenshot(facilitator.page, 'live-scenario-tally');

      await answering.checkForNext();
      answering = await LiveAnswerPage.verifyOnPage(member.page);
      assert.match(await member.page.locator('#live-now').innerText(), /Answers are closed/);
      await checkMemberPage('the attendee’s page while the tally shows');

      // The model answer is shown from a second page (say, the facilitator's laptop): the
      // projector follows without a reload.
      await facilitator.page.evaluate(() => {
        (globalThis as unknown as { stillHere: boolean }).stillHere = true;
      });
      const laptop = await facilitator.context.newPage();
      await laptop.goto(facilitator.page.url());
      const controls = await ProjectorPage.verifyOnPage(laptop, TITLE);
      await controls.moveOn('Show the model answer');
      await projector.modelAnswer.waitFor();
      assert.ok(
        await facilitator.page.evaluate(
          () => (globalThis as unknown as { stillHere?: boolean }).stillHere,
        ),
        'the projector was not reloaded',
      );
      await checkAccessibility(facilitator.page, 'the projector view with the model answer');

      await answering.checkForNext();
      answering = await LiveAnswerPage.verifyOnPage(member.page);
      const mine = await member.page.locator('#live-now').innerText();
      assert.match(mine, /Model answer/);
      assert.match(mine, /Your answer/);
      assert.match(mine, /Criticise decisions, not the officers/);
      await checkMemberPage('the attendee’s page with the model answer');

      await controls.moveOn('Close this scenario');
      const after = await LiveSessionPage.verifyOnPage(laptop);
      assert.deepEqual(await after.pastTitles(), [TITLE]);
      assert.ok(!(await laptop.content()).includes(name), 'no names on the session’s page');
      await checkAccessibility(laptop, 'the session’s live scenarios with a past one');
      assert.deepEqual(scriptErrors, []);
    } finally {
      await facilitator.context.close();
      await member.context.close();
      await checker.context.close();
    }
  });

  test('someone not at the session gets a page that does not exist', async () => {
    const { context, page } = await signedInAs('group-whip', { viewport: PHONE });
    try {
      const response = await page.goto(`/live/${session}`);
      assert.equal(response?.status(), 404);
      await checkAccessibility(page, 'the 404 page');
      const admin = await page.goto(`/admin/sessions/${session}/live`);
      assert.equal(admin?.status(), 404);
    } finally {
      await context.close();
    }
  });
});
