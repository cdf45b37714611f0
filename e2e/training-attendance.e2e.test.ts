import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, DashboardPage, SignInPage } from './pages/index.js';
import {
  AttendPage,
  FacilitatingPage,
  SessionAttendancePage,
  TrainingRecordPage,
} from './pages/training-attendance-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { assertNoHorizontalScroll, pathOf, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import { confirmedSession } from '../src/features/training-attendance/test-support.js';

const PHONE = { width: 375, height: 667 };
const COURSE = 'Standards in practice (browser test)';

/**
 * Taking attendance at a training session on a phone-sized screen: the facilitator finds the
 * session, marks people, corrects one, is told what is missing when adding someone, and makes a
 * new code; a councillor registers with the code; the Monitoring Officer reads the
 * councillor's record. Every page, and every error page, passes axe.
 */
describe('taking attendance at a training session', () => {
  let server: TestServer;
  let browser: Browser;
  let session: number;
  let councillorId: number;

  const personId = async (email: string) =>
    (
      await server.db
        .selectFrom('people')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const city = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    session = await confirmedSession(server.db, city.id, {
      audience: 'all-members',
      mandatory: true,
      courseTitle: COURSE,
      programmeTitle: 'Member development (browser test)',
    });
    await server.db
      .insertInto('session_facilitators')
      .values({
        session_id: session,
        person_id: await personId(demoAccount('facilitator').email),
        role: 'Independent Monitoring Officer',
      })
      .execute();
    await server.db
      .updateTable('training_sessions')
      .set({ attendance_code: 'WXYZ23' })
      .where('id', '=', session)
      .execute();
    councillorId = await personId(demoAccount('member').email);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInAs(role: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.baseURL, { viewport: PHONE });
    const page = await context.newPage();
    const account = demoAccount(role);
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
    return { context, page };
  }

  test('a facilitator takes and corrects attendance on a phone, and makes a new code', async () => {
    const { context, page } = await signedInAs('facilitator');
    try {
      const scriptErrors = watchForScriptErrors(page);
      const mine = await FacilitatingPage.open(page);
      await checkAccessibility(page, '/facilitating');
      await clickAndLoad(page, mine.takeAttendanceLink(COURSE));
      let register = await SessionAttendancePage.verifyOnPage(page);
      assert.equal(pathOf(page), `/admin/sessions/${session}/attendance`);
      assert.equal(await register.code.innerText(), 'WXYZ23');
      await checkAccessibility(page, 'the register on a phone');
      await assertNoHorizontalScroll(page, PHONE.width);

      const councillor = demoAccount('member').name;
      const all = await register.names();
      // People whose name is theirs alone on the register (the demo may give two the same name).
      const names = all.filter((n) => n !== councillor && all.indexOf(n) === all.lastIndexOf(n));
      assert.ok(names.length > 10, 'the councillors are invited');
      const [first, second] = names as [string, string];
      await register.mark(first, 'Attended');
      await register.mark(second, 'Absent with apologies');
      await register.save();
      register = await SessionAttendancePage.verifyOnPage(page);
      assert.match(await register.successBanner.innerText(), /2 people’s attendance was recorded/);
      assert.equal(await register.statusOf(second), 'Absent with apologies');

      await register.mark(second, 'Late');
      await register.save();
      register = await SessionAttendancePage.verifyOnPage(page);
      assert.match(await register.successBanner.innerText(), /1 person’s attendance was/);
      assert.equal(await register.statusOf(second), 'Late');
      assert.equal(await register.statusOf(first), 'Attended');
      await checkAccessibility(page, 'the register after a correction');
      await saveScreenshot(page, 'training-attendance-phone');

      await clickAndLoad(
        page,
        page.getByRole('link', { name: /^Show only the \d+ not marked yet$/ }),
      );
      register = await SessionAttendancePage.verifyOnPage(page);
      const unmarked = await register.names();
      assert.equal(unmarked.length, all.length - 2);
      assert.ok(!unmarked.includes(first) && !unmarked.includes(second));
      await checkAccessibility(page, 'the register showing only those not marked');

      await register.add();
      register = await SessionAttendancePage.verifyOnPage(page);
      await waitForFocusOnErrorSummary(page);
      assert.deepEqual(
        (await register.errorSummaryLinks()).map((l) => l.href),
        ['#personId', '#addStatus'],
      );
      await checkAccessibility(page, 'the register with errors in the add form');
      await assertNoHorizontalScroll(page, PHONE.width);

      await clickAndLoad(page, register.newCodeButton);
      register = await SessionAttendancePage.verifyOnPage(page);
      const code = await register.code.innerText();
      assert.match(code, /^[A-Z0-9]{6}$/);
      assert.notEqual(code, 'WXYZ23');
      assert.match(await register.successBanner.innerText(), new RegExp(`The code is now ${code}`));
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  });

  test('the register works on a phone without JavaScript', async () => {
    const context = await newContext(browser, server.baseURL, {
      viewport: PHONE,
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      const account = demoAccount('facilitator');
      await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
      await DashboardPage.verifyOnPage(page);
      let register = await SessionAttendancePage.open(page, session);
      const councillor = demoAccount('member').name;
      const all = await register.names();
      const name = all.find(
        (n) => n !== councillor && all.indexOf(n) === all.lastIndexOf(n) && all.indexOf(n) > 5,
      )!;
      await register.mark(name, 'Left early');
      await register.save();
      register = await SessionAttendancePage.verifyOnPage(page);
      assert.match(await register.successBanner.innerText(), /1 person’s attendance was/);
      assert.equal(await register.statusOf(name), 'Left early');
      // axe needs scripts, so it runs on this page in the tests with JavaScript on.
    } finally {
      await context.close();
    }
  });

  test('a councillor records their own attendance with the code, after a wrong one', async () => {
    const { context, page } = await signedInAs('member');
    try {
      const scriptErrors = watchForScriptErrors(page);
      let attend = await AttendPage.open(page);
      await checkAccessibility(page, '/attend');
      await assertNoHorizontalScroll(page, PHONE.width);
      await attend.enter('QQQQQQ');
      attend = await AttendPage.verifyOnPage(page);
      await waitForFocusOnErrorSummary(page);
      assert.deepEqual(await attend.errorSummaryLinks(), [
        { text: 'That code does not match a session: check it and type it again', href: '#code' },
      ]);
      await checkAccessibility(page, '/attend with a wrong code');

      const { attendance_code: code } = await server.db
        .selectFrom('training_sessions')
        .select('attendance_code')
        .where('id', '=', session)
        .executeTakeFirstOrThrow();
      await attend.enter(code!.toLowerCase());
      const record = await TrainingRecordPage.verifyOnPage(page, 'Your training record');
      assert.equal(pathOf(page), '/my/training/record');
      assert.match(await record.successBanner.innerText(), /You are recorded as attending/);
      const attended = await record.rows('Sessions attended');
      assert.ok(
        attended.some((row) => row[0]?.startsWith(COURSE) && row.includes('Required')),
        JSON.stringify(attended),
      );
      const required = await record.rows('Training required');
      assert.ok(required.some((row) => row[0]?.startsWith(COURSE)));
      await checkAccessibility(page, '/my/training/record');
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  });

  test('the Monitoring Officer reads the councillor’s training record', async () => {
    const { context, page } = await signedInAs('monitoring-officer');
    try {
      await page.goto(`/admin/people/${councillorId}/training`);
      const record = await TrainingRecordPage.verifyOnPage(
        page,
        `Training record: ${demoAccount('member').name}`,
      );
      assert.match(await record.summary.innerText(), /Attended in all: [1-9]/);
      const attended = await record.rows('Sessions attended');
      assert.ok(
        attended.some((row) => row[0]?.startsWith(COURSE) && row[3]?.includes('with the code')),
        JSON.stringify(attended),
      );
      await checkAccessibility(page, '/admin/people/<id>/training');
    } finally {
      await context.close();
    }
  });
});
