import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, PeoplePage, SignInPage } from './pages/index.js';
import { OrganisationsPage } from './pages/organisations-page.js';
import {
  AddOrganisationPage,
  DissolveOrganisationPage,
  EditOrganisationPage,
} from './pages/organisations-forms.js';
import { AddWardPage, EditWardPage } from './pages/organisations-ward-forms.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { COUNCIL_NAME, pathOf, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';

const COMMITTEES = 'Committees and sub-committees';

/**
 * Democratic Services keeping a council's organisations and wards: the list (and switching
 * council without JavaScript's help), adding a sub-committee after a mistake, renaming it,
 * a dissolution refused while members remain and then one allowed, and a ward with its seats.
 * Each test carries on from the one before; every page and every error page passes axe.
 */
describe('organisations and wards for Democratic Services', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptErrors: string[];

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser, server.baseURL);
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

  test('the list shows the council’s organisations and wards, and switches council', async () => {
    const list = await OrganisationsPage.open(page);
    assert.equal((await list.caption.innerText()).trim(), COUNCIL_NAME);
    const committees = await list.rows(COMMITTEES);
    const names = committees.map((row) => row[0]);
    const standards = names.indexOf('Audit and Standards Committee');
    assert.ok(standards >= 0, JSON.stringify(names));
    assert.match(names[standards + 1] ?? '', /^Standards Hearing Sub-Committee Sub-committee of/);
    assert.deepEqual(committees[standards]?.slice(1, 3), ['Audit and standards', 'Yes']);
    const wards = await list.rows('Wards');
    assert.equal(wards.length, 28);
    assert.deepEqual(wards[0]?.slice(0, 4), ['Alderbrook', 'E05099001', '3', '0']);
    await checkAccessibility(page, 'the organisations list');
    await saveScreenshot(page, 'organisations-list');

    await list.showCouncil('Marstow Town Council');
    const town = await OrganisationsPage.verifyOnPage(page);
    assert.equal((await town.caption.innerText()).trim(), 'Marstow Town Council');
    assert.match(pathOf(page), /^\/admin\/organisations\?authority=\d+$/);
    await checkAccessibility(page, 'a town council’s organisations');
    await page.goto(OrganisationsPage.path);
  });

  test('the add form lists each mistake, keeps what was typed, then adds a sub-committee', async () => {
    const list = await OrganisationsPage.verifyOnPage(page);
    await clickAndLoad(page, list.addOrganisationButton);
    const form = await AddOrganisationPage.verifyOnPage(page);
    await checkAccessibility(page, 'the add-an-organisation form');
    await form.add({ name: '', kind: 'Sub-committee', founded: ['31', '2', '2025'] });

    const again = await AddOrganisationPage.verifyOnPage(page);
    assert.match(await page.title(), /^Error: /);
    await waitForFocusOnErrorSummary(page);
    assert.deepEqual(await again.errorSummaryLinks(), [
      { text: 'Enter the name of the organisation', href: '#name' },
      { text: 'The date it was founded must be a real date', href: '#foundedOn-day' },
    ]);
    assert.ok(await again.kindRadio('Sub-committee').isChecked(), 'the kind stays chosen');
    assert.equal(await page.locator('#foundedOn-day').inputValue(), '31');
    await checkAccessibility(page, 'the add-an-organisation form with errors');
    await saveScreenshot(page, 'organisations-add-errors');

    await again.add({ name: 'Appeals Sub-Committee', committeeType: 'Audit and standards' });
    const refused = await AddOrganisationPage.verifyOnPage(page);
    await waitForFocusOnErrorSummary(page);
    assert.deepEqual(await refused.errorSummaryLinks(), [
      {
        text: 'Select yes if members need training before they sit on it',
        href: '#trainingRequired',
      },
    ]);
    await checkAccessibility(page, 'the add-an-organisation form refused by a rule');

    await refused.add({
      name: 'Appeals Sub-Committee',
      training: 'Yes',
      parent: 'Audit and Standards Committee',
    });
    const added = await OrganisationsPage.verifyOnPage(page);
    assert.match(await added.successBanner.innerText(), /Appeals Sub-Committee has been added/);
    const row = await added.row(COMMITTEES, 'Appeals Sub-Committee').innerText();
    assert.match(row, /Sub-committee of Audit and Standards Committee/);
    assert.deepEqual(scriptErrors, []);
  });

  test('renaming an organisation, after an empty name is refused', async () => {
    const list = await OrganisationsPage.verifyOnPage(page);
    await list.act('Edit', 'Appeals Sub-Committee');
    const form = await EditOrganisationPage.verifyOnPage(page, 'Appeals Sub-Committee');
    await checkAccessibility(page, 'the edit-an-organisation form');
    await form.rename('');
    const again = await EditOrganisationPage.verifyOnPage(page, 'Appeals Sub-Committee');
    await waitForFocusOnErrorSummary(page);
    assert.deepEqual(await again.errorSummaryLinks(), [
      { text: 'Enter the name of the organisation', href: '#name' },
    ]);
    await checkAccessibility(page, 'the edit-an-organisation form with an error');

    await again.rename('Appeals and Reviews Sub-Committee');
    const renamed = await OrganisationsPage.verifyOnPage(page);
    assert.match(await renamed.successBanner.innerText(), /Organisation updated/);
    assert.equal(await renamed.row(COMMITTEES, 'Appeals and Reviews Sub-Committee').count(), 1);
  });

  test('dissolving is refused while members remain, with a link to them', async () => {
    const list = await OrganisationsPage.verifyOnPage(page);
    await list.act('Dissolve', 'Planning Committee');
    const form = await DissolveOrganisationPage.verifyOnPage(page, 'Planning Committee');
    await checkAccessibility(page, 'the dissolve form');
    await form.dissolve();

    const refused = await DissolveOrganisationPage.verifyOnPage(page, 'Planning Committee');
    await waitForFocusOnErrorSummary(page);
    const [error] = await refused.errorSummaryLinks();
    assert.equal(error?.href, '#dissolvedOn-day');
    assert.match(
      error?.text ?? '',
      /^Planning Committee has 12 members whose membership continues/,
    );
    await checkAccessibility(page, 'the dissolve form refused');
    await saveScreenshot(page, 'organisations-dissolve-refused');
    await clickAndLoad(
      page,
      page.getByRole('link', { name: 'See the members of Planning Committee' }),
    );
    await PeoplePage.verifyOnPage(page);
    assert.match(pathOf(page), /^\/admin\/people\?committee=\d+$/);
    assert.match(await page.locator('main').innerText(), /12 people found/);
  });

  test('an organisation without members is dissolved and listed with its date', async () => {
    const list = await OrganisationsPage.open(page);
    await list.act('Dissolve', 'Appeals and Reviews Sub-Committee');
    const form = await DissolveOrganisationPage.verifyOnPage(
      page,
      'Appeals and Reviews Sub-Committee',
    );
    await form.dissolve();
    const after = await OrganisationsPage.verifyOnPage(page);
    assert.match(await after.successBanner.innerText(), /Organisation dissolved/);
    assert.equal(await after.row(COMMITTEES, 'Appeals and Reviews Sub-Committee').count(), 0);
    const dissolved = await after.rows('Dissolved');
    assert.equal(dissolved.length, 1);
    assert.deepEqual(dissolved[0]?.slice(0, 3), [
      'Appeals and Reviews Sub-Committee',
      'Sub-committee',
      'Not recorded',
    ]);
    await checkAccessibility(page, 'the organisations list with a dissolved organisation');
  });

  test('adding a ward lists each mistake, then adds it with its seats; editing it', async () => {
    const list = await OrganisationsPage.verifyOnPage(page);
    await clickAndLoad(page, list.addWardButton);
    const form = await AddWardPage.verifyOnPage(page);
    assert.equal((await form.council.locator('option:checked').innerText()).trim(), COUNCIL_NAME);
    await checkAccessibility(page, 'the add-a-ward form');
    await form.add({ name: 'Riverside', gssCode: 'E0512' });

    const again = await AddWardPage.verifyOnPage(page);
    await waitForFocusOnErrorSummary(page);
    assert.deepEqual(await again.errorSummaryLinks(), [
      { text: 'Enter a GSS code in the correct format, like E05012345', href: '#gssCode' },
      { text: 'Select how many councillors the ward elects', href: '#seats' },
    ]);
    assert.equal(await again.name.inputValue(), 'Riverside');
    assert.equal(await again.gssCode.inputValue(), 'E0512');
    await checkAccessibility(page, 'the add-a-ward form with errors');
    await saveScreenshot(page, 'organisations-ward-errors');

    await again.add({ name: 'Riverside', gssCode: 'E05012345', seats: '2' });
    const added = await OrganisationsPage.verifyOnPage(page);
    assert.match(
      await added.successBanner.innerText(),
      /Riverside ward has been added with 2 seats/,
    );
    assert.deepEqual((await added.row('Wards', 'Riverside').innerText()).split(/\s+/).slice(0, 4), [
      'Riverside',
      'E05012345',
      '2',
      '2',
    ]);

    await added.act('Edit', 'Riverside');
    const edit = await EditWardPage.verifyOnPage(page, 'Riverside');
    await checkAccessibility(page, 'the edit-a-ward form');
    await edit.save({ name: 'Riverside and Docks', gssCode: 'E05012346' });
    const saved = await OrganisationsPage.verifyOnPage(page);
    assert.match(await saved.successBanner.innerText(), /Ward updated/);
    assert.equal(await saved.row('Wards', 'Riverside and Docks').count(), 1);
    assert.deepEqual(scriptErrors, []);
  });
});
