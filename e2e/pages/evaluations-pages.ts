import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/courses/<id>/evaluation: the questions a course asks after its sessions. */
export class EvaluationQuestionsPage extends AbstractPage {
  static readonly title = 'Evaluation questions';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<EvaluationQuestionsPage> {
    await verifyHeading(page, EvaluationQuestionsPage.title);
    return new EvaluationQuestionsPage(page);
  }

  static async open(page: Page, courseId: number): Promise<EvaluationQuestionsPage> {
    await page.goto(`/admin/courses/${courseId}/evaluation`);
    return EvaluationQuestionsPage.verifyOnPage(page);
  }

  async useStandardQuestions(): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: 'Use the standard questions' }),
    );
  }

  /** The questions asked, in order, as their headings ("1. Overall, ..."). */
  async questions(): Promise<string[]> {
    return (await this.page.locator('#questions h2').allInnerTexts()).map((t) => t.trim());
  }

  /** A question's button, such as "Move up" or "Retire", by the question's number. */
  button(name: string, number: number): Locator {
    return this.page.getByRole('button', { name: `${name} question ${number}`, exact: true });
  }

  async press(name: string, number: number): Promise<void> {
    await clickAndLoad(this.page, this.button(name, number));
  }

  async addQuestion(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Add a question' }));
  }
}

/** /admin/courses/<id>/evaluation/new and .../<questionId>/edit. */
export class QuestionFormPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page, title: string): Promise<QuestionFormPage> {
    await verifyHeading(page, title);
    return new QuestionFormPage(page);
  }

  async fill(prompt: string, kind?: string, required?: string): Promise<void> {
    await this.page.getByLabel('Question', { exact: true }).fill(prompt);
    if (kind) await this.page.getByLabel(kind, { exact: true }).check();
    if (required) await this.page.getByLabel(required, { exact: true }).check();
  }

  async save(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Save the question' }));
  }
}

/** /my/evaluations: sessions waiting for my evaluation, and those sent. */
export class MyEvaluationsPage extends AbstractPage {
  static readonly path = '/my/evaluations';
  static readonly title = 'Your evaluations';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<MyEvaluationsPage> {
    await verifyHeading(page, MyEvaluationsPage.title);
    return new MyEvaluationsPage(page);
  }

  static async open(page: Page): Promise<MyEvaluationsPage> {
    await page.goto(MyEvaluationsPage.path);
    return MyEvaluationsPage.verifyOnPage(page);
  }

  evaluateLink(title: string): Locator {
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('link', {
      name: new RegExp(`^(Continue evaluating|Evaluate) ${escaped}`),
    });
  }

  /** What the "Sent" list says. */
  async sent(): Promise<string> {
    return this.page.locator('#sent + ul, #sent + p').innerText();
  }
}

/** /my/evaluations/<sessionId>: the start of an evaluation, or that it was sent. */
export class EvaluationStartPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<EvaluationStartPage> {
    await verifyHeading(page, /^Evaluate /);
    return new EvaluationStartPage(page);
  }

  async start(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: /^(Start|Continue)/ }));
  }
}

/** /my/evaluations/<sessionId>/<n>: one question on its own screen. */
export class EvaluationQuestionPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page, prompt: string): Promise<EvaluationQuestionPage> {
    await verifyHeading(page, prompt);
    return new EvaluationQuestionPage(page);
  }

  async rate(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  async write(text: string): Promise<void> {
    await this.page.locator('#answer').fill(text);
  }

  async chosen(): Promise<string | null> {
    const checked = this.page.locator('input[name="answer"]:checked');
    return (await checked.count()) === 0 ? null : checked.getAttribute('value');
  }

  async save(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: /^Save/ }));
  }

  async back(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Back', exact: true }));
  }
}

/** /my/evaluations/<sessionId>/check: every answer, with change links, and send. */
export class CheckAnswersPage extends AbstractPage {
  static readonly title = 'Check your answers';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<CheckAnswersPage> {
    await verifyHeading(page, CheckAnswersPage.title);
    return new CheckAnswersPage(page);
  }

  /** Each question and its answer, as shown. */
  async answers(): Promise<[string, string][]> {
    return this.page
      .locator('#answers .govuk-summary-list__row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          (row.querySelector('dt')?.textContent ?? '').trim(),
          (row.querySelector('dd')?.textContent ?? '').trim(),
        ]),
      ) as Promise<[string, string][]>;
  }

  async change(n: number): Promise<void> {
    await clickAndLoad(this.page, this.page.locator(`#question-${n}`));
  }

  async send(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Send my evaluation' }));
  }
}

/** /admin/sessions|courses|programmes/<id>/evaluations: results without names. */
export class EvaluationResultsPage extends AbstractPage {
  readonly csvLink: Locator;

  private constructor(page: Page) {
    super(page);
    this.csvLink = page.getByRole('link', { name: /^Download these results/ });
  }

  static async verifyOnPage(page: Page, title: string): Promise<EvaluationResultsPage> {
    await verifyHeading(page, `Evaluations: ${title}`);
    return new EvaluationResultsPage(page);
  }

  async counts(): Promise<string[]> {
    return this.page.locator('.probity-evaluation-results__count').allInnerTexts();
  }
}
