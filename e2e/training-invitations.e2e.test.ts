import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DashboardPage, SignInPage } from './pages/index.js';
import {
  MyTrainingPage,
  SessionInvitationsPage,
  TrainingCalendarPage,
} from './pages/training-invitations-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { assertNoHorizontalScroll, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import { inviteAudience } from '../src/features/member-development/index.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../src/features/member-development/testing.js';
import { dispatchInvitations } from '../src/features/training-invitations/index.js';

/**
 * Training invitations in the browser: a councillor on a phone replies to an invitation (and
 * is asked for a reason first), makes and turns off their calendar address; the Monitoring
 * Officer reads the replies. Every page, the error page too, passes axe.
 */
describe('training invitations', () => {
  let server: TestServer;
  let browser: Browser;
  let sessionId = 0;
  let councillorName = '';
  const COURSE = 'Local decision making (browser test)';

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { id: authorityId } = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    const programme = await createProgramme(server.db, authorityId, {
      title: 'Browser test programme',
      starts_on: '2026-05-20',
      ends_on: '2028-05-19',
    });
    const course = await createCourse(server.db, programme, {
      title: COURSE,
      audience: 'all-members',
      mandatory: true,
    });
    // A future session, at 6pm British Summer Time.
    sessionId = await createTrainingSession(server.db, course, {
      starts_at: new Date('2027-06-15T17:00:00Z'),
      ends_at: new Date('2027-06-15T18:30:00Z'),
      venue: 'Committee Room 1, Civic Centre',
      capacity: 40,
      minimum_numbers: 20,
      status: 'confirmed',
      confirmed_at: new Date(),
    });
    await server.db.transaction().execute((trx) => inviteAudience(trx, sessionId));
    await dispatchInvitations(server.db, new Date(), { baseUrl: server.baseURL });
    const member = await server.db
      .selectFrom('people')
      .select(['given_name', 'family_name'])
      .where('email', '=', demoAccount('member').email)
      .executeTakeFirstOrThrow();
    councillorName = `${member.given_name} ${member.family_name}`;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInAs(
    role: string,
    phone = false,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(
      browser,
      server.baseURL,
      phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {},
    );
    const page = await context.newPage();
    await (await SignInPage.open(page)).signIn(demoAccount(role).email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
    return { context, page };
  }

  test('a councillor on a phone replies, and is asked why when not attending', async () => {
    const { context, page } = await signedInAs('member', true);
    try {
      const scriptErrors = watchForScriptErrors(page);
      const mine = await MyTrainingPage.open(page);
      const title = new RegExp(`^${COURSE.replace(/[()]/g, '\\$&')}`);
      assert.match(await mine.replyText(title), /No reply yet/);
      assert.match(
        await mine.session(title).innerText(),
        /Tuesday 15 June 2027, 6pm to 7:30pm[\s\S]*Required/,
      );
      await assertNoHorizontalScroll(page, 390);
      await checkAccessibility(page, 'my training on a phone');
      await saveScreenshot(page, 'my-training-phone');

      await mine.reply(title, 'Not attending', '');
      let again = await MyTrainingPage.verifyOnPage(page);
      await waitForFocusOnErrorSummary(page);
      assert.deepEqual(await again.errorSummaryLinks(), [
        { text: 'Say why you cannot attend', href: `#reason-${sessionId}` },
      ]);
      await assertNoHorizontalScroll(page, 390);
      await checkAccessibility(page, 'my training with an error');

      await again.reply(title, 'Not attending', 'Ward surgery that evening');
      again = await MyTrainingPage.verifyOnPage(page);
      assert.match(await again.successBanner.innerText(), /Reply sent/);
      assert.match(await again.replyText(title), /Not attending Ward surgery that evening/);
      await checkAccessibility(page, 'my training after replying');
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  });

  test('a councillor makes a calendar address, which works until turned off', async () => {
    const { context, page } = await signedInAs('member');
    try {
      await MyTrainingPage.open(page);
      await page
        .getByRole('link', { name: 'Add your training sessions to your own calendar' })
        .click();
      let calendar = await TrainingCalendarPage.verifyOnPage(page);
      await checkAccessibility(page, 'my training calendar, none yet');
      await calendar.make();
      calendar = await TrainingCalendarPage.verifyOnPage(page);
      const address = await calendar.address.inputValue();
      assert.match(address, /\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      await checkAccessibility(page, 'my training calendar with its new address');
      const feed = await page.request.get(address);
      assert.equal(feed.status(), 200);
      assert.match(await feed.text(), new RegExp(`UID:training-session-${sessionId}@`));
      await calendar.turnOff();
      calendar = await TrainingCalendarPage.verifyOnPage(page);
      assert.match(await calendar.successBanner.innerText(), /turned off/);
      assert.equal((await page.request.get(address)).status(), 404);
    } finally {
      await context.close();
    }
  });

  test('the Monitoring Officer reads who is invited and the replies', async () => {
    const { context, page } = await signedInAs('monitoring-officer');
    try {
      const list = await SessionInvitationsPage.open(
        page,
        sessionId,
        new RegExp(`^${COURSE.replace(/[()]/g, '\\$&')}`),
      );
      assert.match(await list.row(councillorName).innerText(), /Not attending/);
      assert.match(
        await page.locator('main').innerText(),
        /more needed to reach the minimum of 20/,
      );
      await checkAccessibility(page, 'a session’s invitations');
      await saveScreenshot(page, 'session-invitations');
    } finally {
      await context.close();
    }
  });
});
