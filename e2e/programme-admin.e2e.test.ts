import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SignInPage } from './pages/index.js';
import {
  ProgrammeFormPage,
  ProgrammeRecordPage,
  ProgrammesPage,
} from './pages/programme-admin-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  watchForScriptErrors,
} from './support/browser.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

const PROGRAMME = 'Browser test programme 2027 to 2028';
const COURSE = 'Standards for your group';

/**
 * The Monitoring Officer builds a programme in a browser: the list, a new programme (its
 * errors first), its approval, a course for the political groups, a session for one group
 * with a facilitator, the session changed and cancelled. Every page and error passes axe.
 * Each test carries on from the one before.
 */
describe('the Member Development Programme for administrators', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptErrors: string[];

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser, server.baseURL, { javaScriptEnabled: true });
    page = await context.newPage();
    scriptErrors = watchForScriptErrors(page);
    const account = demoAccount('monitoring-officer');
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('the demo council’s programme, a course and its sessions', async () => {
    const list = await ProgrammesPage.open(page);
    await list.follow('Member Development Programme 2026/27');
    const programme = await ProgrammeRecordPage.verifyOnPage(
      page,
      'Member Development Programme 2026/27',
    );
    await checkAccessibility(page, 'the demo programme');
    await programme.follow('Our code of conduct, for each political group');
    const course = await ProgrammeRecordPage.verifyOnPage(
      page,
      'Our code of conduct, for each political group',
    );
    await checkAccessibility(page, 'a course for the groups');
    await course.follow(/\d{4}|Date to be agreed/);
    await ProgrammeRecordPage.verifyOnPage(
      page,
      /^Our code of conduct, for each political group: /,
    );
    await checkAccessibility(page, 'a group’s session');
    await page.goto(ProgrammesPage.path);
    await list.follow('Member Development Programme 2026/27');
    await programme.follow('Members and officers working well together');
    await ProgrammeRecordPage.verifyOnPage(page, 'Members and officers working well together');
    await course.follow(/\d{4}|Date to be agreed/);
    await ProgrammeRecordPage.verifyOnPage(page, 'Members and officers working well together');
    assert.match(await page.locator('main').innerText(), /Complements/);
    await checkAccessibility(page, 'an officers’ session');
  });

  test('the list and a new programme, with its errors first, then approved and started', async () => {
    const list = await ProgrammesPage.open(page);
    await checkAccessibility(page, 'the list of programmes');
    await list.press('Add a programme');
    let form = await ProgrammeFormPage.verifyOnPage(page, 'New programme');
    await checkAccessibility(page, 'the new-programme form');
    await form.press('Save the programme');
    form = await ProgrammeFormPage.verifyOnPage(page, 'New programme');
    assert.deepEqual(await form.errorTexts(), [
      'Enter the title of the programme',
      'Enter the start of the programme',
      'Enter the end of the programme',
    ]);
    await checkAccessibility(page, 'the new-programme form with errors');
    await page.getByLabel('Title').fill(PROGRAMME);
    await form.fillDate('Start of the programme', '2027-05-20');
    await form.fillDate('End of the programme', '2028-05-19');
    await form.press('Save the programme');
    let programme = await ProgrammeRecordPage.verifyOnPage(page, PROGRAMME);
    assert.match(await programme.successBanner.innerText(), /Programme added/);
    await checkAccessibility(page, 'a new programme');

    await programme.press('Record the approval');
    form = await ProgrammeFormPage.verifyOnPage(page, 'Record the approval');
    await form.press('Record the approval');
    assert.deepEqual(await form.errorTexts(), [
      'Enter the date of the approval',
      'Enter the reference of the approval',
    ]);
    await checkAccessibility(page, 'the approval form with errors');
    await form.fillDate('Date of the approval', '2026-05-12');
    await page.getByLabel('Reference').fill('Standards Committee minute 21');
    await form.press('Record the approval');
    programme = await ProgrammeRecordPage.verifyOnPage(page, PROGRAMME);
    await programme.press('Start the programme');
    assert.match(await page.locator('main').innerText(), /Running/);
    await checkAccessibility(page, 'a running programme');
  });

  test('a course for the political groups, with its errors first', async () => {
    const programme = await ProgrammeRecordPage.verifyOnPage(page, PROGRAMME);
    await programme.follow('Add a course');
    const form = await ProgrammeFormPage.verifyOnPage(page, 'New course');
    await checkAccessibility(page, 'the new-course form');
    await page.getByLabel('Duration in minutes').fill('ninety');
    await form.press('Save the course');
    assert.deepEqual(await form.errorTexts(), [
      'Enter the title of the course',
      'Select the format of the course',
      'Enter the duration as a whole number of minutes, like 90',
      'Select who the course is for',
    ]);
    await checkAccessibility(page, 'the new-course form with errors');
    await page.getByLabel('Title').fill(COURSE);
    await page.getByLabel('Purposes (optional)').fill('Know the code\nKnow where to ask');
    await page.getByLabel('Workshop').check();
    await page.getByLabel('Duration in minutes').fill('90');
    await page.getByLabel('Provider (optional)').fill('Local Government Association');
    await page.getByLabel(/The members of one political group/).check();
    await page.getByLabel('Yes, it is required of its audience').check();
    await page.getByLabel('Topic key (optional)').fill('code-of-conduct');
    await page.getByLabel(/Paragraphs of the code/).fill('1.1, 3.2');
    await form.press('Save the course');
    const course = await ProgrammeRecordPage.verifyOnPage(page, COURSE);
    assert.match(await course.successBanner.innerText(), /Course added/);
    assert.match(await page.locator('main').innerText(), /1 hour 30 minutes/);
    await checkAccessibility(page, 'a course');
  });

  test('a session for one group, a facilitator, a change and a cancellation', async () => {
    const course = await ProgrammeRecordPage.verifyOnPage(page, COURSE);
    await course.follow('Add a session for a political group');
    const form = await ProgrammeFormPage.verifyOnPage(page, 'New session');
    await checkAccessibility(page, 'the new-session form');
    await form.press('Save the session');
    assert.deepEqual(await form.errorTexts(), ['Select the political group the session is for']);
    await checkAccessibility(page, 'the new-session form with an error');
    await page.getByLabel('Political group').selectOption({ index: 1 });
    const group = (
      await page.getByLabel('Political group').locator('option:checked').innerText()
    ).trim();
    await page.getByLabel('Capacity (optional)').fill('25');
    await form.press('Save the session');
    const session = await ProgrammeRecordPage.verifyOnPage(page, `${COURSE}: ${group}`);
    assert.match(await page.locator('main').innerText(), /Date to be agreed/);
    await checkAccessibility(page, 'a session');

    await page.getByLabel('Person').selectOption({ index: 1 });
    await page.getByLabel('Role (optional)').fill('Member peer');
    await session.press('Add the facilitator');
    assert.match(await session.successBanner.innerText(), /Facilitator added/);
    assert.match(await page.locator('#facilitators ~ table').innerText(), /Member peer/);
    await checkAccessibility(page, 'a session with a facilitator');

    await session.follow('Change the session');
    const edit = await ProgrammeFormPage.verifyOnPage(page, 'Change the session');
    await edit.fillDate(/Date of the session/, '2027-10-13');
    await edit.press('Save the session');
    assert.deepEqual(await edit.errorTexts(), ['Enter the start time']);
    await checkAccessibility(page, 'the session form with an error');
    await page.getByLabel(/Start time/).fill('6pm');
    await edit.press('Save the session');
    await ProgrammeRecordPage.verifyOnPage(page, `${COURSE}: ${group}`);
    assert.match(await page.locator('main').innerText(), /13 October 2027, 6:00pm to 7:30pm/);

    await session.follow('Cancel the session');
    const cancel = await ProgrammeFormPage.verifyOnPage(page, 'Cancel the session');
    await checkAccessibility(page, 'the cancel page');
    await cancel.press('Cancel the session');
    await ProgrammeRecordPage.verifyOnPage(page, `${COURSE}: ${group}`);
    assert.match(await session.successBanner.innerText(), /Session cancelled/);
    assert.deepEqual(scriptErrors, []);
  });
});
