import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, DashboardPage, SignInPage } from './pages/index.js';
import {
  GroupTopicsPage,
  GroupTrainingPage,
  LiaisonMeetingsPage,
  ProgrammeTopicsPage,
  SessionDatesPage,
  WhipSessionPage,
} from './pages/training-scheduling-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  watchForScriptErrors,
} from './support/browser.js';
import { assertNoHorizontalScroll, pathOf, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../src/features/member-development/testing.js';

const PHONE = { width: 375, height: 667 };
const COURSE = 'Code of conduct for the group (browser test)';
const YEAR = String(new Date().getFullYear() + 1);

/**
 * Agreeing a group's session date: the Monitoring Officer proposes a date (after a form with
 * errors), the group's whip accepts it on a phone, the officer confirms it; the group proposes a
 * topic and the officer answers; the officer records a standards meeting with the whip and the
 * group's leader. Every page, and every error page, passes axe.
 */
describe('scheduling group training with the whips', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let sessionId: number;
  let programmeId: number;
  let leaderName: string;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const city = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    const whip = await server.db
      .selectFrom('people as p')
      .innerJoin('memberships as m', 'm.person_id', 'p.id')
      .select('m.organisation_id')
      .where('p.email', '=', demoAccount('group-whip').email)
      .where('m.role', '=', 'whip')
      .executeTakeFirstOrThrow();
    const leader = await server.db
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.given_name', 'p.family_name'])
      .where('m.organisation_id', '=', whip.organisation_id)
      .where('m.role', '=', 'leader')
      .executeTakeFirstOrThrow();
    leaderName = `${leader.given_name} ${leader.family_name}`;
    programmeId = await createProgramme(server.db, city.id, {
      title: 'Member development (browser test)',
      status: 'running',
      approved_on: '2026-05-01',
      approval_reference: 'MO decision (browser test)',
      starts_on: '2026-05-20',
      ends_on: `${YEAR}-05-19`,
    });
    const courseId = await createCourse(server.db, programmeId, {
      title: COURSE,
      audience: 'political-group',
      mandatory: true,
    });
    sessionId = await createTrainingSession(server.db, courseId, {
      group_id: whip.organisation_id,
    });
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function signedInAs(role: string, viewport?: typeof PHONE): Promise<Page> {
    const context = await newContext(browser, server.baseURL, viewport ? { viewport } : {});
    contexts.push(context);
    const page = await context.newPage();
    const account = demoAccount(role);
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
    return page;
  }

  let mo: Page;

  test('the Monitoring Officer proposes a date, after being told what is missing', async () => {
    mo = await signedInAs('monitoring-officer');
    const scriptErrors = watchForScriptErrors(mo);
    let dates = await SessionDatesPage.open(mo, sessionId);
    await checkAccessibility(mo, 'the dates page');
    await dates.propose({ day: '16', month: '3', year: YEAR }, '', '');
    dates = await SessionDatesPage.verifyOnPage(mo);
    await waitForFocusOnErrorSummary(mo);
    assert.deepEqual(await dates.errorSummaryLinks(), [
      { text: 'Enter the start time', href: '#startTime' },
      { text: 'Enter the end time', href: '#endTime' },
    ]);
    await checkAccessibility(mo, 'the dates page with errors');
    await dates.propose({ day: '16', month: '3', year: YEAR }, '18:00', '19:30');
    dates = await SessionDatesPage.verifyOnPage(mo);
    assert.match(await dates.successBanner.innerText(), /Date proposed/);
    assert.match(await mo.locator('table').innerText(), /Waiting for the whip/);
    await checkAccessibility(mo, 'the dates page with a proposal');
    assert.deepEqual(scriptErrors, []);
  });

  test('the whip accepts the date on a phone', async () => {
    const whip = await signedInAs('group-whip', PHONE);
    const list = await GroupTrainingPage.open(whip);
    await checkAccessibility(whip, '/group-training');
    await assertNoHorizontalScroll(whip, PHONE.width);
    await clickAndLoad(whip, list.answerLink(COURSE));
    const session = await WhipSessionPage.verifyOnPage(whip, COURSE);
    assert.equal(pathOf(whip), `/group-training/sessions/${sessionId}`);
    await checkAccessibility(whip, 'the whip’s session page');
    await session.acceptFirst('Suits the group');
    await WhipSessionPage.verifyOnPage(whip, COURSE);
    assert.match(await session.successBanner.innerText(), /Date accepted/);
    await checkAccessibility(whip, 'the whip’s session page after accepting');

    const topics = await GroupTopicsPage.open(whip);
    await checkAccessibility(whip, '/group-training/topics');
    await topics.propose('', '');
    await GroupTopicsPage.verifyOnPage(whip);
    await waitForFocusOnErrorSummary(whip);
    await checkAccessibility(whip, '/group-training/topics with errors');
    await topics.propose('Handling abuse online (browser test)', 'Members have been targeted');
    await GroupTopicsPage.verifyOnPage(whip);
    assert.match(await topics.successBanner.innerText(), /Topic proposed/);
    await checkAccessibility(whip, '/group-training/topics with a proposal');
  });

  test('the Monitoring Officer confirms the agreed date and answers the topic', async () => {
    let dates = await SessionDatesPage.open(mo, sessionId);
    await dates.confirm(new RegExp(`16 March ${YEAR}`));
    dates = await SessionDatesPage.verifyOnPage(mo);
    assert.match(await dates.successBanner.innerText(), /Session confirmed/);
    assert.match(await dates.status().innerText(), /Confirmed/);
    await checkAccessibility(mo, 'the dates page once confirmed');

    // The topic went to the council's programme in force (the demo's own, as it happens).
    const proposal = await server.db
      .selectFrom('topic_proposals')
      .select('programme_id')
      .where('topic', '=', 'Handling abuse online (browser test)')
      .executeTakeFirstOrThrow();
    const topics = await ProgrammeTopicsPage.open(mo, proposal.programme_id);
    await checkAccessibility(mo, 'the programme’s topics');
    await clickAndLoad(mo, topics.answerLink('Handling abuse online (browser test)'));
    await checkAccessibility(mo, 'answering a topic');
    await topics.answer(null, '');
    await waitForFocusOnErrorSummary(mo);
    await checkAccessibility(mo, 'answering a topic with errors');
    await topics.answer('Decline it', 'Covered by the code of conduct session');
    await ProgrammeTopicsPage.verifyOnPage(mo);
    assert.match(await topics.successBanner.innerText(), /Proposal declined/);
    await checkAccessibility(mo, 'the programme’s topics after an answer');
  });

  test('the Monitoring Officer records a standards meeting with the whip and leader', async () => {
    const meetings = await LiaisonMeetingsPage.open(mo);
    await checkAccessibility(mo, '/admin/liaison-meetings');
    await meetings.startRecording();
    await checkAccessibility(mo, 'the meeting form');
    await meetings.record({ day: '', month: '', year: '' }, [], '');
    await waitForFocusOnErrorSummary(mo);
    await checkAccessibility(mo, 'the meeting form with errors');
    await meetings.record(
      { day: '2', month: '11', year: '2026' },
      [demoAccount('group-whip').name, leaderName],
      'Talked about social media.',
    );
    assert.match(pathOf(mo), /^\/admin\/liaison-meetings\/\d+$/);
    assert.match(await mo.locator('h1').innerText(), /Standards meeting on 2 November 2026/);
    assert.match(await mo.locator('main').innerText(), new RegExp(leaderName));
    await checkAccessibility(mo, 'a standards meeting');
  });
});
