import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DashboardPage, SignInPage } from './pages/index.js';
import { OutboxMessagePage, OutboxPage } from './pages/outbox-page.js';
import { SessionConfirmPage, SessionPage } from './pages/session-confirm-pages.js';
import { MyTrainingPage } from './pages/training-invitations-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  watchForScriptErrors,
} from './support/browser.js';
import { pathOf, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../src/features/member-development/testing.js';
import { dispatchInvitations } from '../src/features/training-invitations/index.js';

const COURSE = 'Chairing public meetings (browser test)';
const DAY = 24 * 60 * 60 * 1000;
/** 6pm UTC some whole days from now: always in the future, whatever the time of day. */
const daysAhead = (days: number) =>
  new Date(Math.ceil((Date.now() + days * DAY) / DAY) * DAY + 18 * 3_600_000);

/**
 * Confirming a session for all members (no whip to agree a date with): the Monitoring Officer
 * confirms it from the session page, a banner says how many are invited, the dispatcher sends
 * each an invitation with a calendar file (seen in the outbox); a session cancelled meanwhile is
 * refused with an error summary; an undated session says what it needs. Every page passes axe.
 */
describe('confirming a session that is not for a political group', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let mo: Page;
  let scriptErrors: string[];
  let ready: number;
  let stale: number;
  let undated: number;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const city = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    const year = new Date().getFullYear();
    const programmeId = await createProgramme(server.db, city.id, {
      title: 'Member development (session confirm browser test)',
      status: 'running',
      approved_on: `${year - 1}-05-01`,
      approval_reference: 'MO decision (browser test)',
      starts_on: `${year - 1}-05-20`,
      ends_on: `${year + 1}-05-19`,
    });
    const courseId = await createCourse(server.db, programmeId, {
      title: COURSE,
      audience: 'all-members',
      duration_minutes: 120,
    });
    const at = (startsAt: Date | null) => ({
      starts_at: startsAt,
      ends_at: startsAt ? new Date(startsAt.getTime() + 2 * 3_600_000) : null,
      venue: 'Council Chamber, Civic Centre',
    });
    ready = await createTrainingSession(server.db, courseId, at(daysAhead(30)));
    stale = await createTrainingSession(server.db, courseId, at(daysAhead(40)));
    undated = await createTrainingSession(server.db, courseId, at(null));
    context = await newContext(browser, server.baseURL);
    mo = await context.newPage();
    scriptErrors = watchForScriptErrors(mo);
    const account = demoAccount('monitoring-officer');
    await (await SignInPage.open(mo)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(mo);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('the Monitoring Officer confirms the session and is told how many are invited', async () => {
    const session = await SessionPage.open(mo, ready, COURSE);
    await checkAccessibility(mo, 'a planned session for all members');
    assert.equal(await session.datesLink.count(), 0, 'no dates to agree with a whip');
    const confirm = await session.startConfirming();
    assert.equal(pathOf(mo), `/admin/sessions/${ready}/confirm`);
    await checkAccessibility(mo, 'the confirmation page');
    const expected = /invites (\d+) people/.exec(await confirm.mainText())?.[1];
    assert.ok(expected && Number(expected) > 10, 'the demo council’s councillors');
    await confirm.confirm();
    const confirmed = await SessionPage.verifyOnPage(mo, COURSE);
    assert.equal(pathOf(mo), `/admin/sessions/${ready}`);
    const banner = await confirmed.successBanner.innerText();
    assert.match(banner, /Session confirmed/);
    assert.match(banner, new RegExp(`${expected} people will be invited`));
    assert.match(await confirmed.status.innerText(), /Confirmed/);
    assert.equal(await confirmed.confirmAction.count(), 0);
    await checkAccessibility(mo, 'the session once confirmed');
    const invited = await server.db
      .selectFrom('session_invitations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('session_id', '=', ready)
      .executeTakeFirstOrThrow();
    assert.equal(Number(invited.n), Number(expected));
  });

  test('the dispatcher sends each councillor an invitation with a calendar file', async () => {
    await dispatchInvitations(server.db, new Date(), { baseUrl: server.baseURL });
    const sent = await server.db
      .selectFrom('session_invitations as i')
      .innerJoin('people as p', 'p.id', 'i.person_id')
      .select(['p.email', 'i.sent_sequence'])
      .where('i.session_id', '=', ready)
      .execute();
    assert.ok(sent.every((i) => i.sent_sequence !== null));
    const member = demoAccount('member').email;
    assert.ok(sent.some((i) => i.email === member));
    const withEmail = sent.filter((i) => i.email).map((i) => i.email!);
    const emails = await server.db
      .selectFrom('outbox as o')
      .innerJoin('outbox_attachments as a', 'a.outbox_id', 'o.id')
      .select(['o.to_address', 'a.file_name'])
      .where('o.subject', 'like', `Invitation: ${COURSE}%`)
      .execute();
    assert.deepEqual(
      emails.map((e) => e.to_address).sort(),
      [...withEmail].sort(),
      'one invitation per councillor with an address',
    );
    assert.ok(emails.every((e) => e.file_name === 'invitation.ics'));

    await mo.goto(OutboxPage.path);
    await OutboxPage.verifyOnPage(mo);
    await checkAccessibility(mo, 'the outbox with the invitations');
    // The outbox is paged (newest first); the member's invitation is opened by its address.
    const email = await server.db
      .selectFrom('outbox')
      .select(['id', 'subject'])
      .where('to_address', '=', member)
      .where('subject', 'like', `Invitation: ${COURSE}%`)
      .executeTakeFirstOrThrow();
    await mo.goto(`/admin/outbox/${email.id}`);
    const message = await OutboxMessagePage.verifyOnPage(mo, email.subject);
    assert.match(await message.bodyText(), /Council Chamber, Civic Centre/);
    assert.equal(
      await mo
        .locator('main')
        .getByRole('link', { name: /invitation\.ics/ })
        .count(),
      1,
    );
    await checkAccessibility(mo, 'an invitation in the outbox');
  });

  test('the councillor’s dashboard and training page show the invitation', async () => {
    const account = demoAccount('member');
    const memberContext = await newContext(browser, server.baseURL);
    try {
      const member = await memberContext.newPage();
      await (await SignInPage.open(member)).signIn(account.email, DEMO_PASSWORD);
      await DashboardPage.verifyOnPage(member);
      const waiting = await server.db
        .selectFrom('session_invitations as i')
        .innerJoin('training_sessions as s', 's.id', 'i.session_id')
        .innerJoin('people as p', 'p.id', 'i.person_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('p.email', '=', account.email)
        .where('i.response', 'is', null)
        .where('s.status', '=', 'confirmed')
        .where('s.starts_at', '>', new Date())
        .executeTakeFirstOrThrow();
      assert.ok(Number(waiting.n) >= 1);
      assert.match(
        await member.locator('main').innerText(),
        new RegExp(`${waiting.n} training invitations? waits? for your reply`),
      );
      const training = await MyTrainingPage.open(member);
      assert.equal(await training.session(COURSE).count(), 1);
      await checkAccessibility(member, 'the councillor’s training with the new invitation');
    } finally {
      await memberContext.close();
    }
  });

  test('a session cancelled while the page was open is refused with an error summary', async () => {
    const confirm = await SessionConfirmPage.open(mo, stale);
    await server.db
      .updateTable('training_sessions')
      .set({ status: 'cancelled' })
      .where('id', '=', stale)
      .execute();
    await confirm.confirm();
    const again = await SessionConfirmPage.verifyOnPage(mo);
    await waitForFocusOnErrorSummary(mo);
    assert.deepEqual(await again.errorSummaryLinks(), [
      { text: 'This session is cancelled, so it cannot be confirmed', href: '#confirm' },
    ]);
    assert.equal(await again.confirmButton.count(), 0);
    await checkAccessibility(mo, 'the confirmation page refusing a cancelled session');
    const invited = await server.db
      .selectFrom('session_invitations')
      .select('person_id')
      .where('session_id', '=', stale)
      .execute();
    assert.deepEqual(invited, []);
  });

  test('a session without a date says what it needs before it can be confirmed', async () => {
    const session = await SessionPage.open(mo, undated, COURSE);
    assert.equal(await session.confirmAction.count(), 0);
    assert.match(
      await mo.locator('main').innerText(),
      /Add the date and times of the session before confirming it/,
    );
    await checkAccessibility(mo, 'a planned session without a date');
    assert.deepEqual(scriptErrors, []);
  });
});
