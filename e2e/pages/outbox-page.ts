import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/outbox: the emails Probity has made. */
export class OutboxPage extends AbstractPage {
  static readonly path = '/admin/outbox';
  static readonly title = 'Outbox';

  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.locator('main table.govuk-table');
  }

  static async verifyOnPage(page: Page): Promise<OutboxPage> {
    await verifyHeading(page, OutboxPage.title);
    return new OutboxPage(page);
  }

  /** The table row of the email with this subject sent to this address. */
  emailTo(address: string, subject: string): Locator {
    return this.table
      .locator('tbody tr')
      .filter({ hasText: address })
      .filter({ has: this.page.getByRole('link', { name: subject }) });
  }

  async openEmail(address: string, subject: string): Promise<void> {
    await clickAndLoad(
      this.page,
      this.emailTo(address, subject).getByRole('link', { name: subject }),
    );
  }
}

/** /admin/outbox/:id: one email, with its text as it will be sent. */
export class OutboxMessagePage extends AbstractPage {
  readonly body: Locator;

  private constructor(page: Page) {
    super(page);
    this.body = page.locator('main pre.probity-email-body');
  }

  static async verifyOnPage(page: Page, subject: string): Promise<OutboxMessagePage> {
    await verifyHeading(page, subject);
    return new OutboxMessagePage(page);
  }

  async bodyText(): Promise<string> {
    return this.body.innerText();
  }
}
