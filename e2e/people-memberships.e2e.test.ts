import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, SignInPage } from './pages/index.js';
import { PersonPage } from './pages/person-page.js';
import { PersonFormPage } from './pages/membership-forms.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
} from './support/browser.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

/**
 * Democratic Services keeping a councillor's record: moving a whip to another group, adding and
 * ending memberships, correcting details, and an Independent Person's appointment. Every form,
 * and every form showing errors, passes axe.
 */
describe('memberships and details for Democratic Services', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let whip: { id: number; name: string };

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser, server.baseURL);
    page = await context.newPage();
    const person = await server.db
      .selectFrom('people')
      .select(['id', 'given_name', 'family_name'])
      .where('email', '=', 'whip@demo-city.example')
      .executeTakeFirstOrThrow();
    whip = { id: person.id, name: `${person.given_name} ${person.family_name}` };
    const account = demoAccount('democratic-services');
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  test('the people list filters by group, and a person page shows their memberships', async () => {
    await page.goto('/admin/people?kind=member');
    await checkAccessibility(page, 'the people list with filters');
    await page.goto(`/admin/people/${whip.id}`);
    const person = await PersonPage.verifyOnPage(page, whip.name);
    const table = page.locator('main table', { hasText: 'Councils, groups and committees' });
    assert.match(await table.innerText(), /Whip/);
    assert.match(await person.summaryValue('Kind'), /Councillor/);
    await checkAccessibility(page, 'a person page with memberships');
    await saveScreenshot(page, 'person-memberships');
  });

  test('moving the whip to another group: errors first, then the move', async () => {
    await clickAndLoad(page, page.getByRole('button', { name: 'Move to another group' }));
    const form = await PersonFormPage.verifyOnPage(page, 'Move to another political group');
    await checkAccessibility(page, 'the move-group form');
    await form.fillDate('startDate', ['31', '2', '2026']);
    await form.send();
    assert.deepEqual(await form.errors(), [
      'Select the group they are joining',
      'The date they join must be a real date',
    ]);
    await checkAccessibility(page, 'the move-group form with errors');
    await page.selectOption('#groupId', { index: 2 });
    await form.fillDate('startDate', ['1', '6', '2026']);
    await form.send();
    await PersonPage.verifyOnPage(page, whip.name);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Group changed/);
    assert.match(await page.locator('main').innerText(), /Moved to /);
    await checkAccessibility(page, 'the person page after a move');
  });

  test('adding a membership lists what is missing; ending one keeps it as history', async () => {
    await clickAndLoad(page, page.getByRole('button', { name: 'Add a membership' }));
    const add = await PersonFormPage.verifyOnPage(page, 'Add a membership');
    await checkAccessibility(page, 'the add-membership form');
    await add.fillDate('startDate', ['', '', '']);
    await add.send();
    assert.deepEqual(await add.errors(), [
      'Select a council, group or committee',
      'Enter the start date',
    ]);
    await checkAccessibility(page, 'the add-membership form with errors');

    await page.goto(`/admin/people/${whip.id}`);
    const end = page.locator('main table a', { hasText: /^End/ }).last();
    await clickAndLoad(page, end);
    const form = await PersonFormPage.verifyOnPage(page, /^End membership of /);
    await checkAccessibility(page, 'the end-membership form');
    await page.fill('#reason', 'Stood down');
    await form.send();
    await PersonPage.verifyOnPage(page, whip.name);
    assert.match(await page.locator('main').innerText(), /Stood down/);
  });

  test('correcting details refuses a bad email, then saves', async () => {
    await page.goto(`/admin/people/${whip.id}/edit`);
    const form = await PersonFormPage.verifyOnPage(page, 'Correct details');
    await checkAccessibility(page, 'the correct-details form');
    await page.fill('#email', 'not an email');
    await form.send();
    assert.deepEqual(await form.errors(), [
      'Enter an email address in the correct format, like name@example.com',
    ]);
    assert.equal(await page.inputValue('#email'), 'not an email', 'what was typed is kept');
    await checkAccessibility(page, 'the correct-details form with an error');
  });

  test("an Independent Person's appointment needs their declaration", async () => {
    const ip = await server.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'ip@demo-city.example')
      .executeTakeFirstOrThrow();
    await page.goto(`/admin/people/${ip.id}/appointments/new`);
    const form = await PersonFormPage.verifyOnPage(
      page,
      'Record an appointment as Independent Person',
    );
    await checkAccessibility(page, 'the appointment form');
    await form.send();
    assert.deepEqual(await form.errors(), [
      'Confirm they have declared no connection with the council in the last 5 years',
    ]);
    await checkAccessibility(page, 'the appointment form with an error');
    await page.check('#noConnection');
    await form.send();
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /Appointment recorded/,
    );
  });
});
