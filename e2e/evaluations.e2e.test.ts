import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAndLoad, DashboardPage, SignInPage } from './pages/index.js';
import {
  CheckAnswersPage,
  EvaluationQuestionPage,
  EvaluationQuestionsPage,
  EvaluationResultsPage,
  EvaluationStartPage,
  MyEvaluationsPage,
  QuestionFormPage,
} from './pages/evaluations-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { assertNoHorizontalScroll, pathOf, waitForFocusOnErrorSummary } from './support/checks.js';
import { demoAccount, DEMO_PASSWORD, startServer, type TestServer } from './support/server.js';
import { attend, evaluatedSession } from '../src/features/evaluations/test-support.js';
import { createCourse } from '../src/features/member-development/testing.js';

const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 900 };
const COURSE = 'Standards and probity (browser test)';
const COMMENT = 'The scenario about a gift from a developer made me think';

/**
 * Evaluations: the Monitoring Officer sets a course's questions; a councillor who came to a
 * session evaluates it on a phone, one question per screen, going back and changing an answer,
 * and sends it once; the results show counts, a chart and comments without names. Every page
 * passes axe, on a phone-sized screen as well as a desktop one.
 */
describe('evaluating a training session', () => {
  let server: TestServer;
  let browser: Browser;
  let ids: { programmeId: number; courseId: number; sessionId: number };
  let emptyCourse: number;

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
    ids = await evaluatedSession(server.db, city.id, { courseTitle: COURSE, endedMinutesAgo: 60 });
    emptyCourse = await createCourse(server.db, ids.programmeId, {
      title: 'Chairing a meeting (browser test)',
    });
    await attend(server.db, ids.sessionId, await personId(demoAccount('member').email));
    await server.db
      .insertInto('session_facilitators')
      .values({
        session_id: ids.sessionId,
        person_id: await personId(demoAccount('facilitator').email),
        role: 'Trainer',
      })
      .execute();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInAs(
    role: string,
    viewport = PHONE,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.baseURL, { viewport });
    const page = await context.newPage();
    const account = demoAccount(role);
    await (await SignInPage.open(page)).signIn(account.email, DEMO_PASSWORD);
    await DashboardPage.verifyOnPage(page);
    return { context, page };
  }

  test('the Monitoring Officer starts from the standard questions and adds one', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await signedInAs('monitoring-officer', viewport);
      try {
        const scriptErrors = watchForScriptErrors(page);
        let questions = await EvaluationQuestionsPage.open(page, emptyCourse);
        await checkAccessibility(page, `the course's questions, empty (${viewport.width}px)`);
        if (viewport === PHONE) {
          await assertNoHorizontalScroll(page, PHONE.width);
          const listed = await questions.questions();
          assert.equal(listed.length, 5);
          await checkAccessibility(page, 'the course’s questions on a phone');
          await clickAndLoad(page, page.getByRole('link', { name: 'Change question 1' }));
          await QuestionFormPage.verifyOnPage(page, 'Change the question');
          assert.equal(
            await page.getByLabel('Question', { exact: true }).inputValue(),
            'Overall, how would you rate the session?',
          );
          await checkAccessibility(page, 'the question form on a phone');
          await assertNoHorizontalScroll(page, PHONE.width);
          continue;
        }
        await questions.useStandardQuestions();
        questions = await EvaluationQuestionsPage.verifyOnPage(page);
        assert.match(await questions.successBanner.innerText(), /5 standard questions/);
        assert.equal(
          (await questions.questions())[0],
          '1. Overall, how would you rate the session?',
        );
        await checkAccessibility(page, 'the course’s questions');

        await questions.addQuestion();
        let form = await QuestionFormPage.verifyOnPage(page, 'Add a question');
        await checkAccessibility(page, 'the new question form');
        await form.save();
        form = await QuestionFormPage.verifyOnPage(page, 'Add a question');
        await waitForFocusOnErrorSummary(page);
        assert.deepEqual(
          (await form.errorSummaryLinks()).map((l) => l.href),
          ['#prompt', '#kind'],
        );
        await checkAccessibility(page, 'the new question form with errors');
        await form.fill('Was the room easy to get to?', 'Rating from 1 to 5');
        await form.save();
        questions = await EvaluationQuestionsPage.verifyOnPage(page);
        assert.equal((await questions.questions())[5], '6. Was the room easy to get to?');
        await questions.press('Move up', 6);
        questions = await EvaluationQuestionsPage.verifyOnPage(page);
        assert.equal((await questions.questions())[4], '5. Was the room easy to get to?');
        await saveScreenshot(page, 'evaluation-questions');
        await questions.press('Remove', 5);
        questions = await EvaluationQuestionsPage.verifyOnPage(page);
        assert.equal((await questions.questions()).length, 5);
        assert.deepEqual(scriptErrors, []);
      } finally {
        await context.close();
      }
    }
  });

  test('a councillor evaluates the session on a phone, one question per screen, once', async () => {
    const { context, page } = await signedInAs('member');
    try {
      const scriptErrors = watchForScriptErrors(page);
      let mine = await MyEvaluationsPage.open(page);
      await checkAccessibility(page, '/my/evaluations');
      await assertNoHorizontalScroll(page, PHONE.width);
      await clickAndLoad(page, mine.evaluateLink(COURSE));
      const start = await EvaluationStartPage.verifyOnPage(page);
      await checkAccessibility(page, 'the start of an evaluation');
      await start.start();

      let q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'Overall, how would you rate the session?',
      );
      await checkAccessibility(page, 'a rating question');
      await saveScreenshot(page, 'evaluation-question-phone');
      await assertNoHorizontalScroll(page, PHONE.width);
      await q.save();
      q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'Overall, how would you rate the session?',
      );
      await waitForFocusOnErrorSummary(page);
      assert.deepEqual(await q.errorSummaryLinks(), [
        { text: 'Select a rating from 1 to 5', href: '#answer' },
      ]);
      await checkAccessibility(page, 'a rating question with an error');
      await q.rate('4 – Very good');
      await q.save();
      q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'How useful will the session be in your work as a councillor?',
      );
      // Back to the first: the answer is still there.
      await q.back();
      q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'Overall, how would you rate the session?',
      );
      assert.equal(await q.chosen(), '4');
      await q.save();
      q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'How useful will the session be in your work as a councillor?',
      );
      await q.rate('5 – Excellent');
      await q.save();
      q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'How clearly did the facilitator explain the subject?',
      );
      await q.save(); // optional: skipped
      q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'What was the most useful part of the session?',
      );
      await checkAccessibility(page, 'a free-text question');
      await assertNoHorizontalScroll(page, PHONE.width);
      await q.write(COMMENT);
      await q.save();
      q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'What would you change, or what else should the council offer?',
      );
      await q.save();

      let check = await CheckAnswersPage.verifyOnPage(page);
      await checkAccessibility(page, 'check your answers');
      await assertNoHorizontalScroll(page, PHONE.width);
      const answers = await check.answers();
      assert.deepEqual(
        answers.map((a) => a[1]),
        ['4 – Very good', '5 – Excellent', 'Not answered', COMMENT, 'Not answered'],
      );
      await check.change(2);
      q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'How useful will the session be in your work as a councillor?',
      );
      assert.equal(await q.chosen(), '5');
      await q.rate('3 – Good');
      await q.save();
      check = await CheckAnswersPage.verifyOnPage(page);
      assert.equal((await check.answers())[1]?.[1], '3 – Good');
      await check.send();

      mine = await MyEvaluationsPage.verifyOnPage(page);
      assert.match(await mine.successBanner.innerText(), /Your evaluation of .* has been sent/);
      const sent = await mine.sent();
      assert.ok(sent.startsWith(COURSE) && sent.includes('Sent on'), sent);
      await checkAccessibility(page, '/my/evaluations after sending');

      // Once sent, the questions lead back to the start page, which says so.
      await page.goto(`/my/evaluations/${ids.sessionId}/1`);
      await EvaluationStartPage.verifyOnPage(page);
      assert.equal(pathOf(page), `/my/evaluations/${ids.sessionId}`);
      assert.match(await page.locator('#already-sent').innerText(), /cannot be changed now/);
      await checkAccessibility(page, 'an evaluation already sent');
      await saveScreenshot(page, 'evaluation-sent-phone');
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  });

  test('someone who was not there gets a page that does not exist', async () => {
    const { context, page } = await signedInAs('officer');
    try {
      const response = await page.goto(`/my/evaluations/${ids.sessionId}`);
      assert.equal(response?.status(), 404);
      await checkAccessibility(page, 'the 404 page');
    } finally {
      await context.close();
    }
  });

  test('the results show counts, a chart and comments, without names, on any screen', async () => {
    const councillor = demoAccount('member').name;
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await signedInAs('monitoring-officer', viewport);
      try {
        await page.goto(`/admin/sessions/${ids.sessionId}/evaluations`);
        let results = await EvaluationResultsPage.verifyOnPage(page, COURSE);
        assert.deepEqual(await results.counts(), ['1 response from 1 attendee (100%)']);
        assert.equal(await page.locator('svg[role="img"]').count(), 2, 'two rated questions');
        const text = await page.locator('main').innerText();
        assert.ok(text.includes(COMMENT));
        assert.ok(!text.includes(councillor), 'no names');
        await checkAccessibility(page, `the session's results (${viewport.width}px)`);
        if (viewport === PHONE) await assertNoHorizontalScroll(page, PHONE.width);

        await page.goto(`/admin/courses/${ids.courseId}/evaluations`);
        results = await EvaluationResultsPage.verifyOnPage(page, COURSE);
        await checkAccessibility(page, `the course's results (${viewport.width}px)`);
        await page.goto(`/admin/programmes/${ids.programmeId}/evaluations`);
        results = await EvaluationResultsPage.verifyOnPage(page, 'Programme (test)');
        assert.ok((await results.counts()).includes('1 response from 1 attendee (100%)'));
        await checkAccessibility(page, `the programme's results (${viewport.width}px)`);
        if (viewport === PHONE) await assertNoHorizontalScroll(page, PHONE.width);

        const csv = await page.request.get(`/admin/programmes/${ids.programmeId}/evaluations.csv`);
        assert.equal(csv.status(), 200);
        const body = await csv.text();
        assert.ok(body.includes(COMMENT));
        assert.ok(!body.includes(councillor));
        if (viewport === DESKTOP) await saveScreenshot(page, 'evaluation-results');
      } finally {
        await context.close();
      }
    }
  });

  test('the session’s facilitator reads its results', async () => {
    const { context, page } = await signedInAs('facilitator');
    try {
      await page.goto(`/admin/sessions/${ids.sessionId}/evaluations`);
      const results = await EvaluationResultsPage.verifyOnPage(page, COURSE);
      assert.deepEqual(await results.counts(), ['1 response from 1 attendee (100%)']);
      await checkAccessibility(page, 'the session’s results for its facilitator');
    } finally {
      await context.close();
    }
  });

  test('with JavaScript, a comment typed when the sign-in has timed out is not lost', async () => {
    const city = await server.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    const later = await evaluatedSession(server.db, city.id, {
      courseId: ids.courseId,
      programmeId: ids.programmeId,
      endedMinutesAgo: 20,
    });
    await attend(server.db, later.sessionId, await personId(demoAccount('member').email));
    const { context, page } = await signedInAs('member');
    try {
      const scriptErrors = watchForScriptErrors(page);
      const url = `/my/evaluations/${later.sessionId}/4`;
      await page.goto(url);
      let q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'What was the most useful part of the session?',
      );
      await q.write('Half an hour of thinking about this answer');
      // The sign-in ends while they type: the button is refused, and going back to the
      // question asks them to sign in again.
      await context.clearCookies();
      await q.save();
      assert.notEqual(pathOf(page), `/my/evaluations/${later.sessionId}/5`);
      await page.goto(url);
      const signIn = await SignInPage.verifyOnPage(page);
      await signIn.signIn(demoAccount('member').email, DEMO_PASSWORD);
      if (pathOf(page) !== url) await page.goto(url);
      q = await EvaluationQuestionPage.verifyOnPage(
        page,
        'What was the most useful part of the session?',
      );
      assert.equal(
        await page.locator('#answer').inputValue(),
        'Half an hour of thinking about this answer',
      );
      await q.save();
      await EvaluationQuestionPage.verifyOnPage(
        page,
        'What would you change, or what else should the council offer?',
      );
      const saved = await server.db
        .selectFrom('evaluation_answers as a')
        .innerJoin('evaluation_responses as r', 'r.id', 'a.response_id')
        .select('a.text')
        .where('r.session_id', '=', later.sessionId)
        .execute();
      assert.deepEqual(saved, [{ text: 'Half an hour of thinking about this answer' }]);
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  });
});
