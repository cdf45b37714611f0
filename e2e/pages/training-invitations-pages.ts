import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /my/training: the sessions I am invited to, each with my reply form. */
export class MyTrainingPage extends AbstractPage {
  static readonly path = '/my/training';
  static readonly title = 'Your training';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<MyTrainingPage> {
    await verifyHeading(page, MyTrainingPage.title);
    return new MyTrainingPage(page);
  }

  static async open(page: Page): Promise<MyTrainingPage> {
    await page.goto(MyTrainingPage.path);
    return MyTrainingPage.verifyOnPage(page);
  }

  /** The part of the page about one session, by its heading. */
  session(title: string | RegExp): Locator {
    return this.page.getByRole('region', { name: title });
  }

  /** Choose a reply (by its label), give a reason if any, and send it. */
  async reply(title: string | RegExp, choice: string, reason?: string): Promise<void> {
    const region = this.session(title);
    await region.getByLabel(choice, { exact: true }).check();
    if (reason !== undefined) await region.getByLabel('If you cannot attend, say why').fill(reason);
    await clickAndLoad(this.page, region.getByRole('button', { name: 'Send your reply' }));
  }

  async replyText(title: string | RegExp): Promise<string> {
    const row = this.session(title).locator('.govuk-summary-list__row', { hasText: 'Your reply' });
    return (await row.locator('.govuk-summary-list__value').innerText())
      .replace(/\s+/g, ' ')
      .trim();
  }
}

/** /my/training/calendar: make, read once and turn off my calendar address. */
export class TrainingCalendarPage extends AbstractPage {
  static readonly path = '/my/training/calendar';
  static readonly title = 'Your training calendar';
  readonly address: Locator;

  private constructor(page: Page) {
    super(page);
    this.address = page.getByRole('textbox', { name: 'Calendar address' });
  }

  static async verifyOnPage(page: Page): Promise<TrainingCalendarPage> {
    await verifyHeading(page, TrainingCalendarPage.title);
    return new TrainingCalendarPage(page);
  }

  async make(): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: /calendar address$/ }).first(),
    );
  }

  async turnOff(): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: 'Turn off my calendar address' }),
    );
  }
}

/** /admin/sessions/<id>/invitations: who is invited and how they replied. */
export class SessionInvitationsPage extends AbstractPage {
  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.locator('table.govuk-table');
  }

  static async verifyOnPage(page: Page, title: string | RegExp): Promise<SessionInvitationsPage> {
    await verifyHeading(page, title);
    return new SessionInvitationsPage(page);
  }

  static async open(
    page: Page,
    sessionId: number,
    title: string | RegExp,
  ): Promise<SessionInvitationsPage> {
    await page.goto(`/admin/sessions/${sessionId}/invitations`);
    return SessionInvitationsPage.verifyOnPage(page, title);
  }

  /** The table row of one person, by name. */
  row(name: string): Locator {
    return this.table.locator('tr', { hasText: name });
  }
}
