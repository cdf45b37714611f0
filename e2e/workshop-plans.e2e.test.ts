import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SignInPage } from './pages/index.js';
import {
  RunSheetPage,
  WorkshopFormPage,
  WorkshopPlanPage,
  WorkshopPlansPage,
} from './pages/workshop-plans-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { assertNoHorizontalScroll, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import { seedDemoWorkshops } from '../src/seed/demo-workshops.js';

const PLAN = 'Browser test: standards refresher';
const PHONE = { width: 375, height: 667 };
const CODE_COURSE = 'Our code of conduct, for each political group';

/**
 * Workshop plans in a browser: the Monitoring Officer reads the demo plans, makes a new one
 * (its errors first), builds its agenda until it adds up, adds an example, a source and code
 * paragraphs, and chooses a course's plan; a facilitator reads and prints a session's run
 * sheet. Every page, and every error page, passes axe. Each test carries on from the one before.
 */
describe('workshop plans and run sheets', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptErrors: string[];
  let city: number;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    city = (
      await server.db
        .selectFrom('authorities')
        .select('id')
        .where('slug', '=', 'demo-city')
        .executeTakeFirstOrThrow()
    ).id;
    const seeded = await server.db
      .selectFrom('workshop_plans')
      .select('id')
      .where('authority_id', '=', city)
      .executeTakeFirst();
    if (!seeded) await server.db.transaction().execute((trx) => seedDemoWorkshops(trx, city));
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

  test('the demo plans, and one plan with its agenda, paragraphs, examples and sources', async () => {
    const list = await WorkshopPlansPage.open(page);
    await checkAccessibility(page, 'the workshop plans');
    assert.deepEqual(await list.row('Effective Member/Officer Relations'), [
      'Effective Member/Officer Relations',
      '2 hours',
      '9 items, 120 minutes',
      '1',
      'Nothing',
    ]);
    await list.follow('Effective Member/Officer Relations');
    const plan = await WorkshopPlanPage.verifyOnPage(page, 'Effective Member/Officer Relations');
    assert.match(
      await plan.agendaTotal.innerText(),
      /The agenda adds up to 120 minutes, the length of the workshop/,
    );
    const text = await plan.mainText();
    assert.match(text, /Committee on Standards in Public Life/);
    assert.match(text, /Members and officers working well together/);
    assert.match(text, /3\.1/);
    await checkAccessibility(page, 'a demo plan');
    await saveScreenshot(page, 'workshop-plan');
  });

  test('a new plan: errors first, then an agenda built until it adds up', async () => {
    const list = await WorkshopPlansPage.open(page);
    await list.press('Add a workshop plan');
    let form = await WorkshopFormPage.verifyOnPage(page, 'New workshop plan');
    await checkAccessibility(page, 'the new plan form');
    await form.press('Save the plan');
    form = await WorkshopFormPage.verifyOnPage(page, 'New workshop plan');
    await waitForFocusOnErrorSummary(page);
    assert.deepEqual(await form.errorTexts(), [
      'Enter the title of the workshop',
      'Enter how long the workshop lasts, in minutes',
    ]);
    await checkAccessibility(page, 'the new plan form with errors');
    await form.fill('Title', PLAN);
    await form.fill('Length in minutes', '60');
    await form.press('Save the plan');
    let plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    assert.match(
      await plan.agendaTotal.innerText(),
      /The agenda has no items yet but the workshop lasts 60 minutes/,
    );
    await checkAccessibility(page, 'a new empty plan');

    for (const [title, minutes] of [
      ['Welcome', '10'],
      ['The code in practice', '30'],
    ] as const) {
      await plan.follow('Add an agenda item');
      form = await WorkshopFormPage.verifyOnPage(page, 'Add an agenda item');
      await form.fill('What happens', title);
      await form.fill('Minutes it takes', minutes);
      await form.fill('Notes for the facilitator (optional)', `Notes for ${title}`);
      await form.press('Save');
      plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    }
    assert.match(
      await plan.agendaTotal.innerText(),
      /The agenda adds up to 40 minutes but the workshop lasts 60 minutes: 20 minutes are not planned/,
    );
    await checkAccessibility(page, 'a plan whose agenda falls short');

    await plan.follow('Add an agenda item');
    form = await WorkshopFormPage.verifyOnPage(page, 'Add an agenda item');
    await form.fill('Minutes it takes', 'twenty');
    await form.press('Save');
    form = await WorkshopFormPage.verifyOnPage(page, 'Add an agenda item');
    assert.deepEqual(await form.errorTexts(), [
      'Enter what the item is',
      'Enter a whole number of minutes, like 20',
    ]);
    await checkAccessibility(page, 'the agenda item form with errors');
    await form.fill('What happens', 'Scenarios');
    await form.fill('Minutes it takes', '20');
    await form.press('Save');
    plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    assert.match(
      await plan.agendaTotal.innerText(),
      /The agenda adds up to 60 minutes, the length of the workshop/,
    );
    await plan.itemAction('Move up', 'Scenarios');
    plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    assert.deepEqual(await plan.agendaTitles(), ['Welcome', 'Scenarios', 'The code in practice']);
    await checkAccessibility(page, 'a plan whose agenda adds up');

    await plan.follow('Change Welcome');
    form = await WorkshopFormPage.verifyOnPage(page, 'Change the agenda item');
    await checkAccessibility(page, 'changing an agenda item');
    await form.fill('Minutes it takes', '15');
    await form.press('Save');
    plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    assert.match(await plan.agendaTotal.innerText(), /it runs 5 minutes over/);
  });

  test('examples, sources and code paragraphs; the plan changed', async () => {
    let plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    await plan.follow('Add an example');
    let form = await WorkshopFormPage.verifyOnPage(page, 'Add an example of conduct');
    await form.press('Save');
    form = await WorkshopFormPage.verifyOnPage(page, 'Add an example of conduct');
    await checkAccessibility(page, 'the example form with errors');
    await form.choose('Not acceptable');
    await form.fill('The example', 'Calling an officer useless in a public meeting.');
    await form.press('Save');

    plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    await plan.follow('Add a source');
    form = await WorkshopFormPage.verifyOnPage(page, 'Add a source of guidance');
    await form.fill('Title', 'The Seven Principles of Public Life');
    await form.fill('Link (optional)', 'gov.uk');
    await form.press('Save');
    form = await WorkshopFormPage.verifyOnPage(page, 'Add a source of guidance');
    assert.deepEqual(await form.errorTexts(), ['Enter the link starting with https://']);
    await checkAccessibility(page, 'the source form with errors');
    await form.fill(
      'Link (optional)',
      'https://www.gov.uk/government/publications/the-7-principles-of-public-life',
    );
    await form.press('Save');

    plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    await plan.follow('Choose the paragraphs');
    form = await WorkshopFormPage.verifyOnPage(page, 'Paragraphs of the code the workshop covers');
    await checkAccessibility(page, 'choosing paragraphs');
    await page.locator('input[value="para-1-1"]').check();
    await page.locator('input[value="para-3-1"]').check();
    await form.press('Save the paragraphs');
    plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    const text = await plan.mainText();
    assert.match(text, /The plan covers 2 paragraphs of the code in force/);
    assert.match(text, /Calling an officer useless/);
    assert.match(text, /The Seven Principles of Public Life/);
    await checkAccessibility(page, 'a plan with examples, sources and paragraphs');

    await plan.follow('Change the title, purposes or length');
    form = await WorkshopFormPage.verifyOnPage(page, 'Change the workshop plan');
    await checkAccessibility(page, 'changing a plan');
    await form.fill('Length in minutes', '65');
    await form.press('Save the plan');
    plan = await WorkshopPlanPage.verifyOnPage(page, PLAN);
    assert.match(await plan.agendaTotal.innerText(), /adds up to 65 minutes, the length/);
  });

  test('a course’s plan is chosen, and a facilitator reads and prints the run sheet', async () => {
    const course = await server.db
      .selectFrom('courses')
      .select('id')
      .where('title', '=', CODE_COURSE)
      .executeTakeFirstOrThrow();
    await page.goto(`/admin/courses/${course.id}/workshop`);
    const form = await WorkshopFormPage.verifyOnPage(page, 'Workshop plan for the course');
    await checkAccessibility(page, 'choosing a course’s plan');
    await form.choose(PLAN);
    await form.press('Save');
    assert.equal(new URL(page.url()).pathname, `/admin/courses/${course.id}`);
    await page.goto(`/admin/courses/${course.id}/workshop`);
    await WorkshopFormPage.verifyOnPage(page, 'Workshop plan for the course');
    assert.equal(await page.getByLabel(PLAN).isChecked(), true);

    const session = await server.db
      .selectFrom('training_sessions as s')
      .innerJoin('organisations as g', 'g.id', 's.group_id')
      .select(['s.id', 'g.name'])
      .where('s.course_id', '=', course.id)
      .where('s.starts_at', 'is not', null)
      .orderBy('s.starts_at')
      .executeTakeFirstOrThrow();
    const facilitator = await server.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', demoAccount('facilitator').email)
      .executeTakeFirstOrThrow();
    await server.db
      .insertInto('session_facilitators')
      .values({ session_id: session.id, person_id: facilitator.id, role: 'Member peer' })
      .onConflict((oc) => oc.doNothing())
      .execute();

    const other = await newContext(browser, server.baseURL);
    try {
      const facilitatorPage = await other.newPage();
      const account = demoAccount('facilitator');
      await (await SignInPage.open(facilitatorPage)).signIn(account.email, DEMO_PASSWORD);
      const sheet = await RunSheetPage.open(
        facilitatorPage,
        session.id,
        `${CODE_COURSE} (${session.name})`,
      );
      const rows = await sheet.rows();
      assert.equal(rows.length, 3);
      assert.match(rows[0]![0]!, /^\d{1,2}:\d{2}(am|pm) to \d{1,2}:\d{2}(am|pm)$/);
      assert.match(rows[0]![1]!, /Welcome Notes for Welcome/);
      await checkAccessibility(facilitatorPage, 'the run sheet');
      await saveScreenshot(facilitatorPage, 'run-sheet');
      const printButton = facilitatorPage.getByRole('button', { name: 'Print the run sheet' });
      await printButton.waitFor();
      assert.equal(await printButton.isVisible(), true, 'the print button appears with JavaScript');
      await facilitatorPage.emulateMedia({ media: 'print' });
      assert.equal(await facilitatorPage.locator('.govuk-service-navigation').isVisible(), false);
      assert.equal(await facilitatorPage.locator('.govuk-back-link').isVisible(), false);
      assert.equal(await printButton.isVisible(), false, 'the button itself is not printed');
      assert.equal(await facilitatorPage.locator('.probity-run-sheet__agenda').isVisible(), true);
      await facilitatorPage.emulateMedia({ media: 'screen' });
      await facilitatorPage.setViewportSize(PHONE);
      await checkAccessibility(facilitatorPage, 'the run sheet on a phone');
      await saveScreenshot(facilitatorPage, 'run-sheet-phone');
      await assertNoHorizontalScroll(facilitatorPage, PHONE.width);

      // A session whose course follows no plan says so.
      const planless = await server.db
        .selectFrom('training_sessions as s')
        .innerJoin('courses as c', 'c.id', 's.course_id')
        .select(['s.id', 'c.title'])
        .where('c.workshop_plan_id', 'is', null)
        .where('s.group_id', 'is', null)
        .orderBy('s.id')
        .executeTakeFirstOrThrow();
      await server.db
        .insertInto('session_facilitators')
        .values({ session_id: planless.id, person_id: facilitator.id, role: 'Trainer' })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const none = await RunSheetPage.open(facilitatorPage, planless.id, planless.title);
      assert.match(await none.mainText(), /does not follow a workshop plan yet/);
      await checkAccessibility(facilitatorPage, 'a run sheet without a plan');
    } finally {
      await other.close();
    }
    assert.deepEqual(scriptErrors, []);
  });
});
