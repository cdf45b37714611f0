import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { todayInEngland } from '../src/db/current.js';
import { clickAndLoad, SignInPage, verifyHeading } from './pages/index.js';
import {
  AdminMinutesPage,
  MeetingPage,
  MeetingsPage,
  ResolutionsPage,
} from './pages/meetings-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

const COMMITTEE = 'Audit and Standards Committee';
const REPORT = 'Member conduct: the year in review';

const daysAgo = (n: number) => {
  const d = new Date(`${todayInEngland()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

/**
 * Democratic Services runs a committee meeting in a browser: the list, a new meeting (with
 * its errors first), the agenda with a report, publication, the resolutions form (with its
 * error first), the meeting held, the minutes published. Every page and error passes axe.
 * Each test carries on from the one before.
 */
describe('meetings for administrators', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptErrors: string[];

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const authority = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    const committee = await server.db
      .selectFrom('organisations')
      .select('id')
      .where('authority_id', '=', authority.id)
      .where('name', '=', COMMITTEE)
      .executeTakeFirstOrThrow();
    // a report already published, so that this test does not depend on the readiness rules
    const report = await server.db
      .insertInto('reports')
      .values({
        authority_id: authority.id,
        committee_id: committee.id,
        title: REPORT,
        report_of: 'Monitoring Officer',
        report_date: daysAgo(20),
        status: 'published',
        published_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.db
      .insertInto('report_recommendations')
      .values([
        { report_id: report.id, position: 0, text: 'Note the complaints received this year.' },
        { report_id: report.id, position: 1, text: 'Ask for training on social media use.' },
      ])
      .execute();
    context = await newContext(browser, server.baseURL, { javaScriptEnabled: true });
    page = await context.newPage();
    scriptErrors = watchForScriptErrors(page);
    const account = demoAccount('democratic-services');
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('the list of meetings and the new-meeting form with its errors', async () => {
    const list = await MeetingsPage.open(page);
    await checkAccessibility(page, 'the list of meetings');
    await list.filter(`Demo City Council: ${COMMITTEE}`, 'Past');
    await checkAccessibility(page, 'the filtered list');
    const form = await list.addMeeting();
    await form.save({});
    assert.deepEqual(
      (await form.errorSummaryLinks()).map((l) => l.text),
      [
        'Select the council, committee or sub-committee that meets',
        'Enter the date of the meeting',
        'Enter the start time',
        'Enter where the meeting takes place',
      ],
    );
    await checkAccessibility(page, 'the new-meeting form with errors');
    await form.save({
      body: `Demo City Council: ${COMMITTEE}`,
      date: daysAgo(7),
      startTime: '6:30pm',
      venue: 'Committee Room 1, Civic Centre',
    });
    const meeting = await MeetingPage.verifyOnPage(page, COMMITTEE);
    assert.match(await meeting.successBanner.innerText(), /Meeting added/);
    assert.match(await page.locator('main').innerText(), /6:30pm/);
  });

  test('the agenda: items added, then published', async () => {
    const meeting = await MeetingPage.verifyOnPage(page, COMMITTEE);
    await meeting.addItem('Apologies for absence');
    await meeting.addItem('', `${REPORT} (published)`);
    assert.deepEqual(await meeting.agendaTitles(), ['Apologies for absence', REPORT]);
    await checkAccessibility(page, 'a meeting with its agenda');
    await saveScreenshot(page, 'meeting-agenda');
    await meeting.press('Publish the agenda');
    assert.match(await meeting.successBanner.innerText(), /Agenda published/);
    await checkAccessibility(page, 'a meeting with its agenda published');
  });

  test('attendance and a declaration of interest', async () => {
    const meeting = await MeetingPage.verifyOnPage(page, COMMITTEE);
    await meeting.follow('Record attendance');
    await verifyHeading(page, 'Attendance');
    await checkAccessibility(page, 'the attendance form');
    const first = page.locator('main fieldset').first();
    const name = (await first.locator('legend').innerText()).replace(/ \(.*\)$/, '').trim();
    await first.getByLabel('Present', { exact: true }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Save the attendance' }));
    await MeetingPage.verifyOnPage(page, COMMITTEE);
    assert.match(await page.locator('main').innerText(), /1 present of 1 recorded/);
    await meeting.follow('Record declarations');
    await verifyHeading(page, 'Declarations of interest');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record the declaration' }));
    assert.deepEqual(
      (await page.locator('.govuk-error-summary a').allInnerTexts()).map((t) => t.trim()),
      ['Select who made the declaration', 'Enter what was declared'],
    );
    await checkAccessibility(page, 'the declarations form with errors');
    await page.getByLabel('Who declared').selectOption({ label: name });
    await page.getByLabel('The declaration').fill('A relative works for a body named in item 2.');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record the declaration' }));
    assert.match(
      await page.locator('main').innerText(),
      /A relative works for a body named in item 2/,
    );
    await page.goto(page.url().replace(/\/declarations$/, ''));
  });

  test('the resolutions form, with its error, then recorded', async () => {
    const meeting = await MeetingPage.verifyOnPage(page, COMMITTEE);
    await meeting.follow('Record resolutions for item 2');
    let form = await ResolutionsPage.verifyOnPage(page);
    await checkAccessibility(page, 'the resolutions form');
    await form.record(
      [{ recommendation: 1, outcome: 'Agreed as amended', amended: '' }],
      'ASC 2027 item 2',
    );
    form = await ResolutionsPage.verifyOnPage(page);
    assert.deepEqual(
      (await form.errorSummaryLinks()).map((l) => l.text),
      ['Enter recommendation 1 as amended'],
    );
    await checkAccessibility(page, 'the resolutions form with an error');
    await form.record(
      [
        {
          recommendation: 1,
          outcome: 'Agreed as amended',
          amended: 'Note the complaints received this year and publish the figures.',
        },
        { recommendation: 2, outcome: 'Deferred' },
      ],
      'ASC 2027 item 2',
    );
    const back = await MeetingPage.verifyOnPage(page, COMMITTEE);
    assert.match(await back.successBanner.innerText(), /Resolutions recorded/);
    assert.match(await page.locator('main').innerText(), /2 of 2 recommendations decided/);
  });

  test('the meeting held, its minutes published and shown', async () => {
    const meeting = await MeetingPage.verifyOnPage(page, COMMITTEE);
    await meeting.press('Mark the meeting as held');
    await meeting.press('Publish the minutes');
    assert.match(await meeting.successBanner.innerText(), /Minutes published/);
    await meeting.follow('See the minutes as recorded so far');
    await AdminMinutesPage.verifyOnPage(page);
    const text = await page.locator('main').innerText();
    assert.match(text, /publish the figures/);
    assert.match(text, /Deferred/);
    assert.match(text, /ASC 2027 item 2/);
    assert.match(text, /A relative works for a body named in item 2/);
    await checkAccessibility(page, 'the minutes');
    await saveScreenshot(page, 'meeting-minutes');
    assert.deepEqual(scriptErrors, []);
  });
});
