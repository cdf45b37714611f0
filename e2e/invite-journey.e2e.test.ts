import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  AuditPage,
  clickAndLoad,
  DashboardPage,
  InvitePersonPage,
  OutboxMessagePage,
  OutboxPage,
  PeoplePage,
  PersonPage,
  SetPasswordPage,
  SignInPage,
  type InviteDetails,
} from './pages/index.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { COUNCIL_NAME, pathOf, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

const NEWCOMER: InviteDetails = {
  givenName: 'Priya',
  familyName: 'Testington',
  email: 'priya.testington@e2e.example',
  kind: 'Councillor',
  council: COUNCIL_NAME,
  roles: ['Councillor'],
};
const NEWCOMER_NAME = `${NEWCOMER.givenName} ${NEWCOMER.familyName}`;
const NEW_PASSWORD = 'lantern orchard pebble';
const INVITATION_SUBJECT = 'Your Probity account';

/**
 * One journey, step by step (each test carries on from the one before): forms that reject bad
 * input, the Monitoring Officer inviting a councillor, the councillor choosing a password from
 * the emailed link and signing in, and the audit trail recording it all.
 */
describe('inviting a person, from the form to their first sign-in', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** the Monitoring Officer's browser tab, signed in from the second test on */
  let mo: Page;
  let moScriptErrors: string[];
  let invitationLink = '';
  let personPath = '';

  async function tab(options: Parameters<typeof newContext>[2] = {}): Promise<Page> {
    const context = await newContext(browser, server.baseURL, options);
    contexts.push(context);
    return context.newPage();
  }

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('signing in with no email address shows the error summary, focused, linking to the field', async () => {
    const page = await tab();
    const scriptErrors = watchForScriptErrors(page);
    const signIn = await SignInPage.open(page);
    await signIn.signIn('', 'some password');

    const again = await SignInPage.verifyOnPage(page);
    assert.match(await page.title(), /^Error: /);
    await waitForFocusOnErrorSummary(page);
    assert.deepEqual(await again.errorSummaryLinks(), [
      { text: 'Enter your email address', href: '#email' },
    ]);
    assert.match(await page.locator('#email-error').innerText(), /Enter your email address/);
    await checkAccessibility(page, 'the sign-in page with an error');

    // The summary's link takes the keyboard to the field.
    await again.errorSummary.getByRole('link', { name: 'Enter your email address' }).click();
    assert.equal(await again.focusedElement(), '#email');
    assert.deepEqual(scriptErrors, []);
  });

  test('the invite form lists each mistake, keeps what was typed, and passes axe', async () => {
    mo = await tab();
    moScriptErrors = watchForScriptErrors(mo);
    const account = demoAccount('monitoring-officer');
    await (await SignInPage.open(mo)).signIn(account.email, DEMO_PASSWORD);
    const dashboard = await DashboardPage.verifyOnPage(mo);
    await clickAndLoad(mo, dashboard.navigation.getByRole('link', { name: 'People', exact: true }));
    const people = await PeoplePage.verifyOnPage(mo);
    await clickAndLoad(mo, people.inviteButton);
    const form = await InvitePersonPage.verifyOnPage(mo);
    assert.equal(pathOf(mo), InvitePersonPage.path);

    await form.invite({ ...NEWCOMER, email: 'priya.testington@', roles: [] });

    const again = await InvitePersonPage.verifyOnPage(mo);
    assert.match(await mo.title(), /^Error: /);
    await waitForFocusOnErrorSummary(mo);
    const errors = await again.errorSummaryLinks();
    assert.deepEqual(errors, [
      {
        text: 'Enter an email address in the correct format, like name@example.com',
        href: '#email',
      },
      { text: 'Select at least one role', href: '#roles' },
    ]);
    for (const { href } of errors) {
      assert.equal(await mo.locator(href).count(), 1, `the summary links to ${href}, which exists`);
    }
    assert.match(await mo.locator('#email-error').innerText(), /correct format/);
    assert.match(await mo.locator('#roles-error').innerText(), /Select at least one role/);
    assert.equal(await again.givenName.inputValue(), NEWCOMER.givenName);
    assert.equal(await again.familyName.inputValue(), NEWCOMER.familyName);
    assert.equal(await again.email.inputValue(), 'priya.testington@');
    assert.ok(await again.kindRadio(NEWCOMER.kind).isChecked(), 'the kind stays chosen');
    assert.equal((await again.council.locator('option:checked').innerText()).trim(), COUNCIL_NAME);
    await checkAccessibility(mo, 'the invite form with errors');
    await saveScreenshot(mo, 'invite-form-errors');
  });

  test('corrected, it adds the person and puts their invitation in the outbox', async () => {
    const form = await InvitePersonPage.verifyOnPage(mo);
    await form.invite(NEWCOMER);

    const person = await PersonPage.verifyOnPage(mo, NEWCOMER_NAME);
    personPath = pathOf(mo);
    assert.match(personPath, /^\/admin\/people\/\d+$/);
    assert.match(await person.successBanner.innerText(), /Invitation sent/);
    assert.match(
      await person.successBanner.innerText(),
      new RegExp(`${NEWCOMER_NAME} has been added`),
    );
    assert.equal(await person.summaryValue('Email address'), NEWCOMER.email);
    assert.equal(await person.summaryValue('Roles'), 'Councillor');
    assert.match(await person.summaryValue('Account'), /^Invited/);
    await checkAccessibility(mo, 'the new person');

    await clickAndLoad(mo, person.navigation.getByRole('link', { name: 'Outbox', exact: true }));
    const outbox = await OutboxPage.verifyOnPage(mo);
    assert.equal(await outbox.emailTo(NEWCOMER.email, INVITATION_SUBJECT).count(), 1);
    await checkAccessibility(mo, 'the outbox');

    await outbox.openEmail(NEWCOMER.email, INVITATION_SUBJECT);
    const message = await OutboxMessagePage.verifyOnPage(mo, INVITATION_SUBJECT);
    const body = await message.bodyText();
    assert.match(body, new RegExp(`Dear ${NEWCOMER_NAME},`));
    const link = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+/.exec(body)?.[0];
    assert.ok(link, `no set-password link in:\n${body}`);
    assert.ok(
      link.startsWith(`${server.baseURL}/set-password/`),
      `the link is to this server: ${link}`,
    );
    invitationLink = link;
    await checkAccessibility(mo, 'an email in the outbox');
    assert.deepEqual(moScriptErrors, []);
  });

  test('the emailed link lets them choose a password, then sign in', async () => {
    assert.ok(invitationLink, 'the previous test found the link');
    const page = await tab();
    const scriptErrors = watchForScriptErrors(page);
    await page.goto(invitationLink);
    let setPassword = await SetPasswordPage.verifyOnPage(page);
    assert.match(await page.locator('main').innerText(), new RegExp(NEWCOMER_NAME));
    await checkAccessibility(page, 'the set-password page');

    await setPassword.choose('too short');
    setPassword = await SetPasswordPage.verifyOnPage(page);
    await waitForFocusOnErrorSummary(page);
    assert.deepEqual(await setPassword.errorSummaryLinks(), [
      { text: 'Password must be 12 characters or more', href: '#password' },
    ]);
    await checkAccessibility(page, 'the set-password page with an error');

    await setPassword.choose(NEW_PASSWORD);
    const signIn = await SignInPage.verifyOnPage(page);
    assert.match(await signIn.successBanner.innerText(), /Your password has been set/);
    await signIn.signIn(NEWCOMER.email, NEW_PASSWORD);
    const dashboard = await DashboardPage.verifyOnPage(page);
    assert.match(
      await dashboard.signedInAs.innerText(),
      new RegExp(`Signed in as ${NEWCOMER_NAME}`),
    );
    assert.deepEqual(await dashboard.sectionHeadings(), ['Your code of conduct and training']);

    // The link works once only.
    await page.goto(invitationLink);
    assert.equal((await page.locator('h1').innerText()).trim(), 'This link has expired');
    assert.deepEqual(scriptErrors, []);
  });

  test('the audit trail lists the invitation and the new password', async () => {
    await mo.goto(DashboardPage.path);
    const dashboard = await DashboardPage.verifyOnPage(mo);
    await clickAndLoad(
      mo,
      dashboard.navigation.getByRole('link', { name: 'Audit trail', exact: true }),
    );
    const audit = await AuditPage.verifyOnPage(mo);
    const personId = personPath.split('/').at(-1);
    const events = await audit.events();
    const mo_ = demoAccount('monitoring-officer');
    const has = (record: RegExp | string, action: string, who: string) =>
      events.some(
        (e) =>
          (typeof record === 'string' ? e.record === record : record.test(e.record)) &&
          e.action === action &&
          e.who === who,
      );
    assert.ok(has(`person ${personId}`, 'created', mo_.name), JSON.stringify(events.slice(0, 8)));
    assert.ok(has(/^invitation \d+$/, 'invited', mo_.name), JSON.stringify(events.slice(0, 8)));
    assert.ok(
      has(`credentials ${personId}`, 'password-set', NEWCOMER_NAME),
      JSON.stringify(events.slice(0, 8)),
    );
    await checkAccessibility(mo, 'the audit trail');
  });

  test('the audit date filter rejects an impossible date', async () => {
    const audit = await AuditPage.verifyOnPage(mo);
    const response = mo.waitForResponse((r) => new URL(r.url()).pathname === AuditPage.path);
    await audit.filterFrom('31', '2', '2026');
    assert.equal((await response).status(), 400);
    const again = await AuditPage.verifyOnPage(mo);
    await waitForFocusOnErrorSummary(mo);
    assert.deepEqual(await again.errorSummaryLinks(), [
      { text: 'The start date must be a real date', href: '#from-day' },
    ]);
    assert.equal(await mo.locator('#from-day').inputValue(), '31');
    assert.equal(await mo.locator('#from-month').inputValue(), '2');
    assert.equal(await mo.locator('#from-year').inputValue(), '2026');
    await checkAccessibility(mo, 'the audit trail with a date error');
    await saveScreenshot(mo, 'audit-date-error');
    assert.deepEqual(moScriptErrors, []);
  });
});
