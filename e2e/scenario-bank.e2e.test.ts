import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DashboardPage, SignInPage } from './pages/index.js';
import {
  MyScenariosPage,
  ScenarioBankPage,
  ScenarioFormPage,
  ScenarioPage,
  ScenarioSetsPage,
} from './pages/scenario-bank-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  watchForScriptErrors,
} from './support/browser.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import { findVersionInForce, listItems } from '../src/features/code-of-conduct/index.js';
import { authorityIdOf, createCodeVersion } from '../src/features/code-of-conduct/testing.js';
import { seedDemoScenarios } from '../src/seed/demo-scenarios.js';

/**
 * The scenario bank in the browser, on the demo council with its demo scenarios: the Monitoring
 * Officer filters the bank, adds a scenario (after an error) and a set counting towards the code
 * of conduct course; a councillor works through the set, gets feedback and completes it; the
 * Monitoring Officer sees the answers in total, without names. Every page passes axe.
 */
describe('scenario bank', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    await seedDemoScenarios(server.db, await authorityIdOf(server.db, 'demo-city'));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInAs(role: string): Promise<Page> {
    const context = await newContext(browser, server.baseURL);
    const page = await context.newPage();
    const account = demoAccount(role);
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
    return page;
  }

  const TITLE = 'A councillor’s blog about a tender';

  test('the Monitoring Officer filters the bank, adds a scenario and a set', async () => {
    const page = await signedInAs('monitoring-officer');
    const errors = watchForScriptErrors(page);
    const bank = await ScenarioBankPage.open(page);
    assert.ok((await bank.titles()).length >= 12);
    await checkAccessibility(page, 'the scenario bank');
    await bank.filterByTopic('Gifts and hospitality');
    const gifts = await bank.titles();
    assert.ok(gifts.includes('A hamper before the planning meeting'));
    assert.ok(!gifts.includes('A post about a planning officer'));

    const form = await bank.addScenario();
    await checkAccessibility(page, 'the new scenario form');
    await form.save();
    assert.ok((await form.errorSummaryLinks()).some((l) => l.href === '#title'));
    await checkAccessibility(page, 'the scenario form with errors');
    await form.fill({
      title: TITLE,
      situation:
        'A councillor writes on his blog which firm he hopes will win a tender the council is running.',
      topics: ['Confidentiality', 'Use of position'],
      acceptable: false,
      paragraphs: ['4.2', '6.1'],
      choices: [
        {
          text: 'Take the post down and ask the procurement team for advice',
          right: true,
          feedback: 'It limits the harm to a fair competition.',
        },
        {
          text: 'Leave it: it is only an opinion',
          right: false,
          feedback: 'Bidders could think the result was settled.',
        },
      ],
      modelAnswer: 'Not acceptable while the tender is open.',
      explanation: 'Members must not use their position to advantage one bidder.',
      status: 'Published',
    });
    await form.save();
    const scenario = await ScenarioPage.verifyOnPage(page, TITLE);
    assert.match(await scenario.successBanner.innerText(), /Scenario added/);
    assert.deepEqual(
      await scenario.paragraphLinks.evaluateAll((links) =>
        links.map((a) => a.getAttribute('href')),
      ),
      ['/code/demo-city/2#para-4-2', '/code/demo-city/2#para-6-1'],
    );
    await checkAccessibility(page, 'a scenario');
    await page.getByRole('link', { name: 'Change the scenario' }).click();
    await ScenarioFormPage.verifyOnPage(page, 'Change the scenario');
    await checkAccessibility(page, 'the scenario edit form');

    const sets = await ScenarioSetsPage.open(page);
    await checkAccessibility(page, 'the scenario sets');
    await page.getByRole('link', { name: 'Add a set' }).click();
    await checkAccessibility(page, 'the new set form');
    await page.goBack();
    await sets.addSet(
      'Tenders and bidders',
      'Our code of conduct, for each political group (Member Development Programme 2026/27)',
    );
    await sets.addScenario(TITLE);
    assert.deepEqual(await sets.scenarioTitles(), [TITLE]);
    await checkAccessibility(page, 'a scenario set');
    await page.getByRole('link', { name: 'Change the set' }).click();
    await checkAccessibility(page, 'the set edit form');
    assert.deepEqual(errors, []);
  });

  test('a councillor works through the set, gets feedback and completes it', async () => {
    const page = await signedInAs('member');
    const errors = watchForScriptErrors(page);
    const mine = await MyScenariosPage.open(page);
    assert.equal(await mine.progressOf('Tenders and bidders'), '0 of 1 answered');
    await checkAccessibility(page, 'my scenarios');
    await mine.openSet('Tenders and bidders');
    await checkAccessibility(page, 'my scenario set');
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Check my answer' }).waitFor();
    await checkAccessibility(page, 'a scenario to answer');
    await mine.answer({ paragraphs: ['6.1'] });
    assert.ok((await mine.errorSummaryLinks()).some((l) => l.href === '#acceptable'));
    await checkAccessibility(page, 'a scenario answered with errors');
    await mine.answer({
      acceptable: true,
      choice: 'Take the post down and ask the procurement team for advice',
    });
    assert.deepEqual(await mine.verdicts(), ['Not quite', 'Not quite', 'Right']);
    assert.match(await page.locator('main').innerText(), /Set completed/);
    assert.match(await page.locator('main').innerText(), /you missed it/);
    await checkAccessibility(page, 'feedback on an answer');
    const again = await MyScenariosPage.open(page);
    assert.equal(await again.progressOf('Tenders and bidders'), '1 of 1 answered');
    assert.deepEqual(errors, []);
  });

  test('the Monitoring Officer sees the answers in total, without names', async () => {
    const page = await signedInAs('monitoring-officer');
    await ScenarioBankPage.open(page);
    await page.getByRole('link', { name: TITLE }).click();
    const scenario = await ScenarioPage.verifyOnPage(page, TITLE);
    await scenario.openAnswers();
    const text = await page.locator('main').innerText();
    assert.match(text, /1 member has answered/);
    const member = demoAccount('member');
    assert.ok(!text.includes(member.name) && !text.includes(member.email));
    await checkAccessibility(page, 'the answers to a scenario');
  });

  test('a scenario whose paragraph the new code changed is flagged, and marked reviewed', async () => {
    const db = server.db;
    const city = await authorityIdOf(db, 'demo-city');
    const current = (await findVersionInForce(db, city))!;
    const drafts = (await listItems(db, current.id)).map((i) => ({
      kind: i.kind,
      depth: i.depth,
      heading: i.heading,
      body: i.anchor === 'para-6-1' ? `${i.body ?? ''} That includes favours for friends.` : i.body,
      origin: i.origin,
      lineage: i.lineage,
    }));
    await db
      .updateTable('code_versions')
      .set({ status: 'superseded', superseded_on: '2026-11-01' })
      .where('id', '=', current.id)
      .execute();
    await createCodeVersion(db, {
      authorityId: city,
      status: 'in-force',
      items: drafts,
      inForceFrom: '2026-11-01',
    });

    const page = await signedInAs('monitoring-officer');
    await page.goto('/admin/scenarios?review=yes');
    const bank = await ScenarioBankPage.verifyOnPage(page);
    const flagged = await bank.titles();
    assert.ok(flagged.includes('A parking ticket and a quiet word'));
    assert.ok(!flagged.includes('A hamper before the planning meeting'));
    await checkAccessibility(page, 'the bank filtered to scenarios needing review');
    await page.getByRole('link', { name: 'A parking ticket and a quiet word' }).click();
    await ScenarioPage.verifyOnPage(page, 'A parking ticket and a quiet word');
    assert.match(await page.locator('main').innerText(), /Changed since linked/);
    await checkAccessibility(page, 'a scenario needing review');
    await page.getByRole('button', { name: 'Mark as reviewed' }).click();
    await ScenarioPage.verifyOnPage(page, 'A parking ticket and a quiet word');
    assert.doesNotMatch(
      await page.locator('main').innerText(),
      /Changed since linked|Needs review/,
    );
  });
});
