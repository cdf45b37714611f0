import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/sessions/<id>/live: a session's live scenarios, for its facilitator. */
export class LiveSessionPage extends AbstractPage {
  static readonly title = 'Live scenarios';

  readonly openNow: Locator;

  private constructor(page: Page) {
    super(page);
    this.openNow = page.locator('h2:has-text("Open now") + p');
  }

  static async verifyOnPage(page: Page): Promise<LiveSessionPage> {
    await verifyHeading(page, LiveSessionPage.title);
    return new LiveSessionPage(page);
  }

  static async open(page: Page, sessionId: number): Promise<LiveSessionPage> {
    await page.goto(`/admin/sessions/${sessionId}/live`);
    return LiveSessionPage.verifyOnPage(page);
  }

  async openScenario(title: string): Promise<void> {
    await this.page
      .getByRole('group', { name: /^Published scenarios/ })
      .getByLabel(title, { exact: true })
      .check();
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Open this scenario' }));
  }

  /** The titles of the scenarios run (and closed) in the session. */
  async pastTitles(): Promise<string[]> {
    return (await this.page.locator('.probity-live-past h3').allInnerTexts()).map((t) => t.trim());
  }
}

/** /admin/sessions/<id>/live/<liveId>: the projector view of one scenario. */
export class ProjectorPage extends AbstractPage {
  readonly count: Locator;
  readonly stage: Locator;
  readonly tally: Locator;
  readonly modelAnswer: Locator;

  private constructor(page: Page) {
    super(page);
    this.count = page.locator('[data-live-count]');
    this.stage = page.locator('[data-live-region] .govuk-tag').first();
    this.tally = page.getByRole('heading', { name: /^Tally:/ });
    this.modelAnswer = page.getByRole('heading', { name: 'Model answer', exact: true });
  }

  static async verifyOnPage(page: Page, title: string): Promise<ProjectorPage> {
    await verifyHeading(page, title);
    return new ProjectorPage(page);
  }

  /** The count in a row of one of the tally's tables ('Acceptable', a choice's text). */
  async tallied(caption: string, row: string): Promise<string> {
    const table = this.page.locator('table', {
      has: this.page.locator('caption', { hasText: caption }),
    });
    return table
      .locator('tr', { has: this.page.getByRole('rowheader', { name: row }) })
      .locator('td')
      .first()
      .innerText();
  }

  async moveOn(button: string): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: button, exact: true }));
  }
}

/** /live: an attendee types the session's code. */
export class JoinLivePage extends AbstractPage {
  static readonly title = 'Join a live session';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<JoinLivePage> {
    await verifyHeading(page, JoinLivePage.title);
    return new JoinLivePage(page);
  }

  static async open(page: Page): Promise<JoinLivePage> {
    await page.goto('/live');
    return JoinLivePage.verifyOnPage(page);
  }

  async join(code: string): Promise<void> {
    await this.page.getByLabel('Session code').fill(code);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Join' }));
  }
}

/** /live/<sessionId>: an attendee's answers to the scenario open now, and earlier ones. */
export class LiveAnswerPage extends AbstractPage {
  static readonly title = 'Live scenarios';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<LiveAnswerPage> {
    await verifyHeading(page, LiveAnswerPage.title);
    return new LiveAnswerPage(page);
  }

  async answer(options: { acceptable: string; paragraphs: string[]; choice: string }) {
    await this.page
      .getByRole('group', { name: /Is this acceptable or not\?/ })
      .getByLabel(options.acceptable, { exact: true })
      .check();
    const paragraphs = this.page.getByRole('group', { name: /Which paragraphs/ });
    for (const p of options.paragraphs) await paragraphs.getByLabel(p, { exact: true }).check();
    await this.page
      .getByRole('group', { name: /What should the member do now\?/ })
      .getByLabel(options.choice, { exact: true })
      .check();
    await clickAndLoad(this.page, this.page.getByRole('button', { name: /my answer$/ }));
  }

  async checkForNext(): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: 'Check for the next scenario' }),
    );
  }
}
